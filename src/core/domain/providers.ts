/**
 * A pool's provider directory: every login provider its configuration names, how each one's tokens are
 * checked, and the keys role mappings and principal-tag maps use for it. {@link providersOf} is the one place
 * that reads a configuration's provider lists; every "is this provider configured" question asks it.
 */
import type { CognitoIdentityProvider, IdentityPool } from "../model/model.generated";

/** The six public providers `SupportedLoginProviders` may name. */
export const PUBLIC_PROVIDERS = [
  "graph.facebook.com",
  "accounts.google.com",
  "appleid.apple.com",
  "www.amazon.com",
  "api.twitter.com",
  "www.digits.com",
] as const;

/** The issuers a public JWT provider's tokens may carry; the other public providers' tokens are opaque. */
const PUBLIC_JWT_ISSUERS: ReadonlyMap<string, readonly string[]> = new Map([
  ["accounts.google.com", ["https://accounts.google.com", "accounts.google.com"]],
  ["appleid.apple.com", ["https://appleid.apple.com"]],
]);

/** The Logins key Cognito itself issues tokens under. */
export const COGNITO_IDENTITY_PROVIDER = "cognito-identity.amazonaws.com";

const USER_POOL_PROVIDER = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;
const OIDC_ARN = /^arn:aws[\w-]*:iam::\d{12}:oidc-provider\/(.+)$/;
const SAML_ARN = /^arn:aws[\w-]*:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/;

/** Whether a name is a Cognito user-pool provider name `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
export const isUserPoolProvider = (name: string): boolean => USER_POOL_PROVIDER.test(name);

/** The host of an IAM OIDC provider ARN (its Logins key), or `undefined` if the ARN is not one. */
export const oidcHost = (arn: string): string | undefined => OIDC_ARN.exec(arn)?.[1];

/** Whether an ARN is an IAM SAML provider ARN. */
export const isSamlArn = (arn: string): boolean => SAML_ARN.test(arn);

/** Whether a name is one of the six public providers. */
export const isPublicProvider = (name: string): boolean =>
  (PUBLIC_PROVIDERS as readonly string[]).includes(name);

/** The role-mapping key of a user-pool provider: `<providerName>:<clientId>`. */
export const userPoolMappingKey = (p: CognitoIdentityProvider): string => `${p.ProviderName}:${p.ClientId}`;

/** A configured login provider, by how its tokens are checked. `name` is its Logins key. */
export type LoginProvider =
  | { readonly kind: "opaque"; readonly name: string; readonly appId: string }
  | {
      readonly kind: "publicJwt";
      readonly name: string;
      readonly appId: string;
      readonly issuers: readonly string[];
    }
  | { readonly kind: "userPool"; readonly name: string; readonly clientIds: readonly string[] }
  | { readonly kind: "oidc"; readonly name: string; readonly arn: string }
  | { readonly kind: "saml"; readonly name: string };

/** What a pool's configuration says about its login providers. */
export interface ProviderDirectory {
  /** Logins key → provider. */
  readonly logins: ReadonlyMap<string, LoginProvider>;
  /** The keys `SetIdentityPoolRoles` accepts for role mappings (user pools `<name>:<clientId>`, OIDC by ARN or host). */
  readonly mappingKeys: ReadonlySet<string>;
  /** The names principal-tag attribute maps are kept under (user pools by name, OIDC by provider ARN). */
  readonly tagMapKeys: ReadonlySet<string>;
}

/** The principal-tag map key of a provider: the IAM provider ARN for OIDC, the Logins key otherwise. */
export const tagMapKeyOf = (provider: LoginProvider): string =>
  provider.kind === "oidc" ? provider.arn : provider.name;

/**
 * The role-mapping keys that may hold a login's mapping, most specific first: `<name>:<aud>` for a user pool,
 * the OIDC provider ARN then the host, the Logins key otherwise.
 */
export function mappingKeysOf(provider: LoginProvider, claims: Readonly<Record<string, unknown>>): string[] {
  if (provider.kind === "userPool")
    return typeof claims.aud === "string" ? [`${provider.name}:${claims.aud}`] : [];
  if (provider.kind === "oidc") return [provider.arn, provider.name];
  return [provider.name];
}

function build(config: IdentityPool): ProviderDirectory {
  const logins = new Map<string, LoginProvider>();
  const mappingKeys = new Set<string>();
  for (const [name, appId] of Object.entries(config.SupportedLoginProviders ?? {})) {
    const issuers = PUBLIC_JWT_ISSUERS.get(name);
    logins.set(name, issuers ? { kind: "publicJwt", name, appId, issuers } : { kind: "opaque", name, appId });
    mappingKeys.add(name);
  }
  for (const p of config.CognitoIdentityProviders ?? []) {
    const name = p.ProviderName ?? "";
    const known = logins.get(name);
    const clientIds = known?.kind === "userPool" ? known.clientIds : [];
    logins.set(name, { kind: "userPool", name, clientIds: [...clientIds, p.ClientId ?? ""] });
    mappingKeys.add(userPoolMappingKey(p));
  }
  for (const arn of config.OpenIdConnectProviderARNs ?? []) {
    const host = oidcHost(arn);
    if (host === undefined) continue;
    logins.set(host, { kind: "oidc", name: host, arn });
    mappingKeys.add(arn).add(host);
  }
  for (const arn of config.SamlProviderARNs ?? []) {
    if (!isSamlArn(arn)) continue;
    logins.set(arn, { kind: "saml", name: arn });
    mappingKeys.add(arn);
  }
  const tagMapKeys = new Set([...logins.values()].map(tagMapKeyOf));
  return Object.freeze({ logins, mappingKeys, tagMapKeys });
}

/** Directories already built, per configuration (configurations are frozen and replaced whole). */
const directories = new WeakMap<IdentityPool, ProviderDirectory>();

/**
 * The provider directory of a pool configuration (built once per configuration object).
 *
 * @example
 * ```ts
 * const dir = providersOf(pool.config);
 * dir.logins.get("login.example.com")?.kind; // "oidc" when the pool names arn:aws:iam::…:oidc-provider/login.example.com
 * dir.tagMapKeys.has("arn:aws:iam::123456789012:oidc-provider/login.example.com"); // true
 * ```
 */
export function providersOf(config: IdentityPool): ProviderDirectory {
  let directory = directories.get(config);
  if (!directory) {
    directory = build(config);
    directories.set(config, directory);
  }
  return directory;
}

/**
 * The configured login provider under a Logins key, or `undefined` (an own-key lookup: `__proto__` is just a
 * name here).
 *
 * @example
 * ```ts
 * loginProvider(pool.config, "graph.facebook.com")?.kind; // "opaque"
 * ```
 */
export const loginProvider = (config: IdentityPool, name: string): LoginProvider | undefined =>
  providersOf(config).logins.get(name);
