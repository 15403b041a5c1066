/**
 * Login verification at the edges of each claim, through the real SDK client: `aud` as a list (one allowed
 * client suffices; blanks and non-strings do not count), `iss`, `exp` and `sub` of the wrong type, RS512,
 * the public JWT providers' app id, a Cognito-issued token under the developer provider name (any region),
 * the refusal of a pool without login providers, and the claims of an opaque-token login.
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity";
import type { SeedIdentityPoolInput } from "../../src";
import { CLIENT_ID, expectError, setup, USER_POOL } from "../support/helpers";

const POOL_ID = "us-east-1:00000000-0000-4000-8000-0000000000e1";
const AUTH = "arn:aws:iam::123456789012:role/auth";
const MATCHED = "arn:aws:iam::123456789012:role/matched";
const NOW_SECONDS = new Date("2026-01-01T00:00:00Z").getTime() / 1000;
const GOOGLE_APP = "123.apps.googleusercontent.com";
const DEV_PROVIDER = "login.example.dev";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** A JWT the fake cannot check the signature of (not its provider key): only its claims and `alg` count. */
const foreign = (claims: Record<string, unknown>, alg = "RS256") =>
  `${b64({ alg, typ: "JWT", kid: "someone-elses-key" })}.${b64(claims)}.c2ln`;
const userPoolClaims = (extra: Record<string, unknown>) => ({
  iss: `https://${USER_POOL}`,
  aud: CLIENT_ID,
  sub: "u-1",
  exp: NOW_SECONDS + 600,
  ...extra,
});

function world(extra: Partial<SeedIdentityPoolInput> = {}) {
  const env = setup();
  env.fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "shapes",
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    SupportedLoginProviders: { "accounts.google.com": GOOGLE_APP, "graph.facebook.com": "fb-app" },
    DeveloperProviderName: DEV_PROVIDER,
    Roles: { authenticated: AUTH },
    ...extra,
  });
  const getId = async (Logins: Record<string, string>) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId: POOL_ID, Logins }))).IdentityId as string;
  return { ...env, getId };
}

const refused = (promise: Promise<unknown>, message: string) =>
  expectError(promise, NotAuthorizedException, "NotAuthorizedException", message);

describe("aud", () => {
  it("as a list, passes when any entry is a configured client", async () => {
    const { getId } = world();
    await expect(
      getId({ [USER_POOL]: foreign(userPoolClaims({ aud: ["other", CLIENT_ID] })) }),
    ).resolves.toMatch(/^us-east-1:/);
    await refused(
      getId({ [USER_POOL]: foreign(userPoolClaims({ aud: ["other", "another"] })) }),
      "Token is not from a supported provider of this identity pool.",
    );
  });

  it("blank entries, non-strings and a blank string are no audience", async () => {
    const { getId } = world();
    for (const aud of ["", ["", 7, null], 42, { [CLIENT_ID]: true }]) {
      await refused(
        getId({ [USER_POOL]: foreign(userPoolClaims({ aud })) }),
        "Invalid login token. Missing a required claim: aud",
      );
    }
  });

  it("of a public provider must be its app id", async () => {
    const { getId } = world();
    const google = (aud: string) =>
      foreign({ iss: "https://accounts.google.com", aud, sub: "g-1", exp: NOW_SECONDS + 600 });
    await expect(getId({ "accounts.google.com": google(GOOGLE_APP) })).resolves.toMatch(/^us-east-1:/);
    const bareIssuer = foreign({
      iss: "accounts.google.com",
      aud: GOOGLE_APP,
      sub: "g-2",
      exp: NOW_SECONDS + 600,
    });
    await expect(getId({ "accounts.google.com": bareIssuer })).resolves.toMatch(/^us-east-1:/);
    await refused(
      getId({ "accounts.google.com": google("another.apps.googleusercontent.com") }),
      "Token is not from a supported provider of this identity pool.",
    );
  });
});

describe("iss, exp, sub and alg", () => {
  it("an iss that is not a string does not match the provider", async () => {
    const { getId } = world();
    for (const iss of [42, [`https://${USER_POOL}`], null]) {
      await refused(
        getId({ [USER_POOL]: foreign(userPoolClaims({ iss })) }),
        "Invalid login token. Issuer doesn't match providerName",
      );
    }
  });

  it("an iss of another provider, or a token that is not a JWT, is refused", async () => {
    const { getId } = world();
    await refused(
      getId({
        [USER_POOL]: foreign(
          userPoolClaims({ iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other1" }),
        ),
      }),
      "Invalid login token. Issuer doesn't match providerName",
    );
    await refused(
      getId({ [USER_POOL]: foreign(userPoolClaims({ iss: "https://cognito-identity.amazonaws.com" })) }),
      "Invalid login token. Issuer doesn't match providerName",
    );
    await refused(
      getId({ [USER_POOL]: "not-a-jwt" }),
      "Invalid login token. Not a valid OpenId Connect identity token.",
    );
  });

  it("an exp that is not a number is missing; one second before exp still passes", async () => {
    const { getId } = world();
    await refused(
      getId({ [USER_POOL]: foreign(userPoolClaims({ exp: String(NOW_SECONDS + 600) })) }),
      "Invalid login token. Missing a required claim: exp",
    );
    await expect(getId({ [USER_POOL]: foreign(userPoolClaims({ exp: NOW_SECONDS + 1 })) })).resolves.toMatch(
      /^us-east-1:/,
    );
  });

  it("a sub that is empty or not a string is missing", async () => {
    const { getId } = world();
    for (const sub of ["", 42]) {
      await refused(
        getId({ [USER_POOL]: foreign(userPoolClaims({ sub })) }),
        "Invalid login token. Missing a required claim: sub",
      );
    }
  });

  it("RS512 passes like RS256; the user is the sub", async () => {
    const { getId } = world();
    const a = await getId({ [USER_POOL]: foreign(userPoolClaims({}), "RS512") });
    const b = await getId({ [USER_POOL]: foreign(userPoolClaims({}), "RS256") });
    expect(a).toBe(b);
    const c = await getId({ [USER_POOL]: foreign(userPoolClaims({ sub: "u-2" }), "RS512") });
    expect(c).not.toBe(a);
  });
});

describe("the developer provider name and unconfigured pools", () => {
  it("refuses a Cognito-issued token under the developer provider name, from any region's issuer", async () => {
    const { getId } = world();
    for (const iss of [
      "https://cognito-identity.amazonaws.com",
      "https://cognito-identity.eu-south-1.amazonaws.com",
      "https://cognito-identity.cn-north-1.amazonaws.com.cn",
    ]) {
      await refused(
        getId({ [DEV_PROVIDER]: foreign({ iss, aud: POOL_ID, sub: "x", exp: NOW_SECONDS + 600 }) }),
        "Invalid login token. Can't pass in a Cognito token.",
      );
    }
  });

  it("refuses the cognito-identity.amazonaws.com key; an opaque token under the developer name is unsupported", async () => {
    const { getId } = world();
    const cognito = foreign({
      iss: "https://cognito-identity.amazonaws.com",
      aud: POOL_ID,
      sub: "x",
      exp: NOW_SECONDS + 600,
    });
    await refused(
      getId({ "cognito-identity.amazonaws.com": cognito }),
      "Invalid login token. Can't pass in a Cognito token.",
    );
    await refused(
      getId({ [DEV_PROVIDER]: "opaque-token" }),
      "Token is not from a supported provider of this identity pool.",
    );
  });

  it("a token from a look-alike issuer under the developer provider name is just an unsupported login", async () => {
    const { getId } = world();
    for (const iss of [
      "https://cognito-identity.amazonaws.com.evil.test",
      "http://cognito-identity.amazonaws.com",
      "https://x.cognito-identity.amazonaws.com",
      "https://cognito-identity.amazonaws.com/",
    ]) {
      await refused(
        getId({ [DEV_PROVIDER]: foreign({ iss, aud: POOL_ID, sub: "x", exp: NOW_SECONDS + 600 }) }),
        "Token is not from a supported provider of this identity pool.",
      );
    }
  });

  it("a pool without login providers answers that the logins don't match", async () => {
    const { getId } = world({
      CognitoIdentityProviders: [],
      SupportedLoginProviders: {},
    });
    await refused(
      getId({ "graph.facebook.com": "fb-user" }),
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  });
});

describe("opaque-token logins", () => {
  it("carry iss (the provider), aud (the app id) and sub (the token) as claims rules can read", async () => {
    const rule = (Claim: string, Value: string) => ({
      Type: "Rules" as const,
      AmbiguousRoleResolution: "Deny" as const,
      RulesConfiguration: { Rules: [{ Claim, MatchType: "Equals" as const, Value, RoleARN: MATCHED }] },
    });
    for (const [claim, value] of [
      ["iss", "graph.facebook.com"],
      ["aud", "fb-app"],
      ["sub", "fb-user-1"],
    ] as const) {
      const env = world({ RoleMappings: { "graph.facebook.com": rule(claim, value) } });
      const Logins = { "graph.facebook.com": "fb-user-1" };
      await env.client.send(
        new GetCredentialsForIdentityCommand({ IdentityId: await env.getId(Logins), Logins }),
      );
      expect(env.fake.issuedCredentials.at(-1)?.roleArn).toBe(MATCHED);
    }
  });
});
