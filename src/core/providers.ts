/**
 * Provider names and the checks a pool's provider configuration must pass.
 */
import type { CognitoIdentityProvider, IdentityPool } from "./model/model.generated";

/** The six public providers `SupportedLoginProviders` may name. */
export const PUBLIC_PROVIDERS = [
  "graph.facebook.com",
  "accounts.google.com",
  "appleid.apple.com",
  "www.amazon.com",
  "api.twitter.com",
  "www.digits.com",
] as const;

/** Public providers whose login token is opaque: the token string itself identifies the user. */
export const OPAQUE_TOKEN_PROVIDERS: readonly string[] = [
  "graph.facebook.com",
  "www.amazon.com",
  "api.twitter.com",
  "www.digits.com",
];

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

/** The role-mapping key of a user-pool provider: `<providerName>:<clientId>`. */
export const userPoolMappingKey = (p: CognitoIdentityProvider): string => `${p.ProviderName}:${p.ClientId}`;

/**
 * Every provider key that identifies a configured login provider of the pool, as Logins keys: public
 * provider names, user-pool provider names, OIDC hosts and SAML ARNs.
 */
export function loginProviders(config: IdentityPool): string[] {
  return [
    ...Object.keys(config.SupportedLoginProviders ?? {}),
    ...(config.CognitoIdentityProviders ?? []).map((p) => p.ProviderName ?? ""),
    ...(config.OpenIdConnectProviderARNs ?? []).map((arn) => oidcHost(arn) ?? arn),
    ...(config.SamlProviderARNs ?? []),
  ];
}
