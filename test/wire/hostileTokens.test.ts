/**
 * Hostile input at the wire layer, through the real SDK client: hostile login tokens: tampered, `alg: none`,
 * expired, wrong audience, another pool's. Every input must answer the service's error (or be ignored where the
 * service ignores it), the SDK call must reject with a service exception, a failure must leave the state
 * identical, and no global object may be polluted (`test/support/hostile.ts`).
 */
import * as sdk from "@aws-sdk/client-cognito-identity";
import { setup, USER_POOL } from "../support/helpers";
import {
  CLIENT_ID,
  COGNITO,
  countTried,
  DEV,
  guardHostileFile,
  hostileWorld,
  NOW,
  USER_POOL_ID,
} from "../support/hostile";

guardHostileFile("hostileTokens");

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const parts = (token: string) => token.split(".") as [string, string, string];
/** The token with one character of its signature changed (not the last one: its low bits may be padding). */
const tamper = (token: string) => {
  const at = token.lastIndexOf(".") + 10;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
};
/** The token re-encoded with other claims, keeping the old signature. */
const withClaims = (token: string, change: (claims: Record<string, unknown>) => void) => {
  const [h, p, s] = parts(token);
  const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, unknown>;
  change(claims);
  return `${h}.${b64(claims)}.${s}`;
};
const algNone = (token: string) => `${b64({ alg: "none", typ: "JWT" })}.${parts(token)[1]}.`;

describe("hostile login tokens", () => {
  const NOT_AUTHORIZED: [string, (w: ReturnType<typeof tokenWorld>) => string, string][] = [
    ["a tampered signature", (w) => tamper(w.token()), "Invalid login token. Couldn't verify signed token."],
    ["alg: none", (w) => algNone(w.token()), "Invalid login token. Couldn't verify signed token."],
    [
      "alg: HS256",
      (w) => `${b64({ alg: "HS256", kid: "fake-provider-1" })}.${parts(w.token())[1]}.${parts(w.token())[2]}`,
      "Invalid login token. Couldn't verify signed token.",
    ],
    [
      "changed claims under the old signature",
      (w) =>
        withClaims(w.token(), (c) => {
          c.sub = "someone-else";
        }),
      "Invalid login token. Couldn't verify signed token.",
    ],
    [
      "an expired token",
      (w) => w.token({ exp: 1767225599 }),
      "Invalid login token. Token expired: 1767225600 >= 1767225599",
    ],
    [
      "a token expiring now",
      (w) => w.token({ exp: 1767225600 }),
      "Invalid login token. Token expired: 1767225600 >= 1767225600",
    ],
    [
      "a wrong audience",
      (w) => w.fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: "otherclient", sub: "u" }),
      "Token is not from a supported provider of this identity pool.",
    ],
    ["no audience", (w) => w.token({ aud: undefined }), "Invalid login token. Missing a required claim: aud"],
    ["no subject", (w) => w.token({ sub: undefined }), "Invalid login token. Missing a required claim: sub"],
    ["no expiry", (w) => w.token({ exp: undefined }), "Invalid login token. Missing a required claim: exp"],
    [
      "another user pool's token",
      (w) => w.fake.loginToken.userPool({ userPoolId: "us-east-1_OtherPool", clientId: CLIENT_ID, sub: "u" }),
      "Invalid login token. Issuer doesn't match providerName",
    ],
    [
      "an OIDC token under the user pool's key",
      (w) => w.fake.loginToken.oidc({ issuer: "https://login.example.com", audience: CLIENT_ID, sub: "u" }),
      "Invalid login token. Issuer doesn't match providerName",
    ],
    ["not a JWT", () => "not-a-jwt", "Invalid login token. Not a valid OpenId Connect identity token."],
    [
      "three parts of garbage",
      () => "a.b.c",
      "Invalid login token. Not a valid OpenId Connect identity token.",
    ],
    [
      "JSON that is not an object",
      () => `${b64([1])}.${b64("x")}.sig`,
      "Invalid login token. Not a valid OpenId Connect identity token.",
    ],
  ];

  function tokenWorld() {
    const w = hostileWorld();
    const token = (claims: Record<string, unknown> = {}) =>
      w.fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub: "user-1", claims });
    return { ...w, token };
  }

  it.each(NOT_AUTHORIZED)(
    "%s answers NotAuthorizedException with the exact message",
    async (_label, make, message) => {
      const w = tokenWorld();
      const guest = await w.client.send(new sdk.GetIdCommand({ IdentityPoolId: w.poolId }));
      for (const op of ["GetId", "GetOpenIdToken", "GetCredentialsForIdentity", "UnlinkIdentity"] as const) {
        const input =
          op === "GetId"
            ? { IdentityPoolId: w.poolId, Logins: { [USER_POOL]: make(w) } }
            : op === "UnlinkIdentity"
              ? { IdentityId: guest.IdentityId, Logins: { [USER_POOL]: make(w) }, LoginsToRemove: [] }
              : { IdentityId: guest.IdentityId, Logins: { [USER_POOL]: make(w) } };
        const answer = await w.send(op, () => {}, input);
        if (answer.ok) throw new Error(`${op} accepted ${_label}`);
        expect(answer.error).toBeInstanceOf(sdk.NotAuthorizedException);
        expect(answer.error.message).toBe(message);
      }
      expect(w.fake.listIdentities(w.poolId)).toHaveLength(1);
    },
  );

  it("another identity pool's token does not open this pool (GetId and the developer flow)", async () => {
    const w = tokenWorld();
    const other = w.fake.seedIdentityPool({
      IdentityPoolName: "other",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [
        { ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool", ClientId: "otherclient" },
      ],
    });
    const foreign = w.fake.loginToken.userPool({
      userPoolId: "us-east-1_OtherPool",
      clientId: "otherclient",
      sub: "u",
    });
    // Presented under its own provider key: this pool does not configure that user pool.
    const answer = await w.send("GetId", () => {}, {
      IdentityPoolId: w.poolId,
      Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool": foreign },
    });
    expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    ]);
    // It works in its own pool.
    const own = await w.send("GetId", () => {}, {
      IdentityPoolId: other.IdentityPoolId,
      Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool": foreign },
    });
    expect(own.ok).toBe(true);
  });

  describe("OpenID tokens presented as the cognito-identity.amazonaws.com login", () => {
    async function issued(w: ReturnType<typeof tokenWorld>, poolId = w.poolId, duration?: number) {
      const out = await w.client.send(
        new sdk.GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          Logins: { [DEV]: "dev-user" },
          TokenDuration: duration,
        }),
      );
      return { identityId: out.IdentityId as string, token: out.Token as string };
    }

    it.each([
      ["tampered", (t: string) => tamper(t), "Invalid login token. Couldn't verify signed token."],
      ["alg: none", (t: string) => algNone(t), "Invalid login token. Couldn't verify signed token."],
      [
        "re-signed claims",
        (t: string) =>
          withClaims(t, (c) => {
            c.sub = "us-east-1:00000000-0000-4000-8000-000000000000";
          }),
        "Invalid login token. Couldn't verify signed token.",
      ],
      ["truncated", (t: string) => t.slice(0, -20), "Invalid login token. Couldn't verify signed token."],
    ])("%s → NotAuthorizedException", async (_label, change, message) => {
      const w = tokenWorld();
      const { identityId, token } = await issued(w);
      const answer = await w.send("GetCredentialsForIdentity", () => {}, {
        IdentityId: identityId,
        Logins: { [COGNITO]: change(token) },
      });
      expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
        "NotAuthorizedException",
        message,
      ]);
    });

    it("expired → NotAuthorizedException naming both times", async () => {
      const clock = { now: NOW.getTime() };
      const { fake, client } = setup({ now: () => new Date(clock.now) });
      const pool = fake.seedIdentityPool({
        IdentityPoolName: "p",
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: DEV,
        Roles: { authenticated: "arn:aws:iam::123456789012:role/auth" },
      });
      const out = await client.send(
        new sdk.GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: pool.IdentityPoolId,
          Logins: { [DEV]: "dev-user" },
          TokenDuration: 60,
        }),
      );
      clock.now += 60_000;
      countTried();
      const err = await client
        .send(
          new sdk.GetCredentialsForIdentityCommand({
            IdentityId: out.IdentityId,
            Logins: { [COGNITO]: out.Token as string },
          }),
        )
        .then(
          () => undefined,
          (e: unknown) => e as Error,
        );
      expect(err).toBeInstanceOf(sdk.NotAuthorizedException);
      expect(err?.message).toBe("Invalid login token. Token expired: 1767225660 >= 1767225660");
    });

    it("another identity pool's token → NotAuthorizedException (not from a supported provider)", async () => {
      const w = tokenWorld();
      const other = w.fake.seedIdentityPool({
        IdentityPoolName: "o",
        AllowUnauthenticatedIdentities: true,
        DeveloperProviderName: DEV,
      });
      const foreign = await issued(w, other.IdentityPoolId);
      const mine = await issued(w);
      const answer = await w.send("GetCredentialsForIdentity", () => {}, {
        IdentityId: mine.identityId,
        Logins: { [COGNITO]: foreign.token },
      });
      expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
        "NotAuthorizedException",
        "Token is not from a supported provider of this identity pool.",
      ]);
    });

    it("a Cognito token anywhere but alone in GetCredentialsForIdentity → NotAuthorizedException", async () => {
      const w = tokenWorld();
      const { identityId, token } = await issued(w);
      const CANT = "Invalid login token. Can't pass in a Cognito token.";
      for (const [op, input] of [
        ["GetId", { IdentityPoolId: w.poolId, Logins: { [COGNITO]: token } }],
        ["GetOpenIdToken", { IdentityId: identityId, Logins: { [COGNITO]: token } }],
        [
          "GetCredentialsForIdentity",
          { IdentityId: identityId, Logins: { [COGNITO]: token, "graph.facebook.com": "fb" } },
        ],
        ["GetId", { IdentityPoolId: w.poolId, Logins: { [DEV]: token } }],
      ] as const) {
        const answer = await w.send(op, () => {}, input);
        expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
          "NotAuthorizedException",
          CANT,
        ]);
      }
    });
  });
});
