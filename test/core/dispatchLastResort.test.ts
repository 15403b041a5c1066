/**
 * The core's last resort: an error that is not a service error (a bug, or a state corrupted by hand) answers
 * `InternalErrorException` with the error's message and leaves the state as it was; a credential issue
 * travels with its result.
 */
import { dispatch } from "../../src/core";
import type { CoreState } from "../../src/core/state";
import { coreStateOf } from "../../src/internal";
import { setup } from "../support/helpers";

const ctx = { accountId: "123456789012", region: "us-east-1", now: Date.parse("2026-01-01T00:00:00Z") };

it("answers InternalErrorException for an error that is not a service error, changing nothing", () => {
  const { fake } = setup();
  const pool = fake.seedIdentityPool({ IdentityPoolName: "broken", AllowUnauthenticatedIdentities: true });
  const state = coreStateOf(fake);
  const entry = state.pools.get(pool.IdentityPoolId);
  if (!entry) throw new Error("no pool");
  // A pool entry whose configuration is missing: reading it throws a TypeError inside the handler.
  const broken: CoreState = Object.freeze({
    ...state,
    pools: state.pools.set(pool.IdentityPoolId, Object.freeze({ ...entry, pool: undefined as never })),
  });
  const answer = dispatch(broken, "DescribeIdentityPool", { IdentityPoolId: pool.IdentityPoolId }, ctx);
  expect(answer.state).toBe(broken);
  expect(answer.result.ok).toBe(false);
  if (answer.result.ok) return;
  expect(answer.result.error.type).toBe("InternalErrorException");
  expect(answer.result.error.message).toMatch(/Cannot read properties of undefined/);
});

it("carries the credential issue of GetCredentialsForIdentity with its output", () => {
  const { fake } = setup();
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "issue",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: "arn:aws:iam::123456789012:role/guest" },
  });
  const [guest] = fake.seedIdentities([{ IdentityPoolId: pool.IdentityPoolId }]);
  const answer = dispatch(
    coreStateOf(fake),
    "GetCredentialsForIdentity",
    { IdentityId: guest?.IdentityId },
    ctx,
  );
  expect(answer.result.ok).toBe(true);
  if (!answer.result.ok) return;
  expect(answer.result.issued).toMatchObject({
    identityId: guest?.IdentityId,
    roleArn: "arn:aws:iam::123456789012:role/guest",
    accessKeyId: (answer.result.output.Credentials as { AccessKeyId: string }).AccessKeyId,
  });
});
