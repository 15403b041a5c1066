/**
 * The merge path's bookkeeping, through the real SDK client: `LastModifiedDate` moves only when something is
 * linked; a login presented again refreshes its stored claims without counting as a change; a developer user
 * is never listed twice; an absorbed identity hands over its logins and their claims and is disabled at the
 * time of the merge; a refused merge changes nothing.
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  NotAuthorizedException,
  ResourceConflictException,
} from "@aws-sdk/client-cognito-identity";
import { CLIENT_ID, expectError, setup, USER_POOL } from "../support/helpers";
import { storedIdentity } from "../support/stored";

const DEV = "login.myapp";
const T0 = new Date("2026-01-01T00:00:00Z");
const T1 = new Date("2026-01-01T00:30:00Z");
const T2 = new Date("2026-01-01T00:50:00Z");

function world() {
  const clock = { now: T0 };
  const env = setup({ now: () => clock.now });
  const { IdentityPoolId } = env.fake.seedIdentityPool({
    IdentityPoolName: "merges",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app", "www.amazon.com": "amzn-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    DeveloperProviderName: DEV,
    Roles: { authenticated: "arn:aws:iam::123456789012:role/auth" },
  });
  const devId = async (Logins: Record<string, string>, IdentityId?: string) =>
    (
      await env.client.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId, Logins, IdentityId }),
      )
    ).IdentityId as string;
  const getId = async (Logins: Record<string, string>) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId, Logins }))).IdentityId as string;
  const userPoolToken = (dept: string) =>
    env.fake.loginToken.userPool({
      userPoolId: "us-east-1_TestPool1",
      clientId: CLIENT_ID,
      sub: "u-1",
      claims: { dept },
    });
  const merge = (SourceUserIdentifier: string, DestinationUserIdentifier: string) =>
    env.client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId,
        SourceUserIdentifier,
        DestinationUserIdentifier,
        DeveloperProviderName: DEV,
      }),
    );
  return { ...env, clock, devId, getId, userPoolToken, merge };
}

describe("LastModifiedDate and stored claims", () => {
  it("a login presented again refreshes its claims and leaves LastModifiedDate alone", async () => {
    const { fake, client, clock, getId, userPoolToken } = world();
    const id = await getId({ [USER_POOL]: userPoolToken("sales") });
    clock.now = T1;
    const Logins = { [USER_POOL]: userPoolToken("ops") };
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: id, Logins }));
    expect(fake.getIdentity(id)?.LastModifiedDate).toEqual(T0);
    expect(storedIdentity(fake, id)?.loginClaims[USER_POOL]).toMatchObject({ dept: "ops", sub: "u-1" });
  });

  it("linking a new login moves LastModifiedDate to now", async () => {
    const { fake, client, clock, getId, userPoolToken } = world();
    const token = userPoolToken("sales");
    const id = await getId({ [USER_POOL]: token });
    clock.now = T1;
    const Logins = { [USER_POOL]: token, "graph.facebook.com": "fb-1" };
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: id, Logins }));
    expect(fake.getIdentity(id)).toMatchObject({
      LastModifiedDate: T1,
      Logins: { [USER_POOL]: "u-1", "graph.facebook.com": "fb-1" },
    });
    expect(storedIdentity(fake, id)?.loginClaims["graph.facebook.com"]).toEqual({
      iss: "graph.facebook.com",
      aud: "fb-app",
      sub: "fb-1",
    });
  });

  it("a developer user presented again with a new login is listed once; presented alone again changes nothing", async () => {
    const { fake, clock, devId } = world();
    const id = await devId({ [DEV]: "user-1" });
    clock.now = T1;
    expect(await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" })).toBe(id);
    expect(fake.getIdentity(id)).toMatchObject({
      DeveloperUserIdentifiers: ["user-1"],
      Logins: { "graph.facebook.com": "fb-1" },
      LastModifiedDate: T1,
    });
    clock.now = T2;
    expect(await devId({ [DEV]: "user-1", "graph.facebook.com": "fb-1" })).toBe(id);
    expect(fake.getIdentity(id)).toMatchObject({
      DeveloperUserIdentifiers: ["user-1"],
      LastModifiedDate: T1,
    });
  });
});

describe("a sign-in that changes nothing", () => {
  it("leaves the state object as it was: the same token again, a developer user alone again", async () => {
    const { fake, getId, devId, userPoolToken } = world();
    const token = userPoolToken("sales");
    await getId({ [USER_POOL]: token });
    await getId({ [USER_POOL]: token });
    await devId({ [DEV]: "user-1" });
    await devId({ [DEV]: "user-1" });
    const [, again, , devAgain] = fake.calls;
    expect(again?.stateAfter).toBe(again?.stateBefore);
    expect(devAgain?.stateAfter).toBe(devAgain?.stateBefore);
  });

  it("writes when a presented login is not linked yet, or brings other claims", async () => {
    const { fake, getId, devId, userPoolToken } = world();
    const id = await getId({ [USER_POOL]: userPoolToken("sales") });
    await getId({ [USER_POOL]: userPoolToken("support") });
    await devId({ [DEV]: "user-1", [USER_POOL]: userPoolToken("support") });
    const [, otherClaims, developerUser] = fake.calls;
    expect(otherClaims?.stateAfter).not.toBe(otherClaims?.stateBefore);
    expect(developerUser?.stateAfter).not.toBe(developerUser?.stateBefore);
    expect(fake.getIdentity(id)?.DeveloperUserIdentifiers).toEqual(["user-1"]);
  });
});

describe("absorbing identities", () => {
  it("an implicit merge hands the absorbed identity's logins and claims to the oldest and disables it now", async () => {
    const { fake, client, clock, getId, userPoolToken } = world();
    const older = await getId({ "graph.facebook.com": "fb-1" });
    clock.now = T1;
    const newer = await getId({ [USER_POOL]: userPoolToken("sales") });
    clock.now = T2;
    const Logins = { [USER_POOL]: userPoolToken("sales"), "graph.facebook.com": "fb-1" };
    const answer = await client.send(new GetCredentialsForIdentityCommand({ IdentityId: newer, Logins }));
    expect(answer.IdentityId).toBe(older);
    expect(fake.getIdentity(older)).toMatchObject({
      Logins: { "graph.facebook.com": "fb-1", [USER_POOL]: "u-1" },
      LastModifiedDate: T2,
    });
    expect(fake.getIdentity(newer)).toMatchObject({ Disabled: true, LastModifiedDate: T2 });
    expect(storedIdentity(fake, older)?.loginClaims[USER_POOL]).toMatchObject({ dept: "sales" });
  });

  it("a guest presenting a login another identity owns is absorbed by that identity and disabled", async () => {
    const { client, fake, clock, getId } = world();
    const owner = await getId({ "graph.facebook.com": "fb-1" });
    const guest = await getId({});
    clock.now = T1;
    const answer = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: guest, Logins: { "graph.facebook.com": "fb-1" } }),
    );
    expect(answer.IdentityId).toBe(owner);
    expect(storedIdentity(fake, guest)).toMatchObject({ disabled: true, lastModifiedDate: T1.getTime() });
    await expectError(
      client.send(new GetCredentialsForIdentityCommand({ IdentityId: guest })),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Access to Identity '${guest}' is forbidden.`,
    );
  });

  it("MergeDeveloperIdentities carries the source's login claims and leaves its users' logins unique", async () => {
    const { fake, clock, devId, merge, userPoolToken } = world();
    const source = await devId({ [DEV]: "user-1", [USER_POOL]: userPoolToken("sales") });
    const destination = await devId({ [DEV]: "user-2" });
    clock.now = T1;
    await merge("user-1", "user-2");
    expect(storedIdentity(fake, destination)?.loginClaims[USER_POOL]).toMatchObject({ dept: "sales" });
    expect(fake.getIdentity(destination)?.Logins).toEqual({ [USER_POOL]: "u-1" });
    expect(fake.getIdentity(destination)).toMatchObject({
      DeveloperUserIdentifiers: ["user-2", "user-1"],
      LastModifiedDate: T1,
    });
    expect(fake.getIdentity(source)).toMatchObject({ Disabled: true, LastModifiedDate: T1 });
  });

  it("a seeded login without claims moves without claims", async () => {
    const { fake, devId, merge } = world();
    const poolId = fake.listIdentityPools()[0]?.IdentityPoolId as string;
    fake.seedIdentity({
      IdentityPoolId: poolId,
      Logins: { "graph.facebook.com": "fb-9" },
      DeveloperUserIdentifiers: ["user-9"],
    });
    const destination = await devId({ [DEV]: "user-2" });
    await merge("user-9", "user-2");
    expect(fake.getIdentity(destination)?.Logins).toEqual({ "graph.facebook.com": "fb-9" });
    expect(Object.keys(storedIdentity(fake, destination)?.loginClaims ?? {})).toEqual([]);
  });

  it("a merge may reach exactly 20 linked logins, not 21", async () => {
    const { fake, devId, merge } = world();
    const poolId = fake.listIdentityPools()[0]?.IdentityPoolId as string;
    const users = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => `user-${from + i}`);
    fake.seedIdentity({ IdentityPoolId: poolId, DeveloperUserIdentifiers: users(1, 10) });
    fake.seedIdentity({ IdentityPoolId: poolId, DeveloperUserIdentifiers: users(11, 10) });
    await merge("user-11", "user-1");
    const survivor = await devId({ [DEV]: "user-1" });
    expect(fake.getIdentity(survivor)?.DeveloperUserIdentifiers).toHaveLength(20);
    await devId({ [DEV]: "user-21" });
    await expectError(
      merge("user-21", "user-1"),
      ResourceConflictException,
      "ResourceConflictException",
      "The number of linked logins of an identity is limited to 20.",
    );
    expect(fake.getIdentity(survivor)?.DeveloperUserIdentifiers).toHaveLength(20);
  });

  it("a refused merge changes nothing, the absorbed identity stays enabled", async () => {
    const { fake, client, clock, getId } = world();
    const older = await getId({ "graph.facebook.com": "fb-1", "www.amazon.com": "a-1" });
    const newer = await getId({ "www.amazon.com": "a-2" });
    const before = fake.state;
    clock.now = T1;
    const Logins = { "graph.facebook.com": "fb-1", "www.amazon.com": "a-2" };
    await expectError(
      client.send(new GetCredentialsForIdentityCommand({ IdentityId: newer, Logins })),
      ResourceConflictException,
      "ResourceConflictException",
      "A different user of provider 'www.amazon.com' is already linked to this identity.",
    );
    expect(fake.state).toBe(before);
    expect(fake.getIdentity(older)?.Disabled).toBeFalsy();
    expect(fake.getIdentity(newer)?.Disabled).toBeFalsy();
  });
});
