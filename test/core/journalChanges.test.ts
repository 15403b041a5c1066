/**
 * Tests that explain themselves: each journal entry keeps the state before and after its call (not
 * enumerable, so never printed), and `fake.changesOf(call)` says what the call changed, as data and text.
 */
import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  TagResourceCommand,
  UnlinkDeveloperIdentityCommand,
  UnlinkIdentityCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import type { CallRecord, StateChange } from "../../src";
import { rejection, setup } from "../support/helpers";

const FB = "graph.facebook.com";
const AMAZON = "www.amazon.com";
const DEV = "login.app";
const AUTH = "arn:aws:iam::123456789012:role/user";

function world() {
  const env = setup();
  const pool = env.fake.seedIdentityPool({
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { [FB]: "fb-app", [AMAZON]: "amzn-app" },
    DeveloperProviderName: DEV,
  });
  const poolId = pool.IdentityPoolId;
  const getId = async (Logins: Record<string, string>) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }))).IdentityId as string;
  const devId = async (user: string, IdentityId?: string, Logins: Record<string, string> = {}) =>
    (
      await env.client.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId,
          Logins: { [DEV]: user, ...Logins },
        }),
      )
    ).IdentityId as string;
  /** The changes of the latest call. */
  const last = (): readonly StateChange[] => env.fake.changesOf(env.fake.calls.at(-1) as CallRecord).changes;
  const lastText = (): string => env.fake.changesOf(env.fake.calls.at(-1) as CallRecord).text;
  return { ...env, pool, poolId, getId, devId, last, lastText };
}

describe("the journal keeps the state before and after each call", () => {
  it("as non-enumerable views: not printed, not serialized, not compared", async () => {
    const { fake, client } = setup();
    const out = await client.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true }),
    );
    const [call] = fake.calls as [CallRecord];
    expect(call.stateBefore.IdentityPools.size).toBe(0);
    expect(call.stateAfter.IdentityPools.get(out.IdentityPoolId as string)?.IdentityPoolName).toBe("app");
    expect(call.stateAfter).toBe(fake.state);
    expect(Object.keys(call)).toEqual(["operation", "input", "output", "region", "time"]);
    expect(JSON.parse(JSON.stringify(call))).not.toHaveProperty("stateBefore");
    expect(call).toStrictEqual({
      operation: "CreateIdentityPool",
      input: { IdentityPoolName: "app", AllowUnauthenticatedIdentities: true },
      output: expect.objectContaining({ IdentityPoolName: "app" }),
      region: "us-east-1",
      time: new Date("2026-01-01T00:00:00Z"),
    });
  });

  it("the same state object on both sides of a failed or read-only call", async () => {
    const { fake, client, poolId } = world();
    await rejection(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:nope" })));
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    for (const call of fake.calls) {
      expect(call.stateAfter).toBe(call.stateBefore);
      expect(fake.changesOf(call)).toEqual({ changes: [], text: "no changes" });
    }
  });

  it("records an unknown target as sent, with no changes", async () => {
    const { fake } = setup();
    await fake.requestHandler().handle({
      protocol: "https:",
      hostname: "cognito-identity.us-east-1.amazonaws.com",
      method: "POST",
      path: "/",
      headers: { "x-amz-target": "AWSCognitoIdentityService.GetID" },
      body: "{}",
    });
    const [call] = fake.calls as [CallRecord];
    expect(call.operation).toBe("GetID");
    expect(call.error?.name).toBe("UnknownOperationException");
    expect(fake.changesOf(call).changes).toEqual([]);
  });

  it("changesOf refuses anything that is not a journal entry", () => {
    const { fake } = setup();
    expect(() => fake.changesOf({ operation: "GetId" } as unknown as CallRecord)).toThrow(
      "changesOf: the argument is not a record of a fake's journal (fake.calls)",
    );
  });
});

describe("changesOf", () => {
  it("pools: created, each changed member (name, tags, roles, role mappings), deleted with its identities", async () => {
    const { fake, client } = setup();
    const { IdentityPoolId: id } = await client.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true }),
    );
    const poolId = id as string;
    const changesOfLast = () => fake.changesOf(fake.calls.at(-1) as CallRecord);
    expect(changesOfLast().changes).toEqual([
      { kind: "poolCreated", identityPoolId: poolId, identityPoolName: "app" },
    ]);
    expect(changesOfLast().text).toBe(`pool ${poolId} "app" created`);

    const arn = fake.getIdentityPool(poolId)?.Arn as string;
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { team: "blue" } }));
    expect(changesOfLast().changes).toEqual([
      {
        kind: "poolUpdated",
        identityPoolId: poolId,
        members: [{ member: "IdentityPoolTags", before: {}, after: { team: "blue" } }],
      },
    ]);
    expect(changesOfLast().text).toBe(`pool ${poolId} IdentityPoolTags: {} -> {"team":"blue"}`);

    await client.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: poolId,
        IdentityPoolName: "app2",
        AllowUnauthenticatedIdentities: true,
        SupportedLoginProviders: { [FB]: "fb-app" },
      }),
    );
    expect(changesOfLast().text).toBe(
      [
        `pool ${poolId} IdentityPoolName: "app" -> "app2"`,
        `pool ${poolId} SupportedLoginProviders: (none) -> {"graph.facebook.com":"fb-app"}`,
      ].join("\n"),
    );

    const mapping = { Type: "Token" as const, AmbiguousRoleResolution: "AuthenticatedRole" as const };
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: AUTH },
        RoleMappings: { [FB]: mapping },
      }),
    );
    const [update] = changesOfLast().changes as [Extract<StateChange, { kind: "poolUpdated" }>];
    expect(update.members).toEqual([
      { member: "Roles", before: {}, after: { authenticated: AUTH } },
      { member: "RoleMappings", before: {}, after: { [FB]: mapping } },
    ]);

    await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FB]: "fb-1" } }));
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
    expect(changesOfLast().changes).toEqual([
      { kind: "poolDeleted", identityPoolId: poolId, identityPoolName: "app2", identities: 1 },
    ]);
    expect(changesOfLast().text).toBe(`pool ${poolId} "app2" deleted (with 1 identity)`);
  });

  it("identities: created with their logins, linked, unlinked, disabled when the last login goes", async () => {
    const { client, poolId, getId, last, lastText } = world();
    const id = await getId({ [FB]: "fb-1" });
    expect(last()).toEqual([
      { kind: "identityCreated", identityId: id, identityPoolId: poolId },
      { kind: "loginLinked", identityId: id, provider: FB, userIdentifier: "fb-1" },
    ]);
    expect(lastText()).toBe(
      `identity ${id} created in pool ${poolId}\nidentity ${id} linked ${FB} user "fb-1"`,
    );
    await getId({ [FB]: "fb-1", [AMAZON]: "amzn-1" });
    expect(last()).toEqual([
      { kind: "loginLinked", identityId: id, provider: AMAZON, userIdentifier: "amzn-1" },
    ]);
    await getId({ [FB]: "fb-1" });
    expect(last()).toEqual([]);

    await client.send(
      new UnlinkIdentityCommand({ IdentityId: id, Logins: { [FB]: "fb-1" }, LoginsToRemove: [FB] }),
    );
    expect(last()).toEqual([{ kind: "loginUnlinked", identityId: id, provider: FB, userIdentifier: "fb-1" }]);
    await client.send(
      new UnlinkIdentityCommand({ IdentityId: id, Logins: { [AMAZON]: "amzn-1" }, LoginsToRemove: [AMAZON] }),
    );
    expect(last()).toEqual([
      { kind: "loginUnlinked", identityId: id, provider: AMAZON, userIdentifier: "amzn-1" },
      { kind: "identityDisabled", identityId: id, identityPoolId: poolId },
    ]);
    expect(lastText()).toBe(`identity ${id} unlinked ${AMAZON} user "amzn-1"\nidentity ${id} disabled`);
  });

  it("merges: the absorbed identity is merged into the survivor, which gains its logins", async () => {
    const { poolId, getId, last, lastText } = world();
    const older = await getId({ [FB]: "fb-1" });
    const newer = await getId({ [AMAZON]: "amzn-1" });
    await getId({ [FB]: "fb-1", [AMAZON]: "amzn-1" });
    expect(last()).toEqual([
      { kind: "loginLinked", identityId: older, provider: AMAZON, userIdentifier: "amzn-1" },
      { kind: "identityMerged", identityId: newer, identityPoolId: poolId, into: older },
    ]);
    expect(lastText()).toContain(`identity ${newer} merged into ${older} (disabled)`);
  });

  it("developer users: linked, merged by MergeDeveloperIdentities, unlinked; identities deleted", async () => {
    const { fake, client, poolId, devId, last, lastText } = world();
    const a = await devId("user-a");
    expect(last()).toEqual([
      { kind: "identityCreated", identityId: a, identityPoolId: poolId },
      { kind: "developerUserLinked", identityId: a, developerUserIdentifier: "user-a" },
    ]);
    expect(lastText()).toContain(`identity ${a} linked developer user "user-a"`);
    const b = await devId("user-b");
    await client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        SourceUserIdentifier: "user-b",
        DestinationUserIdentifier: "user-a",
        DeveloperProviderName: DEV,
      }),
    );
    expect(last()).toEqual([
      { kind: "developerUserLinked", identityId: a, developerUserIdentifier: "user-b" },
      { kind: "identityMerged", identityId: b, identityPoolId: poolId, into: a },
    ]);
    await client.send(
      new UnlinkDeveloperIdentityCommand({
        IdentityId: a,
        IdentityPoolId: poolId,
        DeveloperProviderName: DEV,
        DeveloperUserIdentifier: "user-b",
      }),
    );
    expect(last()).toEqual([
      { kind: "developerUserUnlinked", identityId: a, developerUserIdentifier: "user-b" },
    ]);
    expect(lastText()).toBe(`identity ${a} unlinked developer user "user-b"`);

    await client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [a, b] }));
    expect(last()).toEqual([
      { kind: "identityDeleted", identityId: a, identityPoolId: poolId },
      { kind: "identityDeleted", identityId: b, identityPoolId: poolId },
    ]);
    expect(fake.changesOf(fake.calls[0] as CallRecord).changes).toHaveLength(2);
  });

  it("reads only what changed in a large pool: one identity among thousands", async () => {
    const { fake, poolId, getId, last } = world();
    fake.seedIdentities(
      Array.from({ length: 2000 }, (_, i) => ({ IdentityPoolId: poolId, Logins: { [FB]: `u${i}` } })),
    );
    const id = await getId({ [AMAZON]: "amzn-new" });
    expect(last()).toEqual([
      { kind: "identityCreated", identityId: id, identityPoolId: poolId },
      { kind: "loginLinked", identityId: id, provider: AMAZON, userIdentifier: "amzn-new" },
    ]);
  });
});
