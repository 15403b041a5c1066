/** GetId through the real SDK client: guests, and identities found, created or linked by their logins. */
import {
  CognitoIdentityServiceException,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  GetIdCommand,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import { signJwt } from "../../src/core/tokens/jwt";
import { providerKey } from "../../src/core/tokens/keys";
import {
  googleToken,
  IDENTITY_ID,
  NOW,
  OIDC_HOST,
  SAML_ARN,
  samlResponse,
  world,
} from "../support/fixtures/getId";
import { CLIENT_ID, expectError, rejection, USER_POOL } from "../support/helpers";
import { storedIdentity } from "../support/stored";

describe("GetId without logins", () => {
  it("creates a new unauthenticated identity on every call, prefixed with the pool's region", async () => {
    const { client, getId } = world();
    const first = await getId();
    const second = await getId();
    expect(first).toMatch(IDENTITY_ID);
    expect(second).toMatch(IDENTITY_ID);
    expect(second).not.toBe(first);
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: first }));
    expect(described.Logins).toBeUndefined();
  });

  it("treats an empty Logins map as no logins", async () => {
    const { fake, getId } = world();
    const id = await getId({});
    expect(fake.getIdentity(id)?.Logins).toEqual({});
  });

  it("refuses guests when the pool does not allow unauthenticated identities", async () => {
    const { getId, fake, poolId } = world({ AllowUnauthenticatedIdentities: false });
    await expectError(
      getId(),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Unauthenticated access is not supported for this identity pool.",
    );
    expect(fake.listIdentities(poolId)).toEqual([]);
  });

  it("answers IdentityPool '<id>' not found for an unknown pool, another region or another account", async () => {
    const { client, clientIn, poolId } = world();
    const unknown = "us-east-1:00000000-0000-4000-8000-000000000000";
    await expectError(
      client.send(new GetIdCommand({ IdentityPoolId: unknown })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `IdentityPool '${unknown}' not found.`,
    );
    await expectError(
      clientIn("eu-west-1").send(new GetIdCommand({ IdentityPoolId: poolId })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `IdentityPool '${poolId}' not found.`,
    );
    await expectError(
      client.send(new GetIdCommand({ IdentityPoolId: poolId, AccountId: "999999999999" })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `IdentityPool '${poolId}' not found.`,
    );
    const own = await client.send(new GetIdCommand({ IdentityPoolId: poolId, AccountId: "123456789012" }));
    expect(own.IdentityId).toMatch(IDENTITY_ID);
  });
});

describe("GetId with logins", () => {
  it("returns the same identity for the same user-pool user, whatever token of theirs is presented", async () => {
    const { fake, clock, getId, idToken } = world();
    const first = await getId({ [USER_POOL]: idToken("alice") });
    clock.now = new Date("2026-01-01T00:30:00Z");
    const again = await getId({ [USER_POOL]: idToken("alice") });
    const other = await getId({ [USER_POOL]: idToken("bob") });
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(fake.getIdentity(first)?.Logins).toEqual({ [USER_POOL]: "alice" });
  });

  it("identifies opaque-token users (Facebook) by the token string", async () => {
    const { fake, getId } = world();
    const first = await getId({ "graph.facebook.com": "fb-token-1" });
    expect(await getId({ "graph.facebook.com": "fb-token-1" })).toBe(first);
    expect(await getId({ "graph.facebook.com": "fb-token-2" })).not.toBe(first);
    expect(fake.getIdentity(first)?.Logins).toEqual({ "graph.facebook.com": "fb-token-1" });
  });

  it("accepts Google, Apple and OIDC tokens whose iss and aud match the configuration", async () => {
    const { fake, getId } = world();
    const google = fake.loginToken.oidc({
      issuer: "https://accounts.google.com",
      audience: "google-client",
      sub: "g1",
    });
    const apple = fake.loginToken.oidc({
      issuer: "https://appleid.apple.com",
      audience: "com.example.app",
      sub: "a1",
    });
    // OIDC: any audience (IAM OIDC provider client ids are not part of the pool's configuration).
    const oidc = fake.loginToken.oidc({ issuer: `https://${OIDC_HOST}`, audience: "anything", sub: "o1" });
    const id = await getId({ "accounts.google.com": google, "appleid.apple.com": apple, [OIDC_HOST]: oidc });
    expect(fake.getIdentity(id)?.Logins).toEqual({
      "accounts.google.com": "g1",
      "appleid.apple.com": "a1",
      [OIDC_HOST]: "o1",
    });
  });

  it("accepts a Google token whose iss is the bare host", async () => {
    const { fake, getId } = world();
    const token = signJwt(
      { alg: "RS256", kid: "google-key" },
      { iss: "accounts.google.com", aud: "google-client", sub: "g2", exp: NOW + 60 },
      providerKey().privateKey,
    );
    const id = await getId({ "accounts.google.com": token });
    expect(fake.getIdentity(id)?.Logins).toEqual({ "accounts.google.com": "g2" });
  });

  it("identifies SAML users by the NameID of the assertion and keeps its attributes as claims", async () => {
    const { fake, getId } = world();
    const first = await getId({ [SAML_ARN]: samlResponse("alice@corp.example", "r1") });
    expect(await getId({ [SAML_ARN]: samlResponse("alice@corp.example", "r2") })).toBe(first);
    expect(storedIdentity(fake, first)?.loginClaims[SAML_ARN]).toEqual({ department: "sales" });
    await expectError(
      getId({ [SAML_ARN]: Buffer.from("<samlp:Response/>").toString("base64") }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Not a valid SAML assertion.",
    );
  });

  it("keeps the claims of the latest token per login", async () => {
    const { fake, getId, idToken } = world();
    const id = await getId({ [USER_POOL]: idToken("alice", { "cognito:groups": ["readers"] }) });
    await getId({ [USER_POOL]: idToken("alice", { "cognito:groups": ["admins"] }) });
    expect(storedIdentity(fake, id)?.loginClaims[USER_POOL]).toMatchObject({
      sub: "alice",
      aud: CLIENT_ID,
      "cognito:groups": ["admins"],
    });
  });

  it("links several logins of one call to one identity", async () => {
    const { client, getId, idToken } = world();
    const id = await getId({ [USER_POOL]: idToken("alice"), "graph.facebook.com": "fb-alice" });
    expect(await getId({ "graph.facebook.com": "fb-alice" })).toBe(id);
    expect(await getId({ [USER_POOL]: idToken("alice") })).toBe(id);
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: id }));
    expect(described.Logins).toEqual([USER_POOL, "graph.facebook.com"]);
  });

  it("links a new login presented with a known one, and moves LastModifiedDate", async () => {
    const { client, clock, getId, idToken } = world();
    const id = await getId({ [USER_POOL]: idToken("alice") });
    clock.now = new Date("2026-01-02T00:00:00Z");
    expect(await getId({ [USER_POOL]: idToken("alice"), "graph.facebook.com": "fb-alice" })).toBe(id);
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: id }));
    expect(described.CreationDate).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(described.LastModifiedDate).toEqual(new Date("2026-01-02T00:00:00Z"));
  });

  it("merges identities whose logins are presented together: the oldest survives, the others are disabled", async () => {
    const { fake, client, clock, getId, idToken } = world();
    const older = await getId({ "graph.facebook.com": "fb-alice" });
    const newer = await getId({ [USER_POOL]: idToken("alice") });
    clock.now = new Date("2026-01-03T00:00:00Z");
    const merged = await getId({ [USER_POOL]: idToken("alice"), "graph.facebook.com": "fb-alice" });
    expect(merged).toBe(older);
    expect(fake.getIdentity(older)?.Logins).toEqual({
      "graph.facebook.com": "fb-alice",
      [USER_POOL]: "alice",
    });
    expect(fake.getIdentity(newer)).toMatchObject({
      Disabled: true,
      Logins: {},
      DeveloperUserIdentifiers: [],
    });
    expect(await getId({ [USER_POOL]: idToken("alice") })).toBe(older);
    const described = await client.send(new DescribeIdentityCommand({ IdentityId: newer }));
    expect(described.Logins).toBeUndefined();
    expect(described.LastModifiedDate).toEqual(new Date("2026-01-03T00:00:00Z"));
  });

  it("refuses a second, different user of the same provider on one identity (ResourceConflictException)", async () => {
    const { fake, poolId, getId, idToken } = world();
    const id = await getId({ [USER_POOL]: idToken("alice"), "graph.facebook.com": "fb-alice" });
    let before = fake.state;
    await expectError(
      getId({ [USER_POOL]: idToken("alice"), "graph.facebook.com": "fb-mallory" }),
      ResourceConflictException,
      "ResourceConflictException",
      "A different user of provider 'graph.facebook.com' is already linked to this identity.",
    );
    expect(fake.state).toBe(before);
    // A merge that would put two users of one provider together is refused too.
    const other = await getId({
      "graph.facebook.com": "fb-bob",
      "accounts.google.com": googleToken(fake, "g-bob"),
    });
    before = fake.state;
    await expectError(
      getId({ [USER_POOL]: idToken("alice"), "accounts.google.com": googleToken(fake, "g-bob") }),
      ResourceConflictException,
      "ResourceConflictException",
      "A different user of provider 'graph.facebook.com' is already linked to this identity.",
    );
    expect(fake.getIdentity(id)?.Logins).toEqual({ [USER_POOL]: "alice", "graph.facebook.com": "fb-alice" });
    expect(fake.getIdentity(other)?.Disabled).toBe(false);
    expect(fake.state).toBe(before);
    expect(fake.listIdentities(poolId)).toHaveLength(2);
  });

  it("refuses more than 10 logins in one request with the service's ValidationException", async () => {
    const { getId } = world();
    const logins = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`provider${i}.example.com`, "t"]),
    );
    const err = await rejection(getId(logins));
    expect(err).toBeInstanceOf(CognitoIdentityServiceException);
    expect(err.name).toBe("ValidationException");
    expect(err.message).toBe(
      "1 validation error detected: Value at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  });

  it("refuses to link a 21st login to an identity (ResourceConflictException)", async () => {
    const providers = Array.from({ length: 21 }, (_, i) => ({
      ProviderName: `cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool${i}`,
      ClientId: CLIENT_ID,
    }));
    const { fake, poolId, getId } = world({
      CognitoIdentityProviders: providers,
      SupportedLoginProviders: {},
    });
    const seeded = fake.seedIdentity({
      IdentityPoolId: poolId,
      Logins: Object.fromEntries(providers.slice(0, 20).map((p) => [p.ProviderName, "alice"])),
    });
    const token = (i: number) =>
      fake.loginToken.userPool({ userPoolId: `us-east-1_Pool${i}`, clientId: CLIENT_ID, sub: "alice" });
    expect(await getId({ [providers[0]?.ProviderName as string]: token(0) })).toBe(seeded.IdentityId);
    await expectError(
      getId({
        [providers[0]?.ProviderName as string]: token(0),
        [providers[20]?.ProviderName as string]: token(20),
      }),
      ResourceConflictException,
      "ResourceConflictException",
      "The number of linked logins of an identity is limited to 20.",
    );
  });

  it("removes the identities of a deleted pool", async () => {
    const { fake, client, poolId, getId } = world();
    const id = await getId({ "graph.facebook.com": "fb-alice" });
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
    expect(fake.getIdentity(id)).toBeUndefined();
    await expectError(
      client.send(new DescribeIdentityCommand({ IdentityId: id })),
      ResourceNotFoundException,
      "ResourceNotFoundException",
      `Identity '${id}' not found.`,
    );
  });
});
