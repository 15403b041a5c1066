/**
 * The issuer of the OpenID tokens per Region, through the real SDK client: the global
 * `https://cognito-identity.amazonaws.com` in the standard Regions, the regional host in opt-in Regions,
 * GovCloud and China (`.amazonaws.com.cn`); every token verifies against `fake.jwks()`, and a developer token
 * of a regional pool comes back as the `cognito-identity.amazonaws.com` login.
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity";
import { createLocalJWKSet, jwtVerify } from "jose";
import { OPENID_ISSUER, openIdIssuer } from "../../src/core";
import { signJwt } from "../../src/core/tokens/jwt";
import { identityKey } from "../../src/core/tokens/keys";
import { expectError, setup } from "../support/helpers";

const AUTH = "arn:aws:iam::123456789012:role/auth";
const DEV = "login.myapp";

/** A pool in `region` (fixed id) and a client of that Region. */
function poolIn(region: string) {
  const env = setup();
  const poolId = `${region}:00000000-0000-4000-8000-0000000000a1`;
  env.fake.seedIdentityPool({
    IdentityPoolId: poolId,
    Region: region,
    IdentityPoolName: "regional",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: DEV,
    Roles: { authenticated: AUTH, unauthenticated: AUTH },
  });
  return { ...env, poolId, client: env.clientIn(region) };
}

async function guestToken(region: string) {
  const { fake, client, poolId } = poolIn(region);
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
  const { Token } = await client.send(new GetOpenIdTokenCommand({ IdentityId }));
  return { fake, poolId, token: Token as string };
}

describe("the issuer of OpenID tokens", () => {
  it.each([
    ["us-east-1", "https://cognito-identity.amazonaws.com"],
    ["eu-west-1", "https://cognito-identity.amazonaws.com"],
    ["eu-south-1", "https://cognito-identity.eu-south-1.amazonaws.com"],
    ["af-south-1", "https://cognito-identity.af-south-1.amazonaws.com"],
    ["ap-east-1", "https://cognito-identity.ap-east-1.amazonaws.com"],
    ["me-south-1", "https://cognito-identity.me-south-1.amazonaws.com"],
    ["us-gov-west-1", "https://cognito-identity.us-gov-west-1.amazonaws.com"],
    ["cn-north-1", "https://cognito-identity.cn-north-1.amazonaws.com.cn"],
  ])("a pool in %s issues from %s, verifiable with fake.jwks()", async (region, issuer) => {
    const { fake, poolId, token } = await guestToken(region);
    expect(openIdIssuer(region)).toBe(issuer);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(fake.jwks()), {
      issuer,
      audience: poolId,
      algorithms: ["RS512"],
      currentDate: new Date("2026-01-01T00:00:00Z"),
    });
    expect(payload.iss).toBe(issuer);
    expect(protectedHeader.kid).toBe(`${region}1`);
  });

  it("keeps the global issuer for the standard Regions", () => {
    expect(OPENID_ISSUER).toBe("https://cognito-identity.amazonaws.com");
    expect(openIdIssuer("ap-northeast-1")).toBe(OPENID_ISSUER);
    expect(openIdIssuer("ap-southeast-3")).toBe("https://cognito-identity.ap-southeast-3.amazonaws.com");
  });

  it("a regional developer token comes back as the cognito-identity.amazonaws.com login; a global one is refused there", async () => {
    const { client, poolId, fake } = poolIn("eu-south-1");
    const dev = await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV]: "dev-1" } }),
    );
    const IdentityId = dev.IdentityId as string;
    await client.send(
      new GetCredentialsForIdentityCommand({
        IdentityId,
        Logins: { "cognito-identity.amazonaws.com": dev.Token as string },
      }),
    );
    expect(fake.issuedCredentials.map((c) => c.identityId)).toEqual([IdentityId]);

    const [header, payload] = (dev.Token as string).split(".") as [string, string];
    const read = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    const globalToken = signJwt(
      read(header),
      { ...read(payload), iss: OPENID_ISSUER },
      identityKey().privateKey,
    );
    await expectError(
      client.send(
        new GetCredentialsForIdentityCommand({
          IdentityId,
          Logins: { "cognito-identity.amazonaws.com": globalToken },
        }),
      ),
      NotAuthorizedException,
      "NotAuthorizedException",
      "Invalid login token. Issuer doesn't match providerName",
    );
  });
});
