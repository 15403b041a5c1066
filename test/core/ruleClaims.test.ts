/**
 * Rule matching on claims that are not plain strings (numbers, booleans, objects, arrays mixing types, null),
 * claims the token does not carry but every object inherits, and `cognito:roles` / `cognito:preferred_role`
 * values a token may carry in odd shapes. On the pure matcher and resolver (semantics §7).
 */
import { resolveRole, ruleMatches } from "../../src/core/domain/credentials/roleResolution";
import { ServiceError } from "../../src/core/errors";
import type { MappingRule, MappingRuleMatchType, RoleMapping } from "../../src/core/model/model.generated";
import type { StoredPool } from "../../src/core/state";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";
import { storedPool } from "../support/stored";

const role = (name: string): string => `arn:aws:iam::123456789012:role/${name}`;
const AUTH = role("auth");
const ADMIN = role("admin");
const DEV = role("dev");
const MAPPING_KEY = `${USER_POOL}:${CLIENT_ID}`;

const rule = (Claim: string, MatchType: MappingRuleMatchType, Value: string): MappingRule => ({
  Claim,
  MatchType,
  Value,
  RoleARN: ADMIN,
});

function pool(mapping: RoleMapping): StoredPool {
  const { fake } = setup();
  return storedPool(
    fake,
    fake.seedIdentityPool({
      IdentityPoolName: "claims",
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
      Roles: { authenticated: AUTH },
      RoleMappings: { [MAPPING_KEY]: mapping },
    }),
  );
}

const login = (claims: Record<string, unknown>) => [
  { provider: USER_POOL, claims: { aud: CLIENT_ID, sub: "u-1", ...claims } },
];

function failure(run: () => unknown): { type: string; message: string } {
  try {
    run();
  } catch (err) {
    if (err instanceof ServiceError) return { type: err.type, message: err.message };
    throw err;
  }
  throw new Error("expected the resolution to fail");
}

describe("rule matching on claims that are not strings", () => {
  it.each([
    ["a number as its decimal form", rule("level", "Equals", "42"), { level: 42 }, true],
    ["a number is not its padded form", rule("level", "Equals", "042"), { level: 42 }, false],
    ["a fraction", rule("ratio", "StartsWith", "0.5"), { ratio: 0.5 }, true],
    ["NaN as 'NaN'", rule("n", "Equals", "NaN"), { n: Number.NaN }, true],
    ["Infinity as 'Infinity'", rule("n", "Equals", "Infinity"), { n: [Number.POSITIVE_INFINITY] }, true],
    ["true as 'true'", rule("verified", "Equals", "true"), { verified: true }, true],
    ["false as 'false'", rule("verified", "Equals", "false"), { verified: false }, true],
    ["false is not 'true'", rule("verified", "NotEqual", "true"), { verified: false }, true],
    ["an object as its JSON", rule("addr", "Equals", '{"city":"Oslo"}'), { addr: { city: "Oslo" } }, true],
    [
      "an object's JSON contains its text",
      rule("addr", "Contains", "Oslo"),
      { addr: { city: "Oslo" } },
      true,
    ],
    ["array elements: a number", rule("ids", "Equals", "7"), { ids: ["a", 7] }, true],
    ["array elements: a boolean", rule("flags", "Equals", "true"), { flags: [false, true] }, true],
    ["array elements: an object", rule("xs", "Equals", '{"a":1}'), { xs: [{ a: 1 }] }, true],
    ["array elements: a nested array", rule("xs", "Equals", '["a"]'), { xs: [["a"]] }, true],
    ["array elements: null as 'null'", rule("xs", "Equals", "null"), { xs: [null] }, true],
    ["array elements: none equal", rule("ids", "NotEqual", "8"), { ids: ["a", 7] }, true],
    ["array elements: one equals", rule("ids", "NotEqual", "7"), { ids: ["a", 7] }, false],
    ["an empty array: nothing equals", rule("ids", "NotEqual", "7"), { ids: [] }, true],
    ["an empty array: nothing contains", rule("ids", "Contains", ""), { ids: [] }, false],
    ["a null claim is absent (Equals)", rule("c", "Equals", "null"), { c: null }, false],
    ["a null claim is absent (NotEqual)", rule("c", "NotEqual", "x"), { c: null }, false],
    ["an undefined claim is absent (NotEqual)", rule("c", "NotEqual", "x"), { c: undefined }, false],
    [
      "an unknown match type never matches",
      rule("c", "Other" as MappingRuleMatchType, "x"),
      { c: "x" },
      false,
    ],
  ] as const)("%s", (_name, r, claims, expected) => {
    expect(ruleMatches(r, claims)).toBe(expected);
  });

  it("a claim every object inherits is absent unless the token carries it", () => {
    for (const claim of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(ruleMatches(rule(claim, "NotEqual", "x"), {})).toBe(false);
      expect(ruleMatches(rule(claim, "Contains", ""), {})).toBe(false);
    }
    const own = Object.defineProperty({}, "__proto__", { value: "x", enumerable: true });
    expect(ruleMatches(rule("__proto__", "Equals", "x"), own)).toBe(true);
  });

  it("a non-string claim decides the role through a Rules mapping", () => {
    const p = pool({
      Type: "Rules",
      AmbiguousRoleResolution: "Deny",
      RulesConfiguration: { Rules: [rule("tier", "Equals", "3")] },
    });
    expect(resolveRole({ pool: p, authenticated: true, logins: login({ tier: 3 }) })).toBe(ADMIN);
    expect(
      failure(() => resolveRole({ pool: p, authenticated: true, logins: login({ tier: [4] }) })).type,
    ).toBe("NotAuthorizedException");
  });
});

describe("Token mappings with odd claim shapes", () => {
  const p = () => pool({ Type: "Token", AmbiguousRoleResolution: "Deny" });
  const denied = `The ambiguous role mapping rules for: ${USER_POOL} denied this request.`;
  const forbidden = (arn: string) => ({
    type: "NotAuthorizedException",
    message: `Access to Role '${arn}' is forbidden.`,
  });

  it("cognito:roles keeps only its strings; a comma list drops blanks and spaces", () => {
    const resolve = (claims: Record<string, unknown>, customRoleArn: string) =>
      resolveRole({ pool: p(), authenticated: true, logins: login(claims), customRoleArn });
    expect(resolve({ "cognito:roles": [42, DEV, null] }, DEV)).toBe(DEV);
    expect(resolve({ "cognito:roles": ` ${ADMIN} ,, ${DEV} ` }, DEV)).toBe(DEV);
    expect(resolve({ "cognito:roles": ` ${ADMIN} ,, ${DEV} ` }, ADMIN)).toBe(ADMIN);
    expect(failure(() => resolve({ "cognito:roles": `${ADMIN},,` }, ""))).toEqual(forbidden(""));
    expect(failure(() => resolve({ "cognito:roles": `${ADMIN}, ${DEV}` }, ` ${DEV}`))).toEqual(
      forbidden(` ${DEV}`),
    );
    expect(failure(() => resolve({ "cognito:roles": 42 }, "42"))).toEqual(forbidden("42"));
    expect(failure(() => resolve({ "cognito:roles": { [DEV]: true } }, DEV))).toEqual(forbidden(DEV));
  });

  it("a cognito:preferred_role that is empty or not a string is no preferred role", () => {
    for (const preferred of ["", 42, [ADMIN], null]) {
      expect(
        failure(() =>
          resolveRole({
            pool: p(),
            authenticated: true,
            logins: login({ "cognito:preferred_role": preferred }),
          }),
        ),
      ).toEqual({ type: "NotAuthorizedException", message: denied });
    }
  });
});

describe("logins the resolver meets outside the usual shapes", () => {
  const samlAttribute = "https://aws.amazon.com/SAML/Attributes/Role";

  it("reads the SAML role attribute only from SAML logins", () => {
    const p = pool({
      Type: "Rules",
      AmbiguousRoleResolution: "AuthenticatedRole",
      RulesConfiguration: { Rules: [rule("dept", "Equals", "x")] },
    });
    const claims = { [samlAttribute]: `${DEV},${USER_POOL}` };
    expect(resolveRole({ pool: p, authenticated: true, logins: login(claims) })).toBe(AUTH);
  });

  it("a login of a provider the pool does not configure falls through to the authenticated role", () => {
    const p = pool({ Type: "Token", AmbiguousRoleResolution: "Deny" });
    const logins = [{ provider: "unknown.example.com", claims: { "cognito:preferred_role": ADMIN } }];
    expect(resolveRole({ pool: p, authenticated: true, logins })).toBe(AUTH);
  });

  it("a Rules mapping stored without a rules configuration matches nothing", () => {
    const base = pool({ Type: "Token", AmbiguousRoleResolution: "Deny" });
    const p: StoredPool = {
      ...base,
      roleMappings: { [MAPPING_KEY]: { Type: "Rules", AmbiguousRoleResolution: "AuthenticatedRole" } },
    };
    expect(resolveRole({ pool: p, authenticated: true, logins: login({ dept: "x" }) })).toBe(AUTH);
  });
});
