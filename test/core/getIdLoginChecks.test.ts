/** GetId through the real SDK client: the checks a login (token) must pass. */
import { GetIdCommand, NotAuthorizedException } from "@aws-sdk/client-cognito-identity";
import { LOGINS_DONT_MATCH } from "../../src/core/errors";
import { NOW, OIDC_HOST, UNSUPPORTED, USER_POOL_ID, world } from "../support/fixtures/getId";
import { CLIENT_ID, expectError, USER_POOL } from "../support/helpers";

describe("GetId login checks", () => {
  it("refuses a provider the pool does not configure", async () => {
    const { getId } = world();
    await expectError(
      getId({ "www.amazon.com": "amzn-token" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      UNSUPPORTED,
    );
  });

  it("answers Logins don't match when the pool has no login provider at all", async () => {
    const { fake, client } = world();
    const bare = fake.seedIdentityPool({ IdentityPoolName: "bare", AllowUnauthenticatedIdentities: true });
    await expectError(
      client.send(
        new GetIdCommand({ IdentityPoolId: bare.IdentityPoolId, Logins: { "graph.facebook.com": "t" } }),
      ),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
  });

  it("refuses the developer provider name as a GetId login", async () => {
    const { getId } = world();
    await expectError(
      getId({ "login.myapp": "user-1" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      UNSUPPORTED,
    );
  });

  it("refuses a Cognito-issued token", async () => {
    const { getId } = world();
    await expectError(
      getId({ "cognito-identity.amazonaws.com": "eyJ.x.y" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Can't pass in a Cognito token.",
    );
  });

  it("refuses a token whose issuer is not the provider of its key", async () => {
    const { fake, getId } = world();
    const otherPool = fake.loginToken.userPool({
      userPoolId: "us-east-1_Other",
      clientId: CLIENT_ID,
      sub: "alice",
    });
    await expectError(
      getId({ [USER_POOL]: otherPool }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Issuer doesn't match providerName",
    );
    const oidc = fake.loginToken.oidc({ issuer: "https://evil.example.com", audience: "x", sub: "o" });
    await expectError(
      getId({ [OIDC_HOST]: oidc }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Issuer doesn't match providerName",
    );
  });

  it("refuses a token for another app client, Google client or Apple service", async () => {
    const { fake, getId } = world();
    const wrongClient = fake.loginToken.userPool({
      userPoolId: USER_POOL_ID,
      clientId: "otherclient",
      sub: "alice",
    });
    await expectError(
      getId({ [USER_POOL]: wrongClient }),
      NotAuthorizedException,
      "NotAuthorizedException",
      UNSUPPORTED,
    );
    const google = fake.loginToken.oidc({
      issuer: "https://accounts.google.com",
      audience: "other",
      sub: "g",
    });
    await expectError(
      getId({ "accounts.google.com": google }),
      NotAuthorizedException,
      "NotAuthorizedException",
      UNSUPPORTED,
    );
    const apple = fake.loginToken.oidc({ issuer: "https://appleid.apple.com", audience: "other", sub: "a" });
    await expectError(
      getId({ "appleid.apple.com": apple }),
      NotAuthorizedException,
      "NotAuthorizedException",
      UNSUPPORTED,
    );
  });

  it("refuses a token without aud (such as an access token)", async () => {
    const { fake, getId } = world();
    const accessToken = fake.loginToken.userPool({
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      sub: "alice",
      claims: { aud: undefined, client_id: CLIENT_ID, token_use: "access" },
    });
    await expectError(
      getId({ [USER_POOL]: accessToken }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Missing a required claim: aud",
    );
  });

  it("refuses an expired token, per the fake's clock", async () => {
    const { clock, getId, idToken } = world();
    const token = idToken("alice");
    await getId({ [USER_POOL]: token });
    clock.now = new Date("2026-01-01T01:00:00Z");
    await expectError(
      getId({ [USER_POOL]: token }),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${NOW + 3600} >= ${NOW + 3600}`,
    );
    await expectError(
      getId({ [USER_POOL]: idToken("bob", { exp: NOW - 10 }) }),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${NOW + 3600} >= ${NOW - 10}`,
    );
  });

  it("refuses a tampered or unsigned token of the fake provider key", async () => {
    const { getId, idToken } = world();
    const [header, payload, signature] = idToken("alice").split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "mallory" })).toString("base64url");
    await expectError(
      getId({ [USER_POOL]: `${header}.${forged}.${signature}` }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Couldn't verify signed token.",
    );
    const none = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    await expectError(
      getId({ [USER_POOL]: `${none}.${payload}.` }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Couldn't verify signed token.",
    );
  });

  it("refuses a token that is not a JWT for a JWT provider", async () => {
    const { getId } = world();
    await expectError(
      getId({ [USER_POOL]: "not-a-jwt" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Not a valid OpenId Connect identity token.",
    );
  });

  it("refuses a token without sub", async () => {
    const { getId, idToken } = world();
    await expectError(
      getId({ [USER_POOL]: idToken("alice", { sub: undefined }) }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Missing a required claim: sub",
    );
  });

  it("fails the whole call when one of several logins fails, creating nothing", async () => {
    const { fake, poolId, getId, idToken } = world();
    await expectError(
      getId({ [USER_POOL]: idToken("alice"), "www.amazon.com": "x" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      UNSUPPORTED,
    );
    expect(fake.listIdentities(poolId)).toEqual([]);
  });
});
