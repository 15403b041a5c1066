/** GetCredentialsForIdentity through the real SDK client: Rules and Token role mappings. */
import { NotAuthorizedException, SetIdentityPoolRolesCommand } from "@aws-sdk/client-cognito-identity";
import {
  ADMIN,
  AUTH,
  DENIED,
  ENG,
  MAPPING_KEY,
  PAID,
  PARTNER,
  roleForbidden,
  rulesMapping,
  UNAUTH,
  world,
} from "../support/fixtures/credentials";
import { expectError, USER_POOL } from "../support/helpers";

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
