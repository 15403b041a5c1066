/**
 * Building and checking a pool's configuration, and creating pools; shared by CreateIdentityPool,
 * UpdateIdentityPool and seeding.
 */
import { freeze } from "immer";
import { errors } from "../errors";
import type {
  CognitoIdentityProvider,
  CreateIdentityPoolInput,
  IdentityPool,
} from "../model/model.generated";
import type { CoreState, Env, StoredPool } from "../state";
import { addPool, poolCountInRegion } from "../store/pools";
import { isPublicProvider, isSamlArn, isUserPoolProvider, oidcHost } from "./providers";

/** Tags per pool (developer guide). */
export const MAX_TAGS = 50;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Checks tags as the tagging guide documents them: at most 50, no `aws:` prefix, allowed characters. */
export function checkTags(tags: Readonly<Record<string, string>>): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) throw errors.tooManyTags(MAX_TAGS);
  for (const key of keys) {
    if (key.toLowerCase().startsWith("aws:")) throw errors.reservedTag(key);
    if (!TAG_CHARS.test(key) || !TAG_CHARS.test(tags[key] as string)) {
      throw errors.badTagCharacters(key);
    }
  }
}

function checkCognitoProvider(p: CognitoIdentityProvider): CognitoIdentityProvider {
  if (!p.ProviderName || !p.ClientId || !isUserPoolProvider(p.ProviderName)) {
    throw errors.invalidCognitoProvider();
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
    if (!isPublicProvider(key)) throw errors.unsupportedLoginProvider(key);
  }
  for (const arn of input.OpenIdConnectProviderARNs ?? []) {
    if (!oidcHost(arn)) throw errors.invalidOidcArn(arn);
  }
  for (const arn of input.SamlProviderARNs ?? []) {
    if (!isSamlArn(arn)) throw errors.invalidSamlArn(arn);
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

/** Identity pools per account and region. */
export const MAX_POOLS_PER_REGION = 1000;

/** Everything a new pool starts with, besides its configuration. */
export interface PoolExtras {
  readonly roles?: StoredPool["roles"];
  readonly roleMappings?: StoredPool["roleMappings"];
  readonly principalTagMaps?: StoredPool["principalTagMaps"];
}

/**
 * Creates a pool record in the caller's region (shared by CreateIdentityPool and seeding): at most 1,000 per
 * region (`LimitExceededException`), a fixed id must be free (`ResourceConflictException`).
 *
 * @example
 * ```ts
 * const { state: next, pool } = createPool(state, { IdentityPoolName: "app", AllowUnauthenticatedIdentities: true }, env);
 * ```
 */
export function createPool(
  state: CoreState,
  input: CreateIdentityPoolInput,
  env: Env,
  id = env.ids.guid(`${env.ctx.region}:`),
  extras: PoolExtras = {},
): { state: CoreState; pool: StoredPool } {
  const { ctx } = env;
  if (poolCountInRegion(state, ctx) >= MAX_POOLS_PER_REGION) throw errors.poolLimit(MAX_POOLS_PER_REGION);
  if (state.pools.has(id)) throw errors.poolExists(id);
  const pool: StoredPool = Object.freeze({
    identityPoolId: id,
    accountId: ctx.accountId,
    region: ctx.region,
    arn: poolArn(ctx.region, ctx.accountId, id),
    config: buildConfig(id, input),
    roles: extras.roles ?? Object.freeze({}),
    roleMappings: extras.roleMappings ?? Object.freeze({}),
    principalTagMaps: extras.principalTagMaps ?? Object.freeze({}),
    creationDate: ctx.now,
    listSeq: env.ids.position,
  });
  return { state: addPool(state, pool), pool };
}
