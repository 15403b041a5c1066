/**
 * The fake's OpenID tokens: RS512 JWTs verifiable with fake.jwks() by a standard JOSE library (jose), with
 * every real claim; and their verification as the `cognito-identity.amazonaws.com` login.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { amrFor } from "../../src/core/domain/amr";
import { requireClassicFlow } from "../../src/core/domain/classicFlow";
import { ServiceError } from "../../src/core/errors";
import { signJwt } from "../../src/core/tokens/jwt";
import { identityKey } from "../../src/core/tokens/keys";
import {
  DEVELOPER_TOKEN_SECONDS,
  OPENID_ISSUER,
  OPENID_TOKEN_SECONDS,
  signOpenIdToken,
  verifyOpenIdToken,
} from "../../src/core/tokens/openid";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";
import { storedPool } from "../support/stored";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const NOW_SECONDS = NOW / 1000;
const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/login.example.com";
const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corp";
const IDENTITY = "us-east-1:11111111-2222-4333-8444-555555555555";

function fixture() {
  const { fake } = setup();
  const seeded = fake.seedIdentityPool({
    IdentityPoolName: "tokens",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: "login.myapp",
    SupportedLoginProviders: { "accounts.google.com": "123.apps.googleusercontent.com" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    OpenIdConnectProviderARNs: [OIDC_ARN],
    SamlProviderARNs: [SAML_ARN],
  });
  return { fake, pool: storedPool(fake, seeded) };
}

/** Flips one character of the payload segment. */
function tamper(token: string): string {
  const [h, p, s] = token.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  claims.sub = "us-east-1:99999999-9999-4999-8999-999999999999";
  return `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
}

const errorOf = (f: () => unknown): ServiceError => {
  try {
    f();
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error("expected a ServiceError");
};

describe("OpenID tokens", () => {
  it("verify with fake.jwks() through jose, with every claim", async () => {
    const { fake, pool } = fixture();
    const logins = { [USER_POOL]: "user-sub-1" };
    const token = signOpenIdToken({
      pool,
      identityId: IDENTITY,
      amr: amrFor(pool, logins),
      principalTags: { client: CLIENT_ID, username: "user-sub-1" },
      issuedAt: NOW + 999,
      durationSeconds: OPENID_TOKEN_SECONDS,
    });
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(fake.jwks()), {
      issuer: OPENID_ISSUER,
      audience: pool.identityPoolId,
      algorithms: ["RS512"],
      currentDate: new Date(NOW + 60_000),
    });
    expect(protectedHeader).toEqual({ kid: "us-east-11", typ: "JWS", alg: "RS512" });
    expect(payload).toEqual({
      sub: IDENTITY,
      aud: pool.identityPoolId,
      amr: ["authenticated", USER_POOL, `${USER_POOL}:CognitoSignIn:user-sub-1`],
      "https://aws.amazon.com/tags": { principal_tags: { client: [CLIENT_ID], username: ["user-sub-1"] } },
      iss: "https://cognito-identity.amazonaws.com",
      "https://cognito-identity.amazonaws.com/identity-pool-arn": `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${pool.identityPoolId}`,
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 600,
    });
  });

  it("guests get amr unauthenticated and no tags claim; developer tokens last TokenDuration", async () => {
    const { fake, pool } = fixture();
    const token = signOpenIdToken({
      pool,
      identityId: IDENTITY,
      amr: amrFor(pool, {}),
      issuedAt: NOW,
      durationSeconds: DEVELOPER_TOKEN_SECONDS,
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(fake.jwks()), {
      currentDate: new Date(NOW),
    });
    expect(payload.amr).toEqual(["unauthenticated"]);
    expect(payload).not.toHaveProperty(["https://aws.amazon.com/tags"]);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
  });

  it("carry the kid of the pool's region, which the key set publishes", async () => {
    const { fake } = setup();
    const pool = storedPool(
      fake,
      fake.seedIdentityPool({
        IdentityPoolName: "far",
        AllowUnauthenticatedIdentities: true,
        Region: "xx-test-7",
      }),
    );
    const token = signOpenIdToken({
      pool,
      identityId: IDENTITY,
      amr: ["unauthenticated"],
      issuedAt: NOW,
      durationSeconds: 60,
    });
    expect(decodeProtectedHeader(token).kid).toBe("xx-test-71");
    await expect(
      jwtVerify(token, createLocalJWKSet(fake.jwks()), { currentDate: new Date(NOW) }),
    ).resolves.toBeDefined();
  });

  it("fail verification when tampered with", async () => {
    const { fake, pool } = fixture();
    const token = signOpenIdToken({
      pool,
      identityId: IDENTITY,
      amr: ["unauthenticated"],
      issuedAt: NOW,
      durationSeconds: 600,
    });
    const keySet = createLocalJWKSet(fake.jwks());
    await expect(jwtVerify(tamper(token), keySet, { currentDate: new Date(NOW) })).rejects.toThrow(
      /signature verification failed/,
    );
    const badSignature = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    await expect(jwtVerify(badSignature, keySet, { currentDate: new Date(NOW) })).rejects.toThrow();
  });

  it("publish only public RSA keys of the documented shape", () => {
    const { fake } = fixture();
    const { keys } = fake.jwks();
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
      expect(key).toMatchObject({ kty: "RSA", alg: "RS512", use: "sig", e: "AQAB" });
    }
    expect(keys.map((k) => k.kid)).toContain("us-east-11");
    expect(Object.isFrozen(keys)).toBe(true);
  });
});

describe("amr", () => {
  it("names each provider and its subject in the observed forms", () => {
    const { pool } = fixture();
    expect(amrFor(pool, { "login.example.com": "oidc-sub" })).toEqual([
      "authenticated",
      "login.example.com",
      `${OIDC_ARN}:OIDC:oidc-sub`,
    ]);
    expect(amrFor(pool, { "login.myapp": "dev-user" })).toEqual([
      "authenticated",
      "login.myapp",
      `login.myapp:${pool.identityPoolId}:dev-user`,
    ]);
    expect(amrFor(pool, { "accounts.google.com": "g-sub" })).toEqual([
      "authenticated",
      "accounts.google.com",
      "accounts.google.com:123.apps.googleusercontent.com:g-sub",
    ]);
    expect(amrFor(pool, { [SAML_ARN]: "name-id" })).toEqual([
      "authenticated",
      SAML_ARN,
      `${SAML_ARN}:SAML:name-id`,
    ]);
    expect(amrFor(pool, { [USER_POOL]: "a", "accounts.google.com": "b" })).toEqual([
      "authenticated",
      USER_POOL,
      `${USER_POOL}:CognitoSignIn:a`,
      "accounts.google.com",
      "accounts.google.com:123.apps.googleusercontent.com:b",
    ]);
  });
});

describe("amr from checked logins", () => {
  it("takes the logins as a list of { provider, user } too, in order", () => {
    const { pool } = fixture();
    expect(
      amrFor(pool, [
        { provider: "login.myapp", user: "dev-user" },
        { provider: USER_POOL, user: "a" },
      ]),
    ).toEqual([
      "authenticated",
      "login.myapp",
      `login.myapp:${pool.identityPoolId}:dev-user`,
      USER_POOL,
      `${USER_POOL}:CognitoSignIn:a`,
    ]);
    expect(amrFor(pool, [])).toEqual(["unauthenticated"]);
  });
});

describe("classic flow", () => {
  it("is refused only when AllowClassicFlow is explicitly false", () => {
    const { fake } = setup();
    const seed = (AllowClassicFlow?: boolean) =>
      storedPool(
        fake,
        fake.seedIdentityPool({
          IdentityPoolName: "classic",
          AllowUnauthenticatedIdentities: true,
          ...(AllowClassicFlow === undefined ? {} : { AllowClassicFlow }),
        }),
      );
    expect(() => requireClassicFlow(seed(), [])).not.toThrow();
    expect(() => requireClassicFlow(seed(true), [])).not.toThrow();
    expect(errorOf(() => requireClassicFlow(seed(false), []))).toMatchObject({
      type: "InvalidParameterException",
      message: "Basic (classic) flow is not enabled, please use enhanced flow.",
    });
  });
});

describe("verifyOpenIdToken (the cognito-identity.amazonaws.com login)", () => {
  const sign = (pool: Parameters<typeof signOpenIdToken>[0]["pool"], issuedAt = NOW) =>
    signOpenIdToken({
      pool,
      identityId: IDENTITY,
      amr: ["authenticated", "login.myapp", "x"],
      principalTags: { team: "blue" },
      issuedAt,
      durationSeconds: 900,
    });

  it("accepts a token the fake issued for the pool and reads it", () => {
    const { pool } = fixture();
    const verified = verifyOpenIdToken(sign(pool), pool, NOW + 899_000);
    expect(verified.identityId).toBe(IDENTITY);
    expect(verified.identityPoolId).toBe(pool.identityPoolId);
    expect(verified.amr).toEqual(["authenticated", "login.myapp", "x"]);
    expect(verified.principalTags).toEqual({ team: "blue" });
  });

  it("refuses a tampered token, a foreign signature or something that is not a JWT", () => {
    const { pool } = fixture();
    const message = "Invalid login token. Couldn't verify signed token.";
    expect(errorOf(() => verifyOpenIdToken(tamper(sign(pool)), pool, NOW))).toMatchObject({
      type: "NotAuthorizedException",
      message,
    });
    expect(errorOf(() => verifyOpenIdToken("not-a-token", pool, NOW)).message).toBe(message);
    const rs256 = signJwt({ alg: "RS256", kid: "us-east-11" }, { sub: IDENTITY }, identityKey().privateKey);
    expect(errorOf(() => verifyOpenIdToken(rs256, pool, NOW)).message).toBe(message);
  });

  it("refuses another issuer, a missing or foreign audience, and an expired token", () => {
    const { fake, pool } = fixture();
    const other = storedPool(
      fake,
      fake.seedIdentityPool({ IdentityPoolName: "other", AllowUnauthenticatedIdentities: true }),
    );
    const signed = (claims: Record<string, unknown>) =>
      signJwt({ alg: "RS512", typ: "JWS", kid: "us-east-11" }, claims, identityKey().privateKey);
    const base = { sub: IDENTITY, iss: OPENID_ISSUER, aud: pool.identityPoolId, exp: NOW_SECONDS + 60 };

    expect(
      errorOf(() => verifyOpenIdToken(signed({ ...base, iss: "https://elsewhere" }), pool, NOW)).message,
    ).toBe("Invalid login token. Issuer doesn't match providerName");
    expect(errorOf(() => verifyOpenIdToken(signed({ ...base, aud: undefined }), pool, NOW)).message).toBe(
      "Invalid login token. Missing a required claim: aud",
    );
    expect(errorOf(() => verifyOpenIdToken(sign(other), pool, NOW))).toMatchObject({
      type: "NotAuthorizedException",
      message: "Token is not from a supported provider of this identity pool.",
    });
    expect(errorOf(() => verifyOpenIdToken(sign(pool), pool, NOW + 900_000)).message).toBe(
      `Invalid login token. Token expired: ${NOW_SECONDS + 900} >= ${NOW_SECONDS + 900}`,
    );
  });
});
