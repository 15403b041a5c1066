/**
 * GetOpenIdToken through the real SDK client: tokens verified with jose against fake.jwks() (every claim),
 * lifetimes, the logins an authenticated identity must present, and the classic-flow refusals.
 */
import {
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenCommand,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import { errors } from "jose";
import {
  ADMIN,
  COGNITO,
  DEV,
  forbidden,
  ISSUER,
  LOGINS_DONT_MATCH,
  NOW,
  NOW_SECONDS,
  POOL_ARN_CLAIM,
  TAGS_CLAIM,
  world,
} from "../support/fixtures/openIdTokens";
import { CLIENT_ID, expectError, USER_POOL } from "../support/helpers";

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
