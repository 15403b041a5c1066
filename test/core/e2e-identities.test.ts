/**
 * A realistic app walked through the real SDK client: a guest on device 1, a user-pool sign-in linked to
 * that identity (through GetCredentialsForIdentity, as the SDK does it), a second device, a developer
 * account, a merge, unlinks, and the listing an admin sees.
 */
import {
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  UnlinkDeveloperIdentityCommand,
  UnlinkIdentityCommand,
} from "@aws-sdk/client-cognito-identity";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";

const DEV = "login.myapp";
const AUTH = "arn:aws:iam::123456789012:role/photos-auth";
const UNAUTH = "arn:aws:iam::123456789012:role/photos-guest";
const FACEBOOK = "graph.facebook.com";

it("guest -> sign-in linked -> second device -> developer user -> merge -> unlink -> listing", async () => {
  const clock = { now: new Date("2026-01-01T00:00:00Z") };
  const at = (iso: string) => {
    clock.now = new Date(iso);
  };
  const { fake, client } = setup({ now: () => clock.now });
  const { IdentityPoolId: poolId } = fake.seedIdentityPool({
    IdentityPoolName: "photos",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { [FACEBOOK]: "fb-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    DeveloperProviderName: DEV,
    Roles: { authenticated: AUTH, unauthenticated: UNAUTH },
  });
  const signInToken = () =>
    fake.loginToken.userPool({
      userPoolId: "us-east-1_TestPool1",
      clientId: CLIENT_ID,
      sub: "alice-sub",
      claims: { "cognito:username": "alice" },
    });

  // Before the app launches, Alice's old account exists on the legacy backend: a developer user with her Facebook login.
  const legacy = await client.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      Logins: { [DEV]: "legacy-alice", [FACEBOOK]: "fb-alice" },
    }),
  );
  const legacyId = legacy.IdentityId as string;

  // 1. Device 1 opens the app as a guest (GetId, then guest credentials).
  at("2026-01-01T08:00:00Z");
  const guest = (await client.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId as string;
  expect((await client.send(new DescribeIdentityCommand({ IdentityId: guest }))).Logins).toBeUndefined();
  await client.send(new GetCredentialsForIdentityCommand({ IdentityId: guest }));

  // 2. Alice signs in with the user pool on device 1: the SDK asks for credentials with the cached guest
  //    IdentityId and the new Logins, which links her sign-in to the device's identity (same id, now
  //    authenticated).
  at("2026-01-01T08:05:00Z");
  const upgraded = await client.send(
    new GetCredentialsForIdentityCommand({ IdentityId: guest, Logins: { [USER_POOL]: signInToken() } }),
  );
  expect(upgraded.IdentityId).toBe(guest);
  expect(fake.issuedCredentials.map((c) => [c.identityId, c.roleArn])).toEqual([
    [guest, UNAUTH],
    [guest, AUTH],
  ]);
  expect((await client.send(new DescribeIdentityCommand({ IdentityId: guest }))).Logins).toEqual([USER_POOL]);

  //    The app's backend then links her developer account, proving the identity with her sign-in.
  at("2026-01-01T08:06:00Z");
  const linked = await client.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      IdentityId: guest,
      Logins: { [DEV]: "alice", [USER_POOL]: signInToken() },
    }),
  );
  expect(linked.IdentityId).toBe(guest);
  const afterSignIn = await client.send(new DescribeIdentityCommand({ IdentityId: guest }));
  expect(afterSignIn.Logins).toEqual([USER_POOL, DEV]);
  expect(afterSignIn.CreationDate).toEqual(new Date("2026-01-01T08:00:00Z"));
  expect(afterSignIn.LastModifiedDate).toEqual(new Date("2026-01-01T08:06:00Z"));

  //    Her developer token gets credentials too (enhanced developer flow).
  const devCredentials = await client.send(
    new GetCredentialsForIdentityCommand({
      IdentityId: guest,
      Logins: { "cognito-identity.amazonaws.com": linked.Token as string },
    }),
  );
  expect(devCredentials.IdentityId).toBe(guest);
  expect(fake.issuedCredentials.at(-1)?.roleArn).toBe(AUTH);

  // 3. Device 2 signs in with the same user-pool account: the same identity.
  at("2026-01-01T09:00:00Z");
  const device2 = await client.send(
    new GetIdCommand({ IdentityPoolId: poolId, Logins: { [USER_POOL]: signInToken() } }),
  );
  expect(device2.IdentityId).toBe(guest);

  // 4. The developer user is linked: support looks Alice up by her developer user identifier.
  const found = await client.send(
    new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: "alice" }),
  );
  expect(found.IdentityId).toBe(guest);
  expect(found.DeveloperUserIdentifierList).toEqual(["alice"]);

  // 5. Support merges her legacy account into her current one: the legacy identity's logins move over.
  at("2026-01-01T10:00:00Z");
  const merged = await client.send(
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      SourceUserIdentifier: "legacy-alice",
      DestinationUserIdentifier: "alice",
      DeveloperProviderName: DEV,
    }),
  );
  expect(merged.IdentityId).toBe(guest);
  expect(fake.getIdentity(guest)).toMatchObject({
    Logins: { [USER_POOL]: "alice-sub", [FACEBOOK]: "fb-alice" },
    DeveloperUserIdentifiers: ["alice", "legacy-alice"],
    Disabled: false,
  });
  expect(fake.getIdentity(legacyId)).toMatchObject({
    Disabled: true,
    Logins: {},
    DeveloperUserIdentifiers: [],
  });
  // Facebook sign-in now reaches the merged identity.
  expect(
    (await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: "fb-alice" } })))
      .IdentityId,
  ).toBe(guest);

  // 6. Alice disconnects Facebook in the app (proving who she is with her user-pool token), and support retires
  //    the legacy developer identifier.
  at("2026-01-01T11:00:00Z");
  await client.send(
    new UnlinkIdentityCommand({
      IdentityId: guest,
      Logins: { [USER_POOL]: signInToken() },
      LoginsToRemove: [FACEBOOK],
    }),
  );
  await client.send(
    new UnlinkDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      IdentityId: guest,
      DeveloperProviderName: DEV,
      DeveloperUserIdentifier: "legacy-alice",
    }),
  );
  // Her Facebook account, signing in again, is a new identity.
  at("2026-01-01T12:00:00Z");
  const facebookAgain = (
    await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [FACEBOOK]: "fb-alice" } }))
  ).IdentityId as string;
  expect(facebookAgain).not.toBe(guest);

  // 7. The admin's listing, with and without the disabled (merged-away) identity.
  const all = await client.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60 }));
  expect(all.Identities).toEqual([
    {
      IdentityId: legacyId,
      CreationDate: new Date("2026-01-01T00:00:00Z"),
      LastModifiedDate: new Date("2026-01-01T10:00:00Z"),
    },
    {
      IdentityId: guest,
      Logins: [USER_POOL, DEV],
      CreationDate: new Date("2026-01-01T08:00:00Z"),
      LastModifiedDate: new Date("2026-01-01T11:00:00Z"),
    },
    {
      IdentityId: facebookAgain,
      Logins: [FACEBOOK],
      CreationDate: new Date("2026-01-01T12:00:00Z"),
      LastModifiedDate: new Date("2026-01-01T12:00:00Z"),
    },
  ]);
  const visible = await client.send(
    new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, HideDisabled: true }),
  );
  expect(visible.Identities?.map((i) => i.IdentityId)).toEqual([guest, facebookAgain]);
  expect(fake.listIdentities(poolId).map((i) => [i.IdentityId, i.Disabled])).toEqual([
    [legacyId, true],
    [guest, false],
    [facebookAgain, false],
  ]);
});
