/**
 * Domain rules at their edges, on the pure functions: the provider directory of a configuration, the `amr`
 * subject of each provider kind, the classic-flow check, the linking limits, and principal tags from claims
 * that are not strings.
 */
import {
  GetPrincipalTagAttributeMapCommand,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
} from "@aws-sdk/client-cognito-identity";
import { amrSubject } from "../../src/core/domain/amr";
import { requireClassicFlow } from "../../src/core/domain/classicFlow";
import { principalTagsFor, tagsFromClaims } from "../../src/core/domain/credentials/principalTags";
import { requireDeveloperProvider, requireLinkCount } from "../../src/core/domain/identityRules";
import { mappingKeysOf, providersOf } from "../../src/core/domain/providers";
import { ServiceError } from "../../src/core/errors";
import type { IdentityPool } from "../../src/core/model/model.generated";
import { CLIENT_ID, setup, USER_POOL } from "../support/helpers";
import { storedPool } from "../support/stored";

const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/login.example.com";
const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corp";
const config = (more: Partial<IdentityPool>): IdentityPool => ({
  IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000",
  IdentityPoolName: "edges",
  AllowUnauthenticatedIdentities: true,
  ...more,
});

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof ServiceError) return `${err.type}: ${err.message}`;
    throw err;
  }
  return "no error";
};

describe("the provider directory", () => {
  it("names each configured provider once, skipping ARNs of another kind, and is built once per configuration", () => {
    const c = config({
      SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
      CognitoIdentityProviders: [
        { ProviderName: USER_POOL, ClientId: "a" },
        { ProviderName: USER_POOL, ClientId: "b" },
      ],
      OpenIdConnectProviderARNs: [OIDC_ARN, "arn:aws:iam::123456789012:saml-provider/not-oidc"],
      SamlProviderARNs: [SAML_ARN, "arn:aws:iam::123456789012:oidc-provider/not-saml"],
    });
    const directory = providersOf(c);
    expect([...directory.logins.keys()]).toEqual([
      "graph.facebook.com",
      USER_POOL,
      "login.example.com",
      SAML_ARN,
    ]);
    expect(directory.logins.get(USER_POOL)).toEqual({
      kind: "userPool",
      name: USER_POOL,
      clientIds: ["a", "b"],
    });
    expect(providersOf(c)).toBe(directory);
    expect([...providersOf(config({})).logins.keys()]).toEqual([]);
  });

  it("reads a user-pool provider without a name or client id as empty text", () => {
    expect(providersOf(config({ CognitoIdentityProviders: [{}] })).logins.get("")).toEqual({
      kind: "userPool",
      name: "",
      clientIds: [""],
    });
  });

  it("gives the role-mapping keys of each kind, most specific first", () => {
    const logins = providersOf(
      config({
        SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
        CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
        OpenIdConnectProviderARNs: [OIDC_ARN],
      }),
    ).logins;
    const kind = (name: string) => {
      const provider = logins.get(name);
      if (!provider) throw new Error(`no provider ${name}`);
      return provider;
    };
    expect(mappingKeysOf(kind(USER_POOL), { aud: CLIENT_ID })).toEqual([`${USER_POOL}:${CLIENT_ID}`]);
    expect(mappingKeysOf(kind(USER_POOL), { aud: 5 })).toEqual([]);
    expect(mappingKeysOf(kind("login.example.com"), {})).toEqual([OIDC_ARN, "login.example.com"]);
    expect(mappingKeysOf(kind("graph.facebook.com"), {})).toEqual(["graph.facebook.com"]);
  });
});

describe("rules of a pool", () => {
  const { fake, client } = setup();
  const seeded = fake.seedIdentityPool({
    IdentityPoolName: "rules",
    AllowUnauthenticatedIdentities: true,
    AllowClassicFlow: true,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app", "accounts.google.com": "google-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    SamlProviderARNs: [SAML_ARN],
  });

  it("name each provider kind's subject in the amr, and an unconfigured provider plainly", () => {
    const pool = storedPool(fake, seeded);
    expect(amrSubject(pool, "graph.facebook.com", "u")).toBe("graph.facebook.com:fb-app:u");
    expect(amrSubject(pool, "accounts.google.com", "u")).toBe("accounts.google.com:google-app:u");
    expect(amrSubject(pool, "gone.example.com", "u")).toBe("gone.example.com:u");
  });

  it("allow the classic flow with any login but a SAML one", () => {
    const pool = storedPool(fake, seeded);
    expect(
      messageOf(() => requireClassicFlow(pool, ["graph.facebook.com", USER_POOL, "unknown.example"])),
    ).toBe("no error");
    expect(messageOf(() => requireClassicFlow(pool, [SAML_ARN]))).toMatch(/^InvalidParameterException: /);
  });

  it("allow 20 linked logins and refuse 21; a pool without a developer provider supports none", () => {
    expect(messageOf(() => requireLinkCount(20))).toBe("no error");
    expect(messageOf(() => requireLinkCount(21))).toBe(
      "ResourceConflictException: The number of linked logins of an identity is limited to 20.",
    );
    expect(messageOf(() => requireDeveloperProvider(storedPool(fake, seeded), undefined))).toBe(
      "NotAuthorizedException: This identity pool does not support the specified developer provider",
    );
  });

  it("accept 25 rules in a mapping", async () => {
    const Rules = Array.from({ length: 25 }, (_, i) => ({
      Claim: "custom:tier",
      MatchType: "Equals" as const,
      Value: `t${i}`,
      RoleARN: "arn:aws:iam::123456789012:role/tier",
    }));
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: seeded.IdentityPoolId,
        Roles: { authenticated: "arn:aws:iam::123456789012:role/user" },
        RoleMappings: {
          [`${USER_POOL}:${CLIENT_ID}`]: {
            Type: "Rules",
            AmbiguousRoleResolution: "AuthenticatedRole",
            RulesConfiguration: { Rules },
          },
        },
      }),
    );
    expect(
      storedPool(fake, seeded).roleMappings[`${USER_POOL}:${CLIENT_ID}`]?.RulesConfiguration?.Rules,
    ).toHaveLength(25);
  });

  it("turn number and boolean claims into tag values and leave out claims of other types", async () => {
    await client.send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: seeded.IdentityPoolId,
        IdentityProviderName: USER_POOL,
        UseDefaults: false,
        PrincipalTags: {
          level: "custom:level",
          admin: "custom:admin",
          team: "custom:team",
          name: "sub",
          gone: "x",
        },
      }),
    );
    const pool = storedPool(fake, seeded);
    const claims = { "custom:level": 3, "custom:admin": false, "custom:team": { a: 1 }, sub: "u-1" };
    const tags = tagsFromClaims(pool, { provider: USER_POOL, claims });
    expect(Object.keys(tags)).toEqual(["level", "admin", "name"]);
    expect(tags).toEqual({ level: "3", admin: "false", name: "u-1" });
    expect(tagsFromClaims(pool, { provider: "graph.facebook.com", claims: { sub: "x" } })).toEqual({});
    expect(principalTagsFor({ pool })).toEqual({});
  });

  it("keep UseDefaults as set, false when omitted", async () => {
    const map = (UseDefaults?: boolean) =>
      client.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: seeded.IdentityPoolId,
          IdentityProviderName: "graph.facebook.com",
          ...(UseDefaults === undefined ? { PrincipalTags: { app: "aud" } } : { UseDefaults }),
        }),
      );
    const read = () =>
      client.send(
        new GetPrincipalTagAttributeMapCommand({
          IdentityPoolId: seeded.IdentityPoolId,
          IdentityProviderName: "graph.facebook.com",
        }),
      );
    expect((await map(true)).UseDefaults).toBe(true);
    expect((await read()).UseDefaults).toBe(true);
    expect((await map()).UseDefaults).toBe(false);
    expect(await read()).toMatchObject({ UseDefaults: false, PrincipalTags: { app: "aud" } });
  });
});
