/**
 * GetOpenIdToken and the token of GetOpenIdTokenForDeveloperIdentity through the real SDK client: tokens
 * verified with jose against fake.jwks() (every claim), lifetimes, the classic-flow refusals, the logins an
 * authenticated identity must present, and the tokens refused when they come back as a login.
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  jwtVerify,
} from "jose";
import type { SeedIdentityPoolInput } from "../../src";
import { CLIENT_ID, expectError, setup, USER_POOL } from "../support/helpers";

const USER_POOL_ID = "us-east-1_TestPool1";
const DEV = "login.myapp";
const COGNITO = "cognito-identity.amazonaws.com";
const NOW = new Date("2026-01-01T00:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const ISSUER = "https://cognito-identity.amazonaws.com";
const POOL_ARN_CLAIM = "https://cognito-identity.amazonaws.com/identity-pool-arn";
const TAGS_CLAIM = "https://aws.amazon.com/tags";
const AUTH = "arn:aws:iam::123456789012:role/auth";
const ADMIN = "arn:aws:iam::123456789012:role/admin";

const LOGINS_DONT_MATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";
const BAD_SIGNATURE = "Invalid login token. Couldn't verify signed token.";
const forbidden = (id: string) => `Access to Identity '${id}' is forbidden.`;

interface WorldOptions {
  AllowClassicFlow?: boolean;
  mappings?: SeedIdentityPoolInput["RoleMappings"];
}

function world(options: WorldOptions = {}) {
  const clock = { now: NOW };
  const env = setup({ now: () => clock.now });
  const pool = env.fake.seedIdentityPool({
    IdentityPoolName: "openid",
    AllowUnauthenticatedIdentities: true,
    ...(options.AllowClassicFlow === undefined ? {} : { AllowClassicFlow: options.AllowClassicFlow }),
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    DeveloperProviderName: DEV,
    Roles: { authenticated: AUTH },
    RoleMappings: options.mappings,
    PrincipalTagAttributeMaps: { [USER_POOL]: { UseDefaults: true } },
  });
  const poolId = pool.IdentityPoolId;
  const idToken = (sub: string, claims?: Record<string, unknown>) =>
    env.fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub, claims });
  const getId = async (Logins?: Record<string, string>) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }))).IdentityId as string;
  const openIdToken = (IdentityId: string, Logins?: Record<string, string>) =>
    env.client.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
  const devToken = (Logins: Record<string, string>, extra: Record<string, unknown> = {}) =>
    env.client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins, ...extra }),
    );
  /** Verifies a token as a relying party would: jose, the fake's key set, issuer, audience, RS512. */
  const verify = async (token: string | undefined, at: Date = clock.now) =>
    jwtVerify(token as string, createLocalJWKSet(env.fake.jwks()), {
      issuer: ISSUER,
      audience: poolId,
      algorithms: ["RS512"],
      currentDate: at,
    });
  return { ...env, clock, pool, poolId, idToken, getId, openIdToken, devToken, verify };
}

/** The token with its `sub` changed, signature kept. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  claims.sub = "us-east-1:99999999-9999-4999-8999-999999999999";
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
}

/** The token re-encoded with `alg: none` and no signature. */
function unsigned(token: string): string {
  const [, payload] = token.split(".") as [string, string, string];
  const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWS", kid: "us-east-11" })).toString(
    "base64url",
  );
  return `${header}.${payload}.`;
}

describe("GetOpenIdToken", () => {
  it("answers a guest a 10-minute RS512 token that jose verifies with fake.jwks(), with every claim", async () => {
    const { getId, openIdToken, verify, pool, poolId } = world();
    const guest = await getId();
    const out = await openIdToken(guest);
    expect(out.IdentityId).toBe(guest);
    const { payload, protectedHeader } = await verify(out.Token);
    expect(protectedHeader).toEqual({ kid: "us-east-11", typ: "JWS", alg: "RS512" });
    expect(payload).toEqual({
      sub: guest,
      aud: poolId,
      amr: ["unauthenticated"],
      iss: ISSUER,
      [POOL_ARN_CLAIM]: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${poolId}`,
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 600,
    });
    expect(payload[POOL_ARN_CLAIM]).toBe(pool.Arn);
  });

  it("answers an authenticated identity a token naming its provider, with its principal tags", async () => {
    const { getId, openIdToken, verify, idToken, poolId } = world();
    const Logins = { [USER_POOL]: idToken("alice-sub") };
    const alice = await getId(Logins);
    const { payload } = await verify((await openIdToken(alice, Logins)).Token);
    expect(payload).toEqual({
      sub: alice,
      aud: poolId,
      amr: ["authenticated", USER_POOL, `${USER_POOL}:CognitoSignIn:alice-sub`],
      [TAGS_CLAIM]: { principal_tags: { client: [CLIENT_ID], username: ["alice-sub"] } },
      iss: ISSUER,
      [POOL_ARN_CLAIM]: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${poolId}`,
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 600,
    });
  });

  it("expires after 10 minutes for a relying party", async () => {
    const { getId, openIdToken, verify } = world();
    const { Token } = await openIdToken(await getId());
    await expect(verify(Token, new Date(NOW.getTime() + 599_000))).resolves.toBeDefined();
    const err = await verify(Token, new Date(NOW.getTime() + 600_000)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.JWTExpired);
    expect((err as Error).message).toBe('"exp" claim timestamp check failed');
  });

  it("links new logins of a guest and answers for the identity after an implicit merge", async () => {
    const { fake, getId, openIdToken, verify, idToken } = world();
    const guest = await getId();
    const linked = await openIdToken(guest, { [USER_POOL]: idToken("alice") });
    expect(linked.IdentityId).toBe(guest);
    expect(fake.getIdentity(guest)?.Logins).toEqual({ [USER_POOL]: "alice" });

    const other = await getId();
    const merged = await openIdToken(other, { [USER_POOL]: idToken("alice") });
    expect(merged.IdentityId).toBe(guest);
    expect((await verify(merged.Token)).payload.sub).toBe(guest);
    expect(fake.getIdentity(other)?.Disabled).toBe(true);
  });

  it("requires one of the identity's own logins from an authenticated identity", async () => {
    const { getId, openIdToken, idToken, devToken } = world();
    const alice = await getId({ [USER_POOL]: idToken("alice") });
    await expectError(openIdToken(alice), NotAuthorizedException, "NotAuthorizedException", forbidden(alice));
    await expectError(
      openIdToken(alice, { [USER_POOL]: idToken("bob") }),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
    const { IdentityId } = await devToken({ [DEV]: "dev-1" });
    await expectError(
      openIdToken(IdentityId as string),
      NotAuthorizedException,
      "NotAuthorizedException",
      forbidden(IdentityId as string),
    );
  });

  it("refuses the developer provider and Cognito's own tokens as logins", async () => {
    const { getId, openIdToken, devToken } = world();
    const guest = await getId();
    await expectError(
      openIdToken(guest, { [DEV]: "dev-1" }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    );
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" });
    await expectError(
      openIdToken(IdentityId as string, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Can't pass in a Cognito token.",
    );
  });

  it("answers an unknown identity, or one of another region, as not found", async () => {
    const { getId, openIdToken, clientIn } = world();
    const unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    await expectError(
      openIdToken(unknown),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${unknown}' not found.`,
    );
    const guest = await getId();
    await expectError(
      clientIn("eu-west-1").send(new GetOpenIdTokenCommand({ IdentityId: guest })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${guest}' not found.`,
    );
  });
});

describe("GetOpenIdToken: classic flow", () => {
  it.each([
    ["unset", undefined],
    ["true", true],
  ])("is allowed when AllowClassicFlow is %s", async (_, AllowClassicFlow) => {
    const { getId, openIdToken } = world({ AllowClassicFlow });
    const guest = await getId();
    expect((await openIdToken(guest)).IdentityId).toBe(guest);
  });

  it("is refused when AllowClassicFlow is explicitly false", async () => {
    const { getId, openIdToken, idToken } = world({ AllowClassicFlow: false });
    await expectError(
      openIdToken(await getId()),
      InvalidParameterException,
      "InvalidParameterException",
      "Basic (classic) flow is not enabled, please use enhanced flow.",
    );
    const Logins = { [USER_POOL]: idToken("alice") };
    await expectError(
      openIdToken(await getId(Logins), Logins),
      InvalidParameterException,
      "InvalidParameterException",
      "Basic (classic) flow is not enabled, please use enhanced flow.",
    );
  });

  it("is refused in a pool with role mappings for everyone, guests and unmapped providers included", async () => {
    const { getId, openIdToken, idToken, fake, client } = world({
      mappings: {
        [`${USER_POOL}:${CLIENT_ID}`]: { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" },
      },
    });
    const Logins = { [USER_POOL]: idToken("alice", { "cognito:preferred_role": ADMIN }) };
    const alice = await getId(Logins);
    await expectError(
      openIdToken(alice, Logins),
      InvalidParameterException,
      "InvalidParameterException",
      "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.",
    );
    const guest = await getId();
    const refusal = "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.";
    await expectError(openIdToken(guest), InvalidParameterException, "InvalidParameterException", refusal);
    const facebook = { "graph.facebook.com": "fb-user" };
    const fbId = await getId(facebook);
    await expectError(
      openIdToken(fbId, facebook),
      InvalidParameterException,
      "InvalidParameterException",
      refusal,
    );
    // The enhanced flow serves the same sign-in, with the mapped role.
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: alice, Logins }));
    expect(fake.issuedCredentials.map((c) => c.roleArn)).toEqual([ADMIN]);
  });
});

describe("GetOpenIdTokenForDeveloperIdentity's token", () => {
  it("lasts 15 minutes by default and names the developer user in amr", async () => {
    const { devToken, verify, poolId } = world();
    const out = await devToken({ [DEV]: "dev-1" });
    const { payload, protectedHeader } = await verify(out.Token);
    expect(protectedHeader).toEqual({ kid: "us-east-11", typ: "JWS", alg: "RS512" });
    expect(payload).toEqual({
      sub: out.IdentityId,
      aud: poolId,
      amr: ["authenticated", DEV, `${DEV}:${poolId}:dev-1`],
      iss: ISSUER,
      [POOL_ARN_CLAIM]: `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${poolId}`,
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 900,
    });
  });

  it("lasts TokenDuration and carries PrincipalTags and every login of the call", async () => {
    const { devToken, verify, poolId, idToken } = world();
    const out = await devToken(
      { [DEV]: "dev-1", [USER_POOL]: idToken("alice") },
      { TokenDuration: 86400, PrincipalTags: { team: "blue", level: "3" } },
    );
    const { payload } = await verify(out.Token);
    expect(payload.exp).toBe(NOW_SECONDS + 86400);
    expect(payload.amr).toEqual([
      "authenticated",
      DEV,
      `${DEV}:${poolId}:dev-1`,
      USER_POOL,
      `${USER_POOL}:CognitoSignIn:alice`,
    ]);
    expect(payload[TAGS_CLAIM]).toEqual({ principal_tags: { team: ["blue"], level: ["3"] } });
  });

  it("without PrincipalTags, carries the tags of the linked logins' attribute maps", async () => {
    const { devToken, verify, idToken } = world();
    const out = await devToken({ [USER_POOL]: idToken("alice"), [DEV]: "dev-1" });
    const { payload } = await verify(out.Token);
    expect(payload[TAGS_CLAIM]).toEqual({ principal_tags: { client: [CLIENT_ID], username: ["alice"] } });
    expect((payload.amr as string[])[1]).toBe(USER_POOL);
  });
});

describe("Cognito tokens presented back as the cognito-identity.amazonaws.com login", () => {
  /** A developer identity's token, and the call that presents a (changed) token for it. */
  async function presented() {
    const w = world();
    const { IdentityId, Token } = await w.devToken({ [DEV]: "dev-1" });
    const present = (token: string) =>
      w.client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [COGNITO]: token } }));
    return { ...w, identityId: IdentityId as string, token: Token as string, present };
  }

  it("accepts the token as issued", async () => {
    const { present, token, fake, identityId } = await presented();
    expect((await present(token)).IdentityId).toBe(identityId);
    expect(fake.issuedCredentials.map((c) => c.roleArn)).toEqual([AUTH]);
  });

  it("refuses a token of another pool", async () => {
    const { present, fake, client } = await presented();
    const other = fake.seedIdentityPool({
      IdentityPoolName: "other",
      AllowUnauthenticatedIdentities: true,
      DeveloperProviderName: DEV,
    });
    const foreign = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: other.IdentityPoolId,
        Logins: { [DEV]: "x" },
      }),
    );
    expect(decodeJwt(foreign.Token as string).aud).toBe(other.IdentityPoolId);
    await expectError(
      present(foreign.Token as string),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    );
  });

  it("refuses a tampered token (and so does jose)", async () => {
    const { present, token, verify } = await presented();
    await expectError(
      present(tamper(token)),
      NotAuthorizedException,
      "NotAuthorizedException",
      BAD_SIGNATURE,
    );
    await expect(verify(tamper(token))).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it("refuses an unsigned token (alg: none), and so does jose", async () => {
    const { present, token, verify } = await presented();
    const none = unsigned(token);
    expect(decodeProtectedHeader(none).alg).toBe("none");
    await expectError(present(none), NotAuthorizedException, "NotAuthorizedException", BAD_SIGNATURE);
    await expect(verify(none)).rejects.toBeInstanceOf(errors.JOSEAlgNotAllowed);
  });

  it("refuses an expired token (and so does jose)", async () => {
    const { present, token, verify, clock } = await presented();
    const exp = (decodeJwt(token) as JWTPayload).exp as number;
    clock.now = new Date(exp * 1000 + 1000);
    await expectError(
      present(token),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${exp + 1} >= ${exp}`,
    );
    await expect(verify(token)).rejects.toBeInstanceOf(errors.JWTExpired);
  });
});

describe("Cognito tokens as provider logins", () => {
  it("an unsigned user-pool token is refused as a login", async () => {
    const { getId, idToken } = world();
    await expectError(
      getId({ [USER_POOL]: unsigned(idToken("alice")) }),
      NotAuthorizedException,
      "NotAuthorizedException",
      BAD_SIGNATURE,
    );
  });

  it("a user-pool token of a user pool the identity pool does not configure is refused", async () => {
    const { fake, getId } = world();
    const foreignPool = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Other";
    const token = fake.loginToken.userPool({ userPoolId: "us-east-1_Other", clientId: CLIENT_ID, sub: "x" });
    await expectError(
      getId({ [foreignPool]: token }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    );
  });
});
