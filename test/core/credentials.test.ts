/**
 * GetCredentialsForIdentity through the real SDK client: guests and authenticated identities, the pool's roles,
 * CustomRoleArn without role mappings, and the record in fake.issuedCredentials. Role mappings:
 * `credentialsRoleMappings`; principal tags and developer tokens: `credentialsTags`.
 */
import {
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  InvalidIdentityPoolConfigurationException,
  NotAuthorizedException,
  ResourceNotFoundException,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import {
  AUTH,
  DEV,
  forbidden,
  INVALID_CONFIG,
  LOGINS_DONT_MATCH,
  NOW,
  roleForbidden,
  UNAUTH,
  USER_POOL_ID,
  world,
} from "../support/fixtures/credentials";
import { CLIENT_ID, expectError, USER_POOL } from "../support/helpers";

describe("GetCredentialsForIdentity: guests", () => {
  it("answers credentials of the unauthenticated role, valid one hour, and records the issue", async () => {
    const { fake, getId, credentials, poolId } = world();
    const guest = await getId();
    const out = await credentials(guest);
    expect(out.IdentityId).toBe(guest);
    const creds = out.Credentials;
    expect(creds?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(creds?.SecretKey).toHaveLength(40);
    expect(creds?.SessionToken).toEqual(expect.any(String));
    expect(creds?.SessionToken?.length).toBeGreaterThan(100);
    expect(creds?.Expiration).toEqual(new Date(NOW.getTime() + 3600_000));
    expect(fake.issuedCredentials).toEqual([
      {
        identityId: guest,
        identityPoolId: poolId,
        roleArn: UNAUTH,
        accessKeyId: creds?.AccessKeyId,
        expiration: new Date("2026-01-01T01:00:00Z"),
        principalTags: {},
      },
    ]);
  });

  it("draws different keys per issue, the same for the same seed", async () => {
    const a = world();
    const b = world();
    const idA = await a.getId();
    const idB = await b.getId();
    const first = (await a.credentials(idA)).Credentials;
    const second = (await a.credentials(idA)).Credentials;
    expect(second?.AccessKeyId).not.toBe(first?.AccessKeyId);
    expect(second?.SecretKey).not.toBe(first?.SecretKey);
    expect(idB).toBe(idA);
    expect((await b.credentials(idB)).Credentials).toEqual(first);
  });

  it("refuses guests when the pool does not allow them any more", async () => {
    const { client, getId, credentials, poolId, fake } = world();
    const guest = await getId();
    await client.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: poolId,
        IdentityPoolName: "creds",
        AllowUnauthenticatedIdentities: false,
      }),
    );
    await expectError(
      credentials(guest),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Unauthenticated access is not supported for this identity pool.",
    );
    expect(fake.issuedCredentials).toEqual([]);
  });

  it("upgrades a guest presented with new logins (the SDK's sign-in path): same identity, now authenticated", async () => {
    const { client, fake, getId, credentials, idToken } = world();
    const guest = await getId();
    const out = await credentials(guest, { [USER_POOL]: idToken("alice") });
    expect(out.IdentityId).toBe(guest);
    expect(fake.issuedCredentials.at(-1)?.roleArn).toBe(AUTH);
    expect((await client.send(new DescribeIdentityCommand({ IdentityId: guest }))).Logins).toEqual([
      USER_POOL,
    ]);
    expect(fake.getIdentity(guest)?.Logins).toEqual({ [USER_POOL]: "alice" });
  });

  it("merges a guest into the identity that already owns the presented login, and answers that identity", async () => {
    const { fake, getId, credentials, idToken } = world();
    const alice = await getId({ [USER_POOL]: idToken("alice") });
    const guest = await getId();
    const out = await credentials(guest, { [USER_POOL]: idToken("alice") });
    expect(out.IdentityId).toBe(alice);
    expect(fake.issuedCredentials.at(-1)).toMatchObject({ identityId: alice, roleArn: AUTH });
    expect(fake.getIdentity(guest)?.Disabled).toBe(true);
    await expectError(credentials(guest), NotAuthorizedException, "NotAuthorizedException", forbidden(guest));
  });
});

describe("GetCredentialsForIdentity: authenticated identities", () => {
  it("answers the authenticated role for the identity's own login, and links new logins presented with it", async () => {
    const { fake, getId, credentials, idToken } = world();
    const Logins = { [USER_POOL]: idToken("alice") };
    const alice = await getId(Logins);
    const out = await credentials(alice, { ...Logins, "graph.facebook.com": "fb-alice" });
    expect(out.IdentityId).toBe(alice);
    expect(fake.issuedCredentials.map((c) => [c.identityId, c.roleArn])).toEqual([[alice, AUTH]]);
    expect(fake.getIdentity(alice)?.Logins).toEqual({
      [USER_POOL]: "alice",
      "graph.facebook.com": "fb-alice",
    });
  });

  it("refuses an authenticated identity without logins, or with logins that are not its own", async () => {
    const { fake, getId, credentials, idToken } = world();
    const alice = await getId({ [USER_POOL]: idToken("alice") });
    // Mallory's login is linked to an identity of its own: it is still not one of Alice's.
    await getId({ [USER_POOL]: idToken("mallory") });
    await expectError(credentials(alice), NotAuthorizedException, "NotAuthorizedException", forbidden(alice));
    await expectError(
      credentials(alice, { [USER_POOL]: idToken("mallory") }),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
    await expectError(
      credentials(alice, { "graph.facebook.com": "fb-new" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
    expect(fake.getIdentity(alice)?.Logins).toEqual({ [USER_POOL]: "alice" });
    expect(fake.issuedCredentials).toEqual([]);
  });

  it("refuses a developer identity without its OpenID token", async () => {
    const { devToken, credentials } = world();
    const { IdentityId } = await devToken({ [DEV]: "dev-1" });
    const id = IdentityId as string;
    await expectError(credentials(id), NotAuthorizedException, "NotAuthorizedException", forbidden(id));
  });

  it("answers an unknown identity, or one of another region, as not found", async () => {
    const { clientIn, getId, credentials } = world();
    const unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    await expectError(
      credentials(unknown),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${unknown}' not found.`,
    );
    const guest = await getId();
    await expectError(
      clientIn("eu-west-1").send(new GetCredentialsForIdentityCommand({ IdentityId: guest })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${guest}' not found.`,
    );
  });

  it("checks the login tokens: an expired token fails the whole call", async () => {
    const { fake, getId, credentials } = world();
    const alice = await getId({
      [USER_POOL]: fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub: "alice" }),
    });
    const expired = fake.loginToken.userPool({
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      sub: "alice",
      claims: { exp: NOW.getTime() / 1000 - 1 },
    });
    await expectError(
      credentials(alice, { [USER_POOL]: expired }),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${NOW.getTime() / 1000} >= ${NOW.getTime() / 1000 - 1}`,
    );
  });
});

describe("GetCredentialsForIdentity: no role for the identity's type", () => {
  it.each([
    ["a guest, no roles", {}, false],
    ["an authenticated identity, no roles", {}, true],
    ["a guest, only an authenticated role", { authenticated: AUTH }, false],
    ["an authenticated identity, only an unauthenticated role", { unauthenticated: UNAUTH }, true],
  ])("%s -> InvalidIdentityPoolConfigurationException", async (_, roles, authenticated) => {
    const { fake, getId, credentials, idToken } = world({ roles });
    const Logins = authenticated ? { [USER_POOL]: idToken("alice") } : undefined;
    const id = await getId(Logins);
    await expectError(
      credentials(id, Logins),
      InvalidIdentityPoolConfigurationException,
      "InvalidIdentityPoolConfigurationException",
      INVALID_CONFIG,
    );
    expect(fake.issuedCredentials).toEqual([]);
  });
});

describe("GetCredentialsForIdentity: CustomRoleArn without role mappings", () => {
  it("may name the role the identity gets anyway, nothing else", async () => {
    const { fake, getId, credentials } = world();
    const guest = await getId();
    await credentials(guest, undefined, UNAUTH);
    expect(fake.issuedCredentials.at(-1)?.roleArn).toBe(UNAUTH);
    await expectError(
      credentials(guest, undefined, AUTH),
      NotAuthorizedException,
      "NotAuthorizedException",
      roleForbidden(AUTH),
    );
  });
});
