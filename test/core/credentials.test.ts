/**
 * GetCredentialsForIdentity through the real SDK client: guests and authenticated identities, role
 * resolution (roles, Rules and Token mappings, AmbiguousRoleResolution, CustomRoleArn), principal tags,
 * developer tokens as the `cognito-identity.amazonaws.com` login, and the record in fake.issuedCredentials.
 */
import {
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  InvalidIdentityPoolConfigurationException,
  MergeDeveloperIdentitiesCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import type { RoleMapping, SeedIdentityPoolInput } from "../../src";
import { CLIENT_ID, expectError, setup, USER_POOL } from "../support/helpers";

const USER_POOL_ID = "us-east-1_TestPool1";
const OIDC_HOST = "login.example.com";
const OIDC_ARN = `arn:aws:iam::123456789012:oidc-provider/${OIDC_HOST}`;
const DEV = "login.myapp";
const COGNITO = "cognito-identity.amazonaws.com";
const NOW = new Date("2026-01-01T00:00:00Z");
const role = (name: string): string => `arn:aws:iam::123456789012:role/${name}`;
const AUTH = role("auth");
const UNAUTH = role("unauth");
const ADMIN = role("admin");
const PARTNER = role("partner");
const ENG = role("eng");
const PAID = role("paid");
const MAPPING_KEY = `${USER_POOL}:${CLIENT_ID}`;

const LOGINS_DONT_MATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";
const INVALID_CONFIG = "Invalid identity pool configuration. Check assigned IAM roles for this pool.";
const DENIED = `The ambiguous role mapping rules for: ${USER_POOL} denied this request.`;
const forbidden = (id: string) => `Access to Identity '${id}' is forbidden.`;
const roleForbidden = (arn: string) => `Access to Role '${arn}' is forbidden.`;

interface WorldOptions {
  roles?: Record<string, string>;
  mappings?: SeedIdentityPoolInput["RoleMappings"];
  tagMaps?: Record<string, { UseDefaults?: boolean; PrincipalTags?: Record<string, string> }>;
}

/** A pool with user-pool, OIDC, Facebook and developer providers, roles, and helpers around it. */
function world(options: WorldOptions = {}) {
  const clock = { now: NOW };
  const env = setup({ now: () => clock.now });
  const pool = env.fake.seedIdentityPool({
    IdentityPoolName: "creds",
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    OpenIdConnectProviderARNs: [OIDC_ARN],
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    DeveloperProviderName: DEV,
    Roles: options.roles ?? { authenticated: AUTH, unauthenticated: UNAUTH },
    RoleMappings: options.mappings,
    PrincipalTagAttributeMaps: options.tagMaps,
  });
  const poolId = pool.IdentityPoolId;
  const idToken = (sub: string, claims?: Record<string, unknown>) =>
    env.fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub, claims });
  const getId = async (Logins?: Record<string, string>) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }))).IdentityId as string;
  const credentials = (IdentityId: string, Logins?: Record<string, string>, CustomRoleArn?: string) =>
    env.client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn }));
  /** Signs in with a user-pool token of `sub` with these claims; answers the role the credentials carry. */
  const roleOf = async (sub: string, claims: Record<string, unknown>, CustomRoleArn?: string) => {
    const Logins = { [USER_POOL]: idToken(sub, claims) };
    await credentials(await getId(Logins), Logins, CustomRoleArn);
    return env.fake.issuedCredentials.at(-1)?.roleArn;
  };
  const devToken = async (Logins: Record<string, string>, extra: Record<string, unknown> = {}) =>
    env.client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins, ...extra }),
    );
  return { ...env, clock, pool, poolId, idToken, getId, credentials, roleOf, devToken };
}

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

const RULES: NonNullable<RoleMapping["RulesConfiguration"]>["Rules"] = [
  { Claim: "cognito:groups", MatchType: "Equals", Value: "admins", RoleARN: ADMIN },
  { Claim: "email", MatchType: "Contains", Value: "@partner.", RoleARN: PARTNER },
  { Claim: "custom:dept", MatchType: "StartsWith", Value: "eng", RoleARN: ENG },
  { Claim: "custom:tier", MatchType: "NotEqual", Value: "free", RoleARN: PAID },
];

const rulesMapping = (
  AmbiguousRoleResolution: "AuthenticatedRole" | "Deny",
): Record<string, RoleMapping> => ({
  [MAPPING_KEY]: { Type: "Rules", AmbiguousRoleResolution, RulesConfiguration: { Rules: RULES } },
});

describe("GetCredentialsForIdentity: Rules role mapping", () => {
  it.each<[string, Record<string, unknown>, string]>([
    ["Equals on a cognito:groups array element", { "cognito:groups": ["users", "admins"] }, ADMIN],
    [
      "the first matching rule wins (order)",
      { "cognito:groups": ["admins"], email: "a@partner.example", "custom:tier": "pro" },
      ADMIN,
    ],
    ["Contains", { email: "bob@partner.example" }, PARTNER],
    ["StartsWith", { "custom:dept": "engineering" }, ENG],
    ["NotEqual on a present claim", { "custom:tier": "pro" }, PAID],
    [
      "a later rule when earlier claims do not match",
      { "cognito:groups": ["users"], "custom:tier": "pro" },
      PAID,
    ],
  ])("%s", async (_, claims, expected) => {
    const { roleOf } = world({ mappings: rulesMapping("Deny") });
    expect(await roleOf("u-1", claims)).toBe(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ["NotEqual on a missing claim does not match", {}],
    ["NotEqual on an equal claim", { "custom:tier": "free" }],
    ["Equals is not a substring match", { "cognito:groups": ["administrators"] }],
    ["StartsWith is anchored", { "custom:dept": "reengineering", "custom:tier": "free" }],
  ])("no rule matches (%s): Deny refuses with the real message", async (_, claims) => {
    const { roleOf, fake } = world({ mappings: rulesMapping("Deny") });
    await expectError(roleOf("u-1", claims), NotAuthorizedException, "NotAuthorizedException", DENIED);
    expect(fake.issuedCredentials).toEqual([]);
  });

  it("no rule matches: AuthenticatedRole falls back to the pool's authenticated role", async () => {
    const { roleOf } = world({ mappings: rulesMapping("AuthenticatedRole") });
    expect(await roleOf("u-1", { "custom:tier": "free" })).toBe(AUTH);
    expect(await roleOf("u-2", { email: "x@partner.example" })).toBe(PARTNER);
  });

  it("CustomRoleArn picks among the matching rules' roles, and nothing else", async () => {
    const { roleOf } = world({ mappings: rulesMapping("Deny") });
    const claims = { "cognito:groups": ["admins"], "custom:tier": "pro" };
    expect(await roleOf("u-1", claims, PAID)).toBe(PAID);
    await expectError(
      roleOf("u-1", claims, ENG),
      NotAuthorizedException,
      "NotAuthorizedException",
      roleForbidden(ENG),
    );
  });

  it("reads the claims of the token presented now, not of an earlier sign-in", async () => {
    const { fake, getId, credentials, idToken } = world({ mappings: rulesMapping("AuthenticatedRole") });
    const id = await getId({ [USER_POOL]: idToken("u-1", { "cognito:groups": ["admins"] }) });
    await credentials(id, { [USER_POOL]: idToken("u-1", { "cognito:groups": ["admins"] }) });
    await credentials(id, { [USER_POOL]: idToken("u-1", { "cognito:groups": ["users"] }) });
    expect(fake.issuedCredentials.map((c) => c.roleArn)).toEqual([ADMIN, AUTH]);
  });

  it("applies only to the mapped provider: other logins get the authenticated role", async () => {
    const { fake, getId, credentials } = world({ mappings: rulesMapping("Deny") });
    const Logins = { "graph.facebook.com": "fb-user" };
    await credentials(await getId(Logins), Logins);
    expect(fake.issuedCredentials.at(-1)?.roleArn).toBe(AUTH);
  });

  it("follows SetIdentityPoolRoles through the API", async () => {
    const { client, poolId, roleOf } = world();
    expect(await roleOf("u-1", { "cognito:groups": ["admins"] })).toBe(AUTH);
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: AUTH, unauthenticated: UNAUTH },
        RoleMappings: rulesMapping("Deny"),
      }),
    );
    expect(await roleOf("u-1", { "cognito:groups": ["admins"] })).toBe(ADMIN);
  });
});

describe("GetCredentialsForIdentity: Token role mapping", () => {
  const tokenMapping = (AmbiguousRoleResolution: "AuthenticatedRole" | "Deny") => ({
    [MAPPING_KEY]: { Type: "Token" as const, AmbiguousRoleResolution },
  });

  it("answers cognito:preferred_role", async () => {
    const { roleOf } = world({ mappings: tokenMapping("Deny") });
    expect(await roleOf("u-1", { "cognito:preferred_role": ADMIN, "cognito:roles": [ADMIN, PARTNER] })).toBe(
      ADMIN,
    );
  });

  it("without a preferred role: AuthenticatedRole falls back, Deny refuses", async () => {
    const claims = { "cognito:roles": [ADMIN, PARTNER] };
    expect(await world({ mappings: tokenMapping("AuthenticatedRole") }).roleOf("u-1", claims)).toBe(AUTH);
    await expectError(
      world({ mappings: tokenMapping("Deny") }).roleOf("u-1", claims),
      NotAuthorizedException,
      "NotAuthorizedException",
      DENIED,
    );
  });

  it("CustomRoleArn must be one of cognito:roles, and then wins over the preferred role", async () => {
    const { roleOf } = world({ mappings: tokenMapping("Deny") });
    const claims = { "cognito:preferred_role": ADMIN, "cognito:roles": [ADMIN, PARTNER] };
    expect(await roleOf("u-1", claims, PARTNER)).toBe(PARTNER);
    await expectError(
      roleOf("u-1", claims, ENG),
      NotAuthorizedException,
      "NotAuthorizedException",
      roleForbidden(ENG),
    );
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

describe("GetCredentialsForIdentity: principal tags", () => {
  it("UseDefaults maps client <- aud and username <- sub of the presented token", async () => {
    const { fake, roleOf } = world({ tagMaps: { [USER_POOL]: { UseDefaults: true } } });
    await roleOf("alice-sub", { email: "alice@example.com" });
    expect(fake.issuedCredentials.at(-1)?.principalTags).toEqual({
      client: CLIENT_ID,
      username: "alice-sub",
    });
  });

  it("a custom map reads each tag's claim (absent claims give no tag); an OIDC map is kept under the provider ARN", async () => {
    const { fake, getId, credentials } = world({
      tagMaps: { [OIDC_ARN]: { UseDefaults: false, PrincipalTags: { dept: "custom:dept", mail: "email" } } },
    });
    const token = fake.loginToken.oidc({
      issuer: `https://${OIDC_HOST}`,
      audience: "oidc-client",
      sub: "o-1",
      claims: { "custom:dept": "eng" },
    });
    const Logins = { [OIDC_HOST]: token };
    await credentials(await getId(Logins), Logins);
    expect(fake.issuedCredentials.at(-1)).toMatchObject({ roleArn: AUTH, principalTags: { dept: "eng" } });
  });

  it("no attribute map, no tags", async () => {
    const { fake, roleOf } = world();
    await roleOf("alice-sub", {});
    expect(fake.issuedCredentials.at(-1)?.principalTags).toEqual({});
  });
});

describe("GetCredentialsForIdentity with a developer OpenID token (cognito-identity.amazonaws.com)", () => {
  it("answers the authenticated role with the developer call's PrincipalTags", async () => {
    const { fake, devToken, credentials, poolId } = world({
      mappings: rulesMapping("Deny"),
      tagMaps: { [USER_POOL]: { UseDefaults: true } },
    });
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" }, { PrincipalTags: { team: "blue" } });
    const out = await credentials(IdentityId as string, { [COGNITO]: Token as string });
    expect(out.IdentityId).toBe(IdentityId);
    expect(fake.issuedCredentials).toEqual([
      {
        identityId: IdentityId,
        identityPoolId: poolId,
        roleArn: AUTH,
        accessKeyId: out.Credentials?.AccessKeyId,
        expiration: new Date("2026-01-01T01:00:00Z"),
        principalTags: { team: "blue" },
      },
    ]);
  });

  it("accepts it until it expires (TokenDuration), then refuses it", async () => {
    const { clock, devToken, credentials } = world();
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" }, { TokenDuration: 60 });
    const id = IdentityId as string;
    clock.now = new Date(NOW.getTime() + 59_000);
    await credentials(id, { [COGNITO]: Token as string });
    clock.now = new Date(NOW.getTime() + 60_000);
    const nowSeconds = clock.now.getTime() / 1000;
    await expectError(
      credentials(id, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${nowSeconds} >= ${nowSeconds}`,
    );
  });

  it("refuses it for another identity than the one it names", async () => {
    const { devToken, credentials } = world();
    const { Token } = await devToken({ [DEV]: "dev-1" });
    const { IdentityId: other } = await devToken({ [DEV]: "dev-2" });
    await expectError(
      credentials(other as string, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
  });

  it("refuses it together with other logins", async () => {
    const { devToken, credentials, idToken } = world();
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" });
    await expectError(
      credentials(IdentityId as string, { [COGNITO]: Token as string, [USER_POOL]: idToken("alice") }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Can't pass in a Cognito token.",
    );
  });

  it("refuses a guest's token from GetOpenIdToken: it proves no login", async () => {
    const { client, getId, credentials } = world();
    const guest = await getId();
    const { Token } = await client.send(new GetOpenIdTokenCommand({ IdentityId: guest }));
    await expectError(
      credentials(guest, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
  });

  it("refuses it for an identity merged away since", async () => {
    const { client, devToken, credentials, poolId } = world();
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" });
    await devToken({ [DEV]: "dev-2" });
    await client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        SourceUserIdentifier: "dev-1",
        DestinationUserIdentifier: "dev-2",
        DeveloperProviderName: DEV,
      }),
    );
    const id = IdentityId as string;
    await expectError(
      credentials(id, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      forbidden(id),
    );
  });

  it("answers InvalidIdentityPoolConfigurationException when the pool has no authenticated role", async () => {
    const { devToken, credentials } = world({ roles: { unauthenticated: UNAUTH } });
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" });
    await expectError(
      credentials(IdentityId as string, { [COGNITO]: Token as string }),
      InvalidIdentityPoolConfigurationException,
      "InvalidIdentityPoolConfigurationException",
      INVALID_CONFIG,
    );
  });
});
