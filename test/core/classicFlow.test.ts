/**
 * Who may use the basic (classic) flow, through the real SDK client: GetOpenIdToken is refused pool-wide when
 * the pool has role mappings (guests included), "not enabled" wins when AllowClassicFlow is false as well,
 * and SAML logins are refused even when the classic flow is allowed.
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  InvalidParameterException,
} from "@aws-sdk/client-cognito-identity";
import type { SeedIdentityPoolInput } from "../../src";
import { CLIENT_ID, expectError, setup, USER_POOL } from "../support/helpers";

const POOL_ID = "us-east-1:00000000-0000-4000-8000-0000000000c1";
const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corp";
const AUTH = "arn:aws:iam::123456789012:role/auth";
const SALES = "arn:aws:iam::123456789012:role/sales";
const ROLE_MAPPINGS = "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.";
const NOT_ENABLED = "Basic (classic) flow is not enabled, please use enhanced flow.";
const SAML_CLASSIC =
  "Basic (classic) flow is not supported with SAML identity providers, please use enhanced flow.";

function world(extra: Partial<SeedIdentityPoolInput> = {}) {
  const env = setup();
  env.fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "classic",
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    SamlProviderARNs: [SAML_ARN],
    Roles: { authenticated: AUTH, unauthenticated: AUTH },
    ...extra,
  });
  const getId = async (Logins?: Record<string, string>) =>
    (await env.client.send(new GetIdCommand({ IdentityPoolId: POOL_ID, Logins }))).IdentityId as string;
  const openIdToken = (IdentityId: string, Logins?: Record<string, string>) =>
    env.client.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
  return { ...env, getId, openIdToken };
}

const FACEBOOK_MAPPING: SeedIdentityPoolInput["RoleMappings"] = {
  "graph.facebook.com": { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" },
};

describe("GetOpenIdToken in a pool with role mappings", () => {
  it("is refused for a guest, who gets credentials through the enhanced flow instead", async () => {
    const { getId, openIdToken, client, fake } = world({ RoleMappings: FACEBOOK_MAPPING });
    const guest = await getId();
    await expectError(
      openIdToken(guest),
      InvalidParameterException,
      "InvalidParameterException",
      ROLE_MAPPINGS,
    );
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: guest }));
    expect(fake.issuedCredentials.map((c) => c.roleArn)).toEqual([AUTH]);
  });

  it("is refused for a login of a provider the mappings do not name", async () => {
    const { getId, openIdToken } = world({
      RoleMappings: { [`${USER_POOL}:${CLIENT_ID}`]: { Type: "Token", AmbiguousRoleResolution: "Deny" } },
    });
    const facebook = { "graph.facebook.com": "fb-user" };
    const id = await getId(facebook);
    await expectError(
      openIdToken(id, facebook),
      InvalidParameterException,
      "InvalidParameterException",
      ROLE_MAPPINGS,
    );
  });

  it("answers 'not enabled' when AllowClassicFlow is false too", async () => {
    const { getId, openIdToken } = world({ RoleMappings: FACEBOOK_MAPPING, AllowClassicFlow: false });
    await expectError(
      openIdToken(await getId()),
      InvalidParameterException,
      "InvalidParameterException",
      NOT_ENABLED,
    );
  });

  it("is allowed in a pool without role mappings", async () => {
    const { getId, openIdToken } = world();
    const guest = await getId();
    await expect(openIdToken(guest)).resolves.toMatchObject({ IdentityId: guest });
  });
});

describe("GetOpenIdToken with a SAML login", () => {
  it("is refused even when the classic flow is explicitly allowed; the enhanced flow serves the same login", async () => {
    const { getId, openIdToken, client, fake } = world({ AllowClassicFlow: true });
    const Logins = {
      [SAML_ARN]: fake.loginToken.saml({ samlProviderArn: SAML_ARN, nameId: "alice", roles: [SALES] }),
    };
    const alice = await getId(Logins);
    await expectError(
      openIdToken(alice, Logins),
      InvalidParameterException,
      "InvalidParameterException",
      SAML_CLASSIC,
    );
    await client.send(new GetCredentialsForIdentityCommand({ IdentityId: alice, Logins }));
    expect(fake.issuedCredentials.map((c) => c.roleArn)).toEqual([SALES]);
  });

  it("answers 'not enabled' first when AllowClassicFlow is false", async () => {
    const { getId, openIdToken, fake } = world({ AllowClassicFlow: false });
    const Logins = { [SAML_ARN]: fake.loginToken.saml({ samlProviderArn: SAML_ARN, nameId: "bob" }) };
    const bob = await getId(Logins);
    await expectError(
      openIdToken(bob, Logins),
      InvalidParameterException,
      "InvalidParameterException",
      NOT_ENABLED,
    );
  });
});
