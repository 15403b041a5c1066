/**
 * Generated values are a pure function of the seed: the same seed gives these very ids, request ids and
 * credentials, version after version (users' snapshots and fixtures may hold them).
 */
import {
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from "@aws-sdk/client-cognito-identity";
import { IdSource } from "../../src/core/ids";
import { setup } from "../support/helpers";

it("seed 1 generates these ids, request ids and credentials", async () => {
  const { client } = setup({ seed: 1 });
  const created = await client.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: "stable", AllowUnauthenticatedIdentities: true }),
  );
  expect(created.IdentityPoolId).toBe("us-east-1:14169f01-10c9-4332-bd09-77f216ad9c68");
  expect(created.$metadata.requestId).toBe("c0bc3ee7-d52a-41e8-9a9d-7e2091b07869");
  await client.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: created.IdentityPoolId,
      Roles: { unauthenticated: "arn:aws:iam::123456789012:role/guest" },
    }),
  );
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: created.IdentityPoolId }));
  expect(IdentityId).toBe("us-east-1:922924e3-97bb-4d71-82ae-c14ea337f8bd");
  const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  expect(Credentials?.AccessKeyId).toBe("ASIAJ8HXJ9FXLLULG3FA");
  expect(Credentials?.SecretKey).toBe("kBWLkZ7D+fFjSHQ7/iApDIzBh8rlhIwAygEipviB");
  expect(Credentials?.SessionToken?.slice(0, 40)).toBe("zS472HzMPuCDyrZidZpYRICjOpgCnPuvTLAJBI2q");
  expect(Credentials?.SessionToken).toHaveLength(356);
});

it("draws values longer than the generator's scratch buffer whole, and the same as a fresh generator", () => {
  const prefix = "p".repeat(600);
  const guid = new IdSource(3, 0).guid(prefix);
  expect(guid).toHaveLength(636);
  expect(guid.slice(600)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const long = new IdSource(3, 0).string(2000, "AB");
  expect(long).toMatch(/^[AB]{2000}$/);
  // After the long draws, short ones are unchanged: the same as from a generator that never drew long.
  const ids = new IdSource(3, 0);
  ids.string(2000, "AB");
  const fresh = new IdSource(3, 500);
  expect(ids.guid()).toBe(fresh.guid());
});
