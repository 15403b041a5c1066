/**
 * Building and checking a pool's configuration, shared by CreateIdentityPool, UpdateIdentityPool and seeding.
 */
import { freeze } from "immer";
import { invalidParameter } from "../errors";
import type {
  CognitoIdentityProvider,
  CreateIdentityPoolInput,
  IdentityPool,
} from "../model/model.generated";
import { isSamlArn, isUserPoolProvider, oidcHost, PUBLIC_PROVIDERS } from "../providers";

/** Tags per pool (developer guide). */
export const MAX_TAGS = 50;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Checks tags as the tagging guide documents them: at most 50, no `aws:` prefix, allowed characters. */
export function checkTags(tags: Readonly<Record<string, string>>): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) throw invalidParameter(`The number of tags exceeds the limit of ${MAX_TAGS}.`);
  for (const key of keys) {
    if (key.toLowerCase().startsWith("aws:"))
      throw invalidParameter(`Tag keys starting with 'aws:' are reserved: ${key}`);
    if (!TAG_CHARS.test(key) || !TAG_CHARS.test(tags[key] as string)) {
      throw invalidParameter(`Tag '${key}' contains characters that are not allowed.`);
    }
  }
}

function checkCognitoProvider(p: CognitoIdentityProvider): CognitoIdentityProvider {
  if (!p.ProviderName || !p.ClientId || !isUserPoolProvider(p.ProviderName)) {
    throw invalidParameter("Invalid Cognito Identity Provider");
  }
  return freeze({
    ProviderName: p.ProviderName,
    ClientId: p.ClientId,
    ServerSideTokenCheck: p.ServerSideTokenCheck ?? false,
  });
}

/**
 * The configuration as the service stores and describes it. Unset optional members stay absent, except
 * `IdentityPoolTags` (an empty map) and each provider's `ServerSideTokenCheck` (false), which the service always returns.
 */
export function buildConfig(id: string, input: CreateIdentityPoolInput): IdentityPool {
  for (const key of Object.keys(input.SupportedLoginProviders ?? {})) {
    if (!(PUBLIC_PROVIDERS as readonly string[]).includes(key)) {
      throw invalidParameter(`${key} is not a supported login provider.`);
    }
  }
  for (const arn of input.OpenIdConnectProviderARNs ?? []) {
    if (!oidcHost(arn)) throw invalidParameter(`Invalid OpenIdConnectProviderARN: ${arn}`);
  }
  for (const arn of input.SamlProviderARNs ?? []) {
    if (!isSamlArn(arn)) throw invalidParameter(`Invalid SamlProviderARN: ${arn}`);
  }
  const tags = input.IdentityPoolTags ?? {};
  checkTags(tags);
  const config: IdentityPool = {
    IdentityPoolId: id,
    IdentityPoolName: input.IdentityPoolName,
    AllowUnauthenticatedIdentities: input.AllowUnauthenticatedIdentities,
    IdentityPoolTags: freeze({ ...tags }),
  };
  if (input.AllowClassicFlow !== undefined) config.AllowClassicFlow = input.AllowClassicFlow;
  if (input.SupportedLoginProviders)
    config.SupportedLoginProviders = freeze({ ...input.SupportedLoginProviders });
  if (input.DeveloperProviderName !== undefined) config.DeveloperProviderName = input.DeveloperProviderName;
  if (input.OpenIdConnectProviderARNs)
    config.OpenIdConnectProviderARNs = freeze([...input.OpenIdConnectProviderARNs]);
  if (input.CognitoIdentityProviders) {
    config.CognitoIdentityProviders = freeze(input.CognitoIdentityProviders.map(checkCognitoProvider));
  }
  if (input.SamlProviderARNs) config.SamlProviderARNs = freeze([...input.SamlProviderARNs]);
  return freeze(config);
}

/** The pool ARN. */
export const poolArn = (region: string, accountId: string, id: string): string =>
  `arn:aws:cognito-identity:${region}:${accountId}:identitypool/${id}`;
