import { GetIdCommand, NotAuthorizedException } from "@aws-sdk/client-cognito-identity";
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK } from "jose";
import { providerKey } from "../../src/core/tokens/keys";
import { CLIENT_ID, rejection, setup, USER_POOL } from "../support/helpers";

const NOW = 1767225600; // 2026-01-01T00:00:00Z, the helper's clock
const USER_POOL_ID = "us-east-1_TestPool1";

async function verifiesWithProviderKey(token: string): Promise<boolean> {
  const key = await importJWK(
    { ...providerKey().publicJwk, alg: "RS256" } as Parameters<typeof importJWK>[0],
    "RS256",
  );
  try {
    await compactVerify(token, key);
    return true;
  } catch {
    return false;
  }
}

describe("fake.loginToken.userPool", () => {
  it("mints a user pool ID token with the documented claims, signed RS256 by the fake provider key", async () => {
    const { fake } = setup();
    const token = fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub: "alice" });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256", typ: "JWT", kid: "fake-provider-1" });
    expect(decodeJwt(token)).toEqual({
      iss: `https://${USER_POOL}`,
      aud: CLIENT_ID,
      sub: "alice",
      token_use: "id",
      iat: NOW,
      exp: NOW + 3600,
    });
    expect(await verifiesWithProviderKey(token)).toBe(true);
  });

  it("adds claims, which override the defaults, and honours expiresIn and region", () => {
    const { fake } = setup();
    const token = fake.loginToken.userPool({
      userPoolId: "eu-west-1_Pool",
      clientId: "c1",
      sub: "bob",
      claims: { "cognito:groups": ["admins"], token_use: "access", "custom:tier": "gold" },
      expiresIn: 60,
    });
    expect(decodeJwt(token)).toMatchObject({
      iss: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool",
      "cognito:groups": ["admins"],
      token_use: "access",
      "custom:tier": "gold",
      exp: NOW + 60,
    });
    const other = fake.loginToken.userPool({
      userPoolId: "eu-west-1_Pool",
      clientId: "c1",
      sub: "bob",
      region: "us-west-2",
    });
    expect(decodeJwt(other).iss).toBe("https://cognito-idp.us-west-2.amazonaws.com/eu-west-1_Pool");
  });

  it("follows the fake's clock", () => {
    const clock = { now: new Date("2026-06-01T12:00:00Z") };
    const { fake } = setup({ now: () => clock.now });
    const iat = Date.parse("2026-06-01T12:00:00Z") / 1000;
    expect(
      decodeJwt(fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub: "a" })).iat,
    ).toBe(iat);
    clock.now = new Date("2026-06-01T13:00:00Z");
    expect(
      decodeJwt(fake.loginToken.oidc({ issuer: "https://x.example.com", audience: "a", sub: "a" })).iat,
    ).toBe(iat + 3600);
  });
});

describe("fake.loginToken.oidc", () => {
  it("mints an OIDC ID token for the issuer and audience", async () => {
    const { fake } = setup();
    const token = fake.loginToken.oidc({
      issuer: "https://login.example.com",
      audience: "app",
      sub: "o1",
      claims: { email: "o@example.com" },
    });
    expect(decodeJwt(token)).toEqual({
      iss: "https://login.example.com",
      aud: "app",
      sub: "o1",
      iat: NOW,
      exp: NOW + 3600,
      email: "o@example.com",
    });
    expect(await verifiesWithProviderKey(token)).toBe(true);
    const bare = fake.loginToken.oidc({ issuer: "login.example.com", audience: "app", sub: "o1" });
    expect(decodeJwt(bare).iss).toBe("https://login.example.com");
  });
});

describe("minted tokens through the service", () => {
  function world() {
    const env = setup();
    const pool = env.fake.seedIdentityPool({
      IdentityPoolName: "tokens",
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
      OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/login.example.com"],
    });
    const getId = (Logins: Record<string, string>) =>
      env.client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins }));
    return { ...env, getId };
  }

  it("accepts minted user pool and OIDC tokens under their Logins keys", async () => {
    const { fake, getId } = world();
    const userPool = await getId({
      [USER_POOL]: fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub: "alice" }),
    });
    const oidc = await getId({
      "login.example.com": fake.loginToken.oidc({
        issuer: "https://login.example.com",
        audience: "app",
        sub: "alice",
      }),
    });
    expect(userPool.IdentityId).toMatch(/^us-east-1:/);
    expect(oidc.IdentityId).not.toBe(userPool.IdentityId);
    expect(fake.getIdentity(oidc.IdentityId as string)?.Logins).toEqual({ "login.example.com": "alice" });
  });

  it("refuses a minted token whose signature no longer matches", async () => {
    const { fake, getId } = world();
    const token = fake.loginToken.oidc({
      issuer: "https://login.example.com",
      audience: "app",
      sub: "alice",
    });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const tamperedSignature = `${signature.slice(0, -4)}${signature.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    for (const bad of [`${header}.${payload}.${tamperedSignature}`, `${header}.${payload}.`]) {
      const err = await rejection(getId({ "login.example.com": bad }));
      expect(err).toBeInstanceOf(NotAuthorizedException);
      expect(err.name).toBe("NotAuthorizedException");
      expect(err.message).toBe("Invalid login token. Couldn't verify signed token.");
    }
  });

  it("refuses a token minted already expired", async () => {
    const { fake, getId } = world();
    const token = fake.loginToken.userPool({
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      sub: "alice",
      claims: { exp: NOW - 1 },
    });
    const err = await rejection(getId({ [USER_POOL]: token }));
    expect(err).toBeInstanceOf(NotAuthorizedException);
    expect(err.message).toBe(`Invalid login token. Token expired: ${NOW} >= ${NOW - 1}`);
  });
});
