/**
 * The token of GetOpenIdTokenForDeveloperIdentity, and the fake's OpenID tokens refused or accepted when they
 * come back as the `cognito-identity.amazonaws.com` login (through the real SDK client).
 */
import {
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity";
import { decodeJwt, decodeProtectedHeader, errors, type JWTPayload } from "jose";
import {
  AUTH,
  BAD_SIGNATURE,
  COGNITO,
  DEV,
  ISSUER,
  NOW_SECONDS,
  POOL_ARN_CLAIM,
  TAGS_CLAIM,
  tamper,
  unsigned,
  world,
} from "../support/fixtures/openIdTokens";
import { CLIENT_ID, expectError, USER_POOL } from "../support/helpers";

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
