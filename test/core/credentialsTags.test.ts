/**
 * GetCredentialsForIdentity through the real SDK client: principal tags, and developer OpenID tokens presented
 * as the `cognito-identity.amazonaws.com` login.
 */
import {
  GetOpenIdTokenCommand,
  InvalidIdentityPoolConfigurationException,
  MergeDeveloperIdentitiesCommand,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity";
import {
  AUTH,
  COGNITO,
  DEV,
  forbidden,
  INVALID_CONFIG,
  LOGINS_DONT_MATCH,
  NOW,
  OIDC_ARN,
  OIDC_HOST,
  rulesMapping,
  UNAUTH,
  world,
} from "../support/fixtures/credentials";
import { CLIENT_ID, expectError, USER_POOL } from "../support/helpers";

describe("GetCredentialsForIdentity: principal tags", () => {
  it("UseDefaults maps client <- aud and username <- sub of the presented token", async () => {
    const { fake, roleOf } = world({ tagMaps: { [USER_POOL]: { UseDefaults: true } } });
    await roleOf("alice-sub", { email: "alice@example.com" });
    expect(fake.issuedCredentials.at(-1)?.principalTags).toEqual({
      client: CLIENT_ID,
      username: "alice-sub",
    });
  });

  it("a custom map reads each tag's claim (absent claims give no tag); an OIDC map is kept under the provider ARN", async () => {
    const { fake, getId, credentials } = world({
      tagMaps: { [OIDC_ARN]: { UseDefaults: false, PrincipalTags: { dept: "custom:dept", mail: "email" } } },
    });
    const token = fake.loginToken.oidc({
      issuer: `https://${OIDC_HOST}`,
      audience: "oidc-client",
      sub: "o-1",
      claims: { "custom:dept": "eng" },
    });
    const Logins = { [OIDC_HOST]: token };
    await credentials(await getId(Logins), Logins);
    expect(fake.issuedCredentials.at(-1)).toMatchObject({ roleArn: AUTH, principalTags: { dept: "eng" } });
  });

  it("no attribute map, no tags", async () => {
    const { fake, roleOf } = world();
    await roleOf("alice-sub", {});
    expect(fake.issuedCredentials.at(-1)?.principalTags).toEqual({});
  });
});

describe("GetCredentialsForIdentity with a developer OpenID token (cognito-identity.amazonaws.com)", () => {
  it("answers the authenticated role with the developer call's PrincipalTags", async () => {
    const { fake, devToken, credentials, poolId } = world({
      mappings: rulesMapping("Deny"),
      tagMaps: { [USER_POOL]: { UseDefaults: true } },
    });
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" }, { PrincipalTags: { team: "blue" } });
    const out = await credentials(IdentityId as string, { [COGNITO]: Token as string });
    expect(out.IdentityId).toBe(IdentityId);
    expect(fake.issuedCredentials).toEqual([
      {
        identityId: IdentityId,
        identityPoolId: poolId,
        roleArn: AUTH,
        accessKeyId: out.Credentials?.AccessKeyId,
        expiration: new Date("2026-01-01T01:00:00Z"),
        principalTags: { team: "blue" },
      },
    ]);
  });

  it("accepts it until it expires (TokenDuration), then refuses it", async () => {
    const { clock, devToken, credentials } = world();
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" }, { TokenDuration: 60 });
    const id = IdentityId as string;
    clock.now = new Date(NOW.getTime() + 59_000);
    await credentials(id, { [COGNITO]: Token as string });
    clock.now = new Date(NOW.getTime() + 60_000);
    const nowSeconds = clock.now.getTime() / 1000;
    await expectError(
      credentials(id, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      `Invalid login token. Token expired: ${nowSeconds} >= ${nowSeconds}`,
    );
  });

  it("refuses it for another identity than the one it names", async () => {
    const { devToken, credentials } = world();
    const { Token } = await devToken({ [DEV]: "dev-1" });
    const { IdentityId: other } = await devToken({ [DEV]: "dev-2" });
    await expectError(
      credentials(other as string, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
  });

  it("refuses it together with other logins", async () => {
    const { devToken, credentials, idToken } = world();
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" });
    await expectError(
      credentials(IdentityId as string, { [COGNITO]: Token as string, [USER_POOL]: idToken("alice") }),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Can't pass in a Cognito token.",
    );
  });

  it("refuses a guest's token from GetOpenIdToken: it proves no login", async () => {
    const { client, getId, credentials } = world();
    const guest = await getId();
    const { Token } = await client.send(new GetOpenIdTokenCommand({ IdentityId: guest }));
    await expectError(
      credentials(guest, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      LOGINS_DONT_MATCH,
    );
  });

  it("refuses it for an identity merged away since", async () => {
    const { client, devToken, credentials, poolId } = world();
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" });
    await devToken({ [DEV]: "dev-2" });
    await client.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        SourceUserIdentifier: "dev-1",
        DestinationUserIdentifier: "dev-2",
        DeveloperProviderName: DEV,
      }),
    );
    const id = IdentityId as string;
    await expectError(
      credentials(id, { [COGNITO]: Token as string }),
      NotAuthorizedException,
      "NotAuthorizedException",
      forbidden(id),
    );
  });

  it("answers InvalidIdentityPoolConfigurationException when the pool has no authenticated role", async () => {
    const { devToken, credentials } = world({ roles: { unauthenticated: UNAUTH } });
    const { IdentityId, Token } = await devToken({ [DEV]: "dev-1" });
    await expectError(
      credentials(IdentityId as string, { [COGNITO]: Token as string }),
      InvalidIdentityPoolConfigurationException,
      "InvalidIdentityPoolConfigurationException",
      INVALID_CONFIG,
    );
  });
});
