/**
 * The pure role resolver (semantics §7): default roles, Rules mappings (each match type, order, NotEqual on a
 * missing claim, arrays), Token mappings (with and without CustomRoleArn), AmbiguousRoleResolution.
 */
import { type RoleResolutionInput, resolveRole } from "../../src/core/domain/credentials/roleResolution";
import { ServiceError } from "../../src/core/errors";
import type { MappingRule, RoleMapping } from "../../src/core/model/model.generated";
import type { StoredPool } from "../../src/core/state";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";
import { storedPool } from "../support/stored";

const role = (name: string): string => `arn:aws:iam::123456789012:role/${name}`;
const AUTH = role("auth");
const UNAUTH = role("unauth");
const ADMIN = role("admin");
const DEV = role("dev");
const OTHER_CLIENT = "otherclient456";
const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/login.example.com";
const MAPPING_KEY = `${USER_POOL}:${CLIENT_ID}`;
const DENIED = `The ambiguous role mapping rules for: ${USER_POOL} denied this request.`;
const INVALID_CONFIG = "Invalid identity pool configuration. Check assigned IAM roles for this pool.";

function pool(
  options: { roles?: Record<string, string>; mappings?: Record<string, RoleMapping>; guests?: boolean } = {},
): StoredPool {
  const { fake } = setup();
  const seeded = fake.seedIdentityPool({
    IdentityPoolName: "rbac",
    AllowUnauthenticatedIdentities: options.guests ?? true,
    CognitoIdentityProviders: [
      { ProviderName: USER_POOL, ClientId: CLIENT_ID },
      { ProviderName: USER_POOL, ClientId: OTHER_CLIENT },
    ],
    SupportedLoginProviders: { "accounts.google.com": "123.apps.googleusercontent.com" },
    OpenIdConnectProviderARNs: [OIDC_ARN],
    Roles: options.roles ?? { authenticated: AUTH, unauthenticated: UNAUTH },
    RoleMappings: options.mappings,
  });
  return storedPool(fake, seeded);
}

const rules = (list: MappingRule[], ambiguous: "AuthenticatedRole" | "Deny" = "Deny"): RoleMapping => ({
  Type: "Rules",
  AmbiguousRoleResolution: ambiguous,
  RulesConfiguration: { Rules: list },
});

const token = (ambiguous: "AuthenticatedRole" | "Deny" = "Deny"): RoleMapping => ({
  Type: "Token",
  AmbiguousRoleResolution: ambiguous,
});

/** An authenticated request through the user pool's app client with these token claims. */
const viaUserPool = (
  p: StoredPool,
  claims: Record<string, unknown>,
  customRoleArn?: string,
): RoleResolutionInput => ({
  pool: p,
  authenticated: true,
  logins: [{ provider: USER_POOL, claims: { aud: CLIENT_ID, sub: "u-1", ...claims } }],
  ...(customRoleArn ? { customRoleArn } : {}),
});

function failure(input: RoleResolutionInput): { type: string; message: string } {
  try {
    resolveRole(input);
  } catch (err) {
    if (err instanceof ServiceError) return { type: err.type, message: err.message };
    throw err;
  }
  throw new Error("expected the resolution to fail");
}

describe("default roles", () => {
  it("guests get the unauthenticated role; authenticated identities without a mapping the authenticated one", () => {
    const p = pool();
    expect(resolveRole({ pool: p, authenticated: false })).toBe(UNAUTH);
    expect(resolveRole({ pool: p, authenticated: true })).toBe(AUTH);
    expect(resolveRole(viaUserPool(p, {}))).toBe(AUTH);
  });

  it("refuses guests when the pool does not allow them", () => {
    expect(failure({ pool: pool({ guests: false }), authenticated: false })).toEqual({
      type: "NotAuthorizedException",
      message: "Unauthenticated access is not supported for this identity pool.",
    });
  });

  it("answers InvalidIdentityPoolConfigurationException when the pool has no role for the identity", () => {
    const p = pool({ roles: {} });
    const expected = { type: "InvalidIdentityPoolConfigurationException", message: INVALID_CONFIG };
    expect(failure({ pool: p, authenticated: false })).toEqual(expected);
    expect(failure({ pool: p, authenticated: true })).toEqual(expected);
  });

  it("CustomRoleArn must be the role the identity gets", () => {
    const p = pool();
    expect(resolveRole({ pool: p, authenticated: true, customRoleArn: AUTH })).toBe(AUTH);
    expect(failure({ pool: p, authenticated: true, customRoleArn: ADMIN })).toEqual({
      type: "NotAuthorizedException",
      message: `Access to Role '${ADMIN}' is forbidden.`,
    });
  });

  it("applies a user pool's mapping only to tokens of its app client (the key's :clientId is the token's aud)", () => {
    const p = pool({
      mappings: {
        [`${USER_POOL}:${OTHER_CLIENT}`]: rules([
          { Claim: "sub", MatchType: "Equals", Value: "u-1", RoleARN: ADMIN },
        ]),
      },
    });
    expect(resolveRole(viaUserPool(p, {}))).toBe(AUTH);
    expect(resolveRole(viaUserPool(p, { aud: OTHER_CLIENT }))).toBe(ADMIN);
  });
});

describe("Rules mappings", () => {
  const one = (rule: Omit<MappingRule, "RoleARN">) =>
    pool({ mappings: { [MAPPING_KEY]: rules([{ ...rule, RoleARN: ADMIN }], "AuthenticatedRole") } });

  it.each([
    ["Equals", "dept", "Sales", { dept: "Sales" }, ADMIN],
    ["Equals", "dept", "Sales", { dept: "Sales-EU" }, AUTH],
    ["Equals", "dept", "Sales", { dept: "sales" }, AUTH],
    ["Contains", "dept", "ale", { dept: "Sales" }, ADMIN],
    ["Contains", "dept", "xyz", { dept: "Sales" }, AUTH],
    ["StartsWith", "dept", "Sa", { dept: "Sales" }, ADMIN],
    ["StartsWith", "dept", "les", { dept: "Sales" }, AUTH],
    ["NotEqual", "dept", "Sales", { dept: "Ops" }, ADMIN],
    ["NotEqual", "dept", "Sales", { dept: "Sales" }, AUTH],
    ["NotEqual", "dept", "Sales", {}, AUTH], // a missing claim: the rule is not evaluated
    ["Equals", "dept", "Sales", {}, AUTH],
    ["Contains", "custom:tier", "gold", { "custom:tier": "goldplus" }, ADMIN],
    ["Equals", "email_verified", "true", { email_verified: true }, ADMIN],
    ["Equals", "level", "3", { level: 3 }, ADMIN],
    // arrays such as cognito:groups match element-wise
    ["Equals", "cognito:groups", "dev", { "cognito:groups": ["admins", "dev"] }, ADMIN],
    ["Equals", "cognito:groups", "ops", { "cognito:groups": ["admins", "dev"] }, AUTH],
    ["Contains", "cognito:groups", "dmi", { "cognito:groups": ["admins", "dev"] }, ADMIN],
    ["StartsWith", "cognito:groups", "de", { "cognito:groups": ["admins", "dev"] }, ADMIN],
    ["NotEqual", "cognito:groups", "dev", { "cognito:groups": ["admins", "dev"] }, AUTH],
    ["NotEqual", "cognito:groups", "ops", { "cognito:groups": ["admins", "dev"] }, ADMIN],
  ] as const)("%s on %s = %j with claims %j gives %s", (matchType, claim, value, claims, expected) => {
    expect(resolveRole(viaUserPool(one({ Claim: claim, MatchType: matchType, Value: value }), claims))).toBe(
      expected,
    );
  });

  it("evaluates rules in order: the first match wins; CustomRoleArn picks another matching rule", () => {
    const p = pool({
      mappings: {
        [MAPPING_KEY]: rules([
          { Claim: "dept", MatchType: "Equals", Value: "Ops", RoleARN: role("ops") },
          { Claim: "dept", MatchType: "StartsWith", Value: "Sa", RoleARN: ADMIN },
          { Claim: "dept", MatchType: "Contains", Value: "ales", RoleARN: DEV },
        ]),
      },
    });
    expect(resolveRole(viaUserPool(p, { dept: "Sales" }))).toBe(ADMIN);
    expect(resolveRole(viaUserPool(p, { dept: "Sales" }, DEV))).toBe(DEV);
    expect(failure(viaUserPool(p, { dept: "Sales" }, role("ops")))).toEqual({
      type: "NotAuthorizedException",
      message: `Access to Role '${role("ops")}' is forbidden.`,
    });
  });

  it("no match: AmbiguousRoleResolution Deny refuses, AuthenticatedRole gives the authenticated role", () => {
    const rule: MappingRule = { Claim: "dept", MatchType: "Equals", Value: "Sales", RoleARN: ADMIN };
    const deny = pool({ mappings: { [MAPPING_KEY]: rules([rule], "Deny") } });
    expect(failure(viaUserPool(deny, { dept: "Ops" }))).toEqual({
      type: "NotAuthorizedException",
      message: DENIED,
    });
    const fallback = pool({ mappings: { [MAPPING_KEY]: rules([rule], "AuthenticatedRole") } });
    expect(resolveRole(viaUserPool(fallback, { dept: "Ops" }))).toBe(AUTH);
    expect(resolveRole(viaUserPool(fallback, { dept: "Ops" }, AUTH))).toBe(AUTH);
    const noDefault = pool({ roles: {}, mappings: { [MAPPING_KEY]: rules([rule], "AuthenticatedRole") } });
    expect(failure(viaUserPool(noDefault, { dept: "Ops" })).type).toBe(
      "InvalidIdentityPoolConfigurationException",
    );
    expect(resolveRole(viaUserPool(noDefault, { dept: "Sales" }))).toBe(ADMIN);
  });

  it("applies to other providers by their Logins key, and to OIDC by the provider ARN", () => {
    const rule: MappingRule = { Claim: "hd", MatchType: "Equals", Value: "example.com", RoleARN: ADMIN };
    const p = pool({
      mappings: { "accounts.google.com": rules([rule]), [OIDC_ARN]: rules([{ ...rule, RoleARN: DEV }]) },
    });
    const google = { provider: "accounts.google.com", claims: { hd: "example.com" } };
    const oidc = { provider: "login.example.com", claims: { hd: "example.com" } };
    expect(resolveRole({ pool: p, authenticated: true, logins: [google] })).toBe(ADMIN);
    expect(resolveRole({ pool: p, authenticated: true, logins: [oidc] })).toBe(DEV);
    expect(failure({ pool: p, authenticated: true, logins: [{ ...google, claims: {} }] }).message).toBe(
      "The ambiguous role mapping rules for: accounts.google.com denied this request.",
    );
    // Several logins: the first one whose provider has a mapping decides.
    const unmapped = { provider: USER_POOL, claims: { aud: CLIENT_ID } };
    expect(resolveRole({ pool: p, authenticated: true, logins: [unmapped, oidc, google] })).toBe(DEV);
  });
});

describe("Token mappings", () => {
  const roles = [ADMIN, DEV];

  it("uses cognito:preferred_role", () => {
    const p = pool({ mappings: { [MAPPING_KEY]: token() } });
    expect(resolveRole(viaUserPool(p, { "cognito:preferred_role": ADMIN, "cognito:roles": roles }))).toBe(
      ADMIN,
    );
  });

  it("CustomRoleArn wins when it is one of cognito:roles (array or comma-separated string)", () => {
    const p = pool({ mappings: { [MAPPING_KEY]: token() } });
    const claims = { "cognito:preferred_role": ADMIN, "cognito:roles": roles };
    expect(resolveRole(viaUserPool(p, claims, DEV))).toBe(DEV);
    expect(resolveRole(viaUserPool(p, { "cognito:roles": `${ADMIN}, ${DEV}` }, DEV))).toBe(DEV);
  });

  it("CustomRoleArn that is not one of cognito:roles is denied, even the authenticated role", () => {
    const p = pool({ mappings: { [MAPPING_KEY]: token("AuthenticatedRole") } });
    const forbidden = (arn: string) => ({
      type: "NotAuthorizedException",
      message: `Access to Role '${arn}' is forbidden.`,
    });
    expect(
      failure(viaUserPool(p, { "cognito:preferred_role": ADMIN, "cognito:roles": roles }, AUTH)),
    ).toEqual(forbidden(AUTH));
    expect(failure(viaUserPool(p, {}, ADMIN))).toEqual(forbidden(ADMIN));
  });

  it("no preferred role: AmbiguousRoleResolution decides", () => {
    const deny = pool({ mappings: { [MAPPING_KEY]: token("Deny") } });
    expect(failure(viaUserPool(deny, { "cognito:roles": roles }))).toEqual({
      type: "NotAuthorizedException",
      message: DENIED,
    });
    expect(failure(viaUserPool(deny, {})).message).toBe(DENIED);
    const fallback = pool({ mappings: { [MAPPING_KEY]: token("AuthenticatedRole") } });
    expect(resolveRole(viaUserPool(fallback, { "cognito:roles": roles }))).toBe(AUTH);
    expect(resolveRole(viaUserPool(fallback, {}))).toBe(AUTH);
  });
});
