/**
 * Login-token checks and OIDC provider keys, through the real SDK client: the OIDC clock-skew grace (and none
 * for user pools), the accepted algorithms, a missing `aud`, the principal-tag map of an OIDC provider keyed
 * by its IAM ARN, and rule matching on claims that are not strings.
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetPrincipalTagAttributeMapCommand,
  InvalidParameterException,
  type MappingRuleMatchType,
  NotAuthorizedException,
  SetPrincipalTagAttributeMapCommand,
} from "@aws-sdk/client-cognito-identity";
import type { SeedIdentityPoolInput } from "../../src";
import { CLIENT_ID, expectError, setup, USER_POOL } from "../support/helpers";

const POOL_ID = "us-east-1:00000000-0000-4000-8000-0000000000d1";
const OIDC_HOST = "login.example.com";
const OIDC_ARN = `arn:aws:iam::123456789012:oidc-provider/${OIDC_HOST}`;
const AUTH = "arn:aws:iam::123456789012:role/auth";
const MATCHED = "arn:aws:iam::123456789012:role/matched";
const NOW = new Date("2026-01-01T00:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const NOT_CONFIGURED = "Provider is not configured for this identity pool.";

function world(extra: Partial<SeedIdentityPoolInput> = {}) {
  const clock = { now: NOW };
  const env = setup({ now: () => clock.now });
  env.fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "checks",
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    OpenIdConnectProviderARNs: [OIDC_ARN],
    Roles: { authenticated: AUTH },
    ...extra,
  });
  const oidc = (claims?: Record<string, unknown>, expiresIn?: number) =>
    env.fake.loginToken.oidc({
      issuer: `https://${OIDC_HOST}`,
      audience: "oidc-client",
      sub: "o-1",
      claims,
      expiresIn,
    });
  const userPool = (claims?: Record<string, unknown>, expiresIn?: number) =>
    env.fake.loginToken.userPool({
      userPoolId: "us-east-1_TestPool1",
      clientId: CLIENT_ID,
      sub: "u-1",
      claims,
      expiresIn,
    });
  const getId = async (Logins: Record<string, string>) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId: POOL_ID, Logins }))).IdentityId as string;
  const roleFor = async (Logins: Record<string, string>) => {
    await env.client.send(new GetCredentialsForIdentityCommand({ IdentityId: await getId(Logins), Logins }));
    return env.fake.issuedCredentials.at(-1);
  };
  return { ...env, clock, oidc, userPool, getId, roleFor };
}

const at = (seconds: number) => new Date((NOW_SECONDS + seconds) * 1000);

describe("the clock-skew grace after exp", () => {
  it("accepts an OIDC token up to 5 minutes after exp, refuses it from then on", async () => {
    const { oidc, getId, clock } = world();
    const token = oidc({}, 60);
    clock.now = at(60 + 299);
    await expect(getId({ [OIDC_HOST]: token })).resolves.toMatch(/^us-east-1:/);
    clock.now = at(60 + 300);
    await expectError(
      getId({ [OIDC_HOST]: token }),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${NOW_SECONDS + 360} >= ${NOW_SECONDS + 60}`,
    );
  });

  it("gives user-pool tokens no grace", async () => {
    const { userPool, getId, clock } = world();
    const token = userPool({}, 60);
    clock.now = at(60);
    await expectError(
      getId({ [USER_POOL]: token }),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${NOW_SECONDS + 60} >= ${NOW_SECONDS + 60}`,
    );
  });
});

describe("what a login token must carry", () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = (alg: string) =>
    `${b64({ alg, typ: "JWT" })}.${b64({ iss: `https://${OIDC_HOST}`, aud: "c", sub: "s", exp: NOW_SECONDS + 600 })}.c2ln`;

  it.each(["HS256", "none", "ES256", "PS256", "RS384"])("refuses alg %s", async (alg) => {
    const { getId } = world();
    await expectError(
      getId({ [OIDC_HOST]: unsigned(alg) }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Couldn't verify signed token.",
    );
  });

  it("refuses a token without aud (OIDC and user pool alike)", async () => {
    const { oidc, userPool, getId } = world();
    const cases: Record<string, string>[] = [
      { [OIDC_HOST]: oidc({ aud: undefined }) },
      { [USER_POOL]: userPool({ aud: [] }) },
    ];
    for (const Logins of cases) {
      await expectError(
        getId(Logins),
        NotAuthorizedException,
        "NotAuthorizedException",
        "Invalid login token. Missing a required claim: aud",
      );
    }
  });
});

describe("the principal-tag map of an OIDC provider", () => {
  it("is kept under the IAM OIDC provider ARN; the issuer host is not a configured name", async () => {
    const { client, oidc, roleFor } = world();
    const set = (IdentityProviderName: string) =>
      client.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: POOL_ID,
          IdentityProviderName,
          PrincipalTags: { dept: "custom:dept" },
        }),
      );
    await expect(set(OIDC_ARN)).resolves.toMatchObject({ IdentityProviderName: OIDC_ARN });
    await expectError(set(OIDC_HOST), InvalidParameterException, "InvalidParameterException", NOT_CONFIGURED);
    await expectError(
      client.send(
        new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: POOL_ID, IdentityProviderName: OIDC_HOST }),
      ),
      InvalidParameterException,
      "InvalidParameterException",
      NOT_CONFIGURED,
    );
    expect((await roleFor({ [OIDC_HOST]: oidc({ "custom:dept": "eng" }) }))?.principalTags).toEqual({
      dept: "eng",
    });
  });

  it("is refused under the host when seeding, as the API refuses it", () => {
    const { fake } = setup();
    expect(() =>
      fake.seedIdentityPool({
        IdentityPoolName: "seeded",
        AllowUnauthenticatedIdentities: false,
        OpenIdConnectProviderARNs: [OIDC_ARN],
        PrincipalTagAttributeMaps: { [OIDC_HOST]: { UseDefaults: true } },
      }),
    ).toThrow(NOT_CONFIGURED);
  });
});

describe("rule matching on claims that are not strings", () => {
  const rules = (
    Claim: string,
    MatchType: MappingRuleMatchType,
    Value: string,
  ): Partial<SeedIdentityPoolInput> => ({
    RoleMappings: {
      [OIDC_ARN]: {
        Type: "Rules",
        AmbiguousRoleResolution: "AuthenticatedRole",
        RulesConfiguration: { Rules: [{ Claim, MatchType, Value, RoleARN: MATCHED }] },
      },
    },
  });

  it.each<[string, MappingRuleMatchType, string, unknown, string]>([
    ["a number equals its string form", "Equals", "42", 42, MATCHED],
    ["a boolean equals its string form", "Equals", "true", true, MATCHED],
    ["a false boolean does not equal 'true'", "Equals", "true", false, AUTH],
    ["StartsWith on a number", "StartsWith", "4", 42, MATCHED],
    ["an array with a number matches element-wise", "Equals", "7", ["x", 7], MATCHED],
    ["Contains on an array with a boolean", "Contains", "ru", [1, true], MATCHED],
    ["NotEqual on an array holding the value does not match", "NotEqual", "7", [7, 8], AUTH],
    ["NotEqual on an array without the value matches", "NotEqual", "9", [7, 8], MATCHED],
    ["an object compares as its JSON", "Equals", '{"a":1}', { a: 1 }, MATCHED],
    ["null is a missing claim, for NotEqual too", "NotEqual", "x", null, AUTH],
  ])("%s", async (_, MatchType, Value, claim, role) => {
    const { oidc, roleFor } = world(rules("level", MatchType, Value));
    expect((await roleFor({ [OIDC_HOST]: oidc({ level: claim }) }))?.roleArn).toBe(role);
  });
});
