import {
  CreateIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  GetPrincipalTagAttributeMapCommand,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
} from "@aws-sdk/client-cognito-identity";
import { CLIENT_ID, rejection, setup, USER_POOL } from "../support/helpers";

const AUTH_ROLE = "arn:aws:iam::123456789012:role/authenticated";
const UNAUTH_ROLE = "arn:aws:iam::123456789012:role/unauthenticated";
const ADMIN_ROLE = "arn:aws:iam::123456789012:role/admin";

async function pool() {
  const env = setup();
  const { IdentityPoolId } = await env.client.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: "roles",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
      SupportedLoginProviders: { "accounts.google.com": "google-app" },
      OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/auth.example.com"],
    }),
  );
  return { ...env, id: IdentityPoolId as string };
}

const rulesMapping = {
  Type: "Rules" as const,
  AmbiguousRoleResolution: "AuthenticatedRole" as const,
  RulesConfiguration: {
    Rules: [
      { Claim: "cognito:groups", MatchType: "Contains" as const, Value: "admins", RoleARN: ADMIN_ROLE },
    ],
  },
};

describe("SetIdentityPoolRoles / GetIdentityPoolRoles", () => {
  it("stores roles and role mappings and returns them", async () => {
    const { client, id } = await pool();
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: id,
        Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
        RoleMappings: {
          [`${USER_POOL}:${CLIENT_ID}`]: rulesMapping,
          "accounts.google.com": { Type: "Token", AmbiguousRoleResolution: "Deny" },
        },
      }),
    );
    const out = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }));
    const { $metadata: _m, ...body } = out;
    expect(body).toEqual({
      IdentityPoolId: id,
      Roles: { authenticated: AUTH_ROLE, unauthenticated: UNAUTH_ROLE },
      RoleMappings: {
        [`${USER_POOL}:${CLIENT_ID}`]: rulesMapping,
        "accounts.google.com": { Type: "Token", AmbiguousRoleResolution: "Deny" },
      },
    });
  });

  it("replaces the whole configuration: omitted RoleMappings are cleared", async () => {
    const { client, id } = await pool();
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: id,
        Roles: { authenticated: AUTH_ROLE },
        RoleMappings: { "accounts.google.com": rulesMapping },
      }),
    );
    await client.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { unauthenticated: UNAUTH_ROLE } }),
    );
    const out = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }));
    expect(out.Roles).toEqual({ unauthenticated: UNAUTH_ROLE });
    expect(out.RoleMappings).toBeUndefined();
  });

  it("answers an empty Roles map for a pool with no roles set", async () => {
    const { client, id } = await pool();
    const out = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }));
    expect(out.IdentityPoolId).toBe(id);
    expect(out.Roles).toEqual({});
    expect(out.RoleMappings).toBeUndefined();
  });

  it.each([
    [
      `https://${USER_POOL}`,
      `https://${USER_POOL} is not a valid RoleMapping ProviderName or is not a configured provider.`,
    ],
    [USER_POOL, `${USER_POOL} is not a valid RoleMapping ProviderName or is not a configured provider.`],
    [
      "graph.facebook.com",
      "graph.facebook.com is not a valid RoleMapping ProviderName or is not a configured provider.",
    ],
  ])("refuses a role-mapping key that is not a configured provider: %s", async (key, message) => {
    const { client, fake, id } = await pool();
    const before = fake.state;
    const err = await rejection(
      client.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: id,
          Roles: {},
          RoleMappings: { [key]: rulesMapping },
        }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe(message);
    expect(fake.state).toBe(before);
  });

  it("accepts the OIDC provider by its ARN and by its host", async () => {
    const { client, id } = await pool();
    const mapping = { Type: "Token" as const, AmbiguousRoleResolution: "AuthenticatedRole" as const };
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: id,
        Roles: {},
        RoleMappings: {
          "arn:aws:iam::123456789012:oidc-provider/auth.example.com": mapping,
          "auth.example.com": mapping,
        },
      }),
    );
    const out = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }));
    expect(Object.keys(out.RoleMappings ?? {}).sort()).toEqual([
      "arn:aws:iam::123456789012:oidc-provider/auth.example.com",
      "auth.example.com",
    ]);
  });

  it.each([
    [
      "no AmbiguousRoleResolution",
      { Type: "Token" },
      "AmbiguousRoleResolution must be specified for the role mapping of accounts.google.com.",
    ],
    [
      "Rules without rules",
      { Type: "Rules", AmbiguousRoleResolution: "Deny" },
      "RulesConfiguration must be specified for the Rules role mapping of accounts.google.com.",
    ],
    [
      "Token with rules",
      { Type: "Token", AmbiguousRoleResolution: "Deny", RulesConfiguration: rulesMapping.RulesConfiguration },
      "RulesConfiguration can only be specified for a role mapping of Type Rules (accounts.google.com).",
    ],
    [
      "26 rules",
      {
        Type: "Rules",
        AmbiguousRoleResolution: "Deny",
        RulesConfiguration: {
          Rules: Array.from({ length: 26 }, () => rulesMapping.RulesConfiguration.Rules[0]),
        },
      },
      "The number of rules for accounts.google.com exceeds the limit of 25.",
    ],
  ])("enforces the documented role-mapping rules: %s", async (_label, mapping, message) => {
    const { client, id } = await pool();
    const err = await rejection(
      client.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: id,
          Roles: {},
          // biome-ignore lint/suspicious/noExplicitAny: deliberately incomplete mappings
          RoleMappings: { "accounts.google.com": mapping as any },
        }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe(message);
  });

  it("refuses a role the caller could not pass, as IAM PassRole does", async () => {
    const { client, id } = await pool();
    const bogus = "arn:aws:s3:::not-a-role-bucket";
    const err = await rejection(
      client.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { authenticated: bogus } })),
    );
    expect(err).toBeInstanceOf(NotAuthorizedException);
    expect(err.message).toBe(`Access to Role '${bogus}' is forbidden.`);
  });

  it("answers ResourceNotFoundException for an unknown pool", async () => {
    const { client } = await pool();
    const missing = "us-east-1:33333333-3333-4333-8333-333333333333";
    const err = await rejection(client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: missing })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe(`IdentityPool '${missing}' not found.`);
  });
});

describe("SetPrincipalTagAttributeMap / GetPrincipalTagAttributeMap", () => {
  it("stores a map per provider and echoes it", async () => {
    const { client, id } = await pool();
    const set = await client.send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: id,
        IdentityProviderName: USER_POOL,
        UseDefaults: false,
        PrincipalTags: { department: "custom:dept" },
      }),
    );
    const { $metadata: _m, ...body } = set;
    expect(body).toEqual({
      IdentityPoolId: id,
      IdentityProviderName: USER_POOL,
      UseDefaults: false,
      PrincipalTags: { department: "custom:dept" },
    });
    const got = await client.send(
      new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: id, IdentityProviderName: USER_POOL }),
    );
    expect(got.PrincipalTags).toEqual({ department: "custom:dept" });
    expect(got.UseDefaults).toBe(false);
  });

  it("answers UseDefaults false and no tags for a configured provider never mapped", async () => {
    const { client, id } = await pool();
    const got = await client.send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: id,
        IdentityProviderName: "accounts.google.com",
      }),
    );
    expect(got.UseDefaults).toBe(false);
    expect(got.PrincipalTags).toEqual({});
  });

  it("refuses a provider that is not configured in the pool", async () => {
    const { client, id } = await pool();
    const err = await rejection(
      client.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: id,
          IdentityProviderName: "graph.facebook.com",
          UseDefaults: true,
        }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe("Provider is not configured for this identity pool.");
  });
});
