/** The reference model: the pool operations. */
import {
  checkId,
  checkQueryLimit,
  DEV_NAME_PATTERN,
  FACEBOOK,
  invalidParameter,
  type ModelResult,
  MSG,
  NAME_PATTERN,
  type Pool,
  type PoolConfigInput,
  PUBLIC_PROVIDERS,
  type Ref,
  type Region,
  TAG_TEXT,
  USER_POOL,
  validation,
} from "./common";
import { ReferenceOutputs } from "./outputs";

export function checkConfig(input: PoolConfigInput): void {
  const name = input.IdentityPoolName;
  if (name.length < 1 || name.length > 128 || !NAME_PATTERN.test(name)) throw validation();
  if (input.DeveloperProviderName !== undefined && !DEV_NAME_PATTERN.test(input.DeveloperProviderName))
    throw validation();
}

export function checkTags(tags: Record<string, string>): void {
  for (const [k, v] of Object.entries(tags)) {
    if (k.toLowerCase().startsWith("aws:"))
      throw invalidParameter(`Tag keys starting with 'aws:' are reserved: ${k}`);
    if (!TAG_TEXT.test(k) || !TAG_TEXT.test(v))
      throw invalidParameter(`Tag '${k}' contains characters that are not allowed.`);
  }
}

/** The provider part of a pool's configuration, checked. */
export function providersOf(input: PoolConfigInput): Pick<Pool, "facebook" | "userPoolClient"> {
  let facebook: string | undefined;
  for (const [k, v] of Object.entries(input.SupportedLoginProviders ?? {})) {
    if (!PUBLIC_PROVIDERS.includes(k)) throw invalidParameter(`${k} is not a supported login provider.`);
    if (k === FACEBOOK) facebook = v;
  }
  let userPoolClient: string | undefined;
  for (const p of input.CognitoIdentityProviders ?? []) {
    if (p.ProviderName === USER_POOL) userPoolClient = p.ClientId;
  }
  return { facebook, userPoolClient };
}

export class ReferencePools extends ReferenceOutputs {
  // ---- pools -----------------------------------------------------------------------------------------------

  createIdentityPool(input: PoolConfigInput, region: Region): ModelResult {
    return this.apply((m) => {
      checkConfig(input);
      const providers = providersOf(input);
      checkTags(input.IdentityPoolTags ?? {});
      const pool: Pool = {
        m: m.pools.length,
        region,
        name: input.IdentityPoolName,
        allowGuests: input.AllowUnauthenticatedIdentities,
        classicFlow: input.AllowClassicFlow,
        ...providers,
        developer: input.DeveloperProviderName,
        tags: new Map(Object.entries(input.IdentityPoolTags ?? {})),
        roles: new Map(),
        mappings: new Map(),
        tagMaps: new Map(),
        deleted: false,
      };
      m.pools.push(pool);
      return { ok: true, output: m.config(pool), created: { pool: pool.m } };
    });
  }

  describeIdentityPool(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      return { ok: true, output: m.config(m.requirePool(ref, region)) };
    });
  }

  updateIdentityPool(ref: Ref, input: PoolConfigInput, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkConfig(input);
      const pool = m.requirePool(ref, region);
      if (
        pool.developer !== undefined &&
        input.DeveloperProviderName !== undefined &&
        input.DeveloperProviderName !== pool.developer
      ) {
        throw invalidParameter(MSG.devNameImmutable);
      }
      const providers = providersOf(input);
      if (input.IdentityPoolTags !== undefined) checkTags(input.IdentityPoolTags);
      pool.name = input.IdentityPoolName;
      pool.allowGuests = input.AllowUnauthenticatedIdentities;
      pool.classicFlow = input.AllowClassicFlow;
      pool.facebook = providers.facebook;
      pool.userPoolClient = providers.userPoolClient;
      pool.developer = input.DeveloperProviderName ?? pool.developer;
      if (input.IdentityPoolTags !== undefined) pool.tags = new Map(Object.entries(input.IdentityPoolTags));
      return { ok: true, output: m.config(pool) };
    });
  }

  deleteIdentityPool(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      m.requirePool(ref, region).deleted = true;
      return { ok: true, output: {} };
    });
  }

  /** ListIdentityPools: `pages` 1 answers the first page; "all" follows NextToken to the end. */
  listIdentityPools(maxResults: number, region: Region, pages: 1 | "all"): ModelResult {
    return this.apply((m) => {
      checkQueryLimit(maxResults, true);
      const all = m.pools
        .filter((p) => p.region === region && !p.deleted)
        .map((p) => ({ IdentityPoolId: { $pool: p.m }, IdentityPoolName: p.name }));
      if (pages === "all") return { ok: true, output: { IdentityPools: all } };
      const output: Record<string, unknown> = { IdentityPools: all.slice(0, maxResults) };
      if (all.length > maxResults) output.NextToken = true;
      return { ok: true, output };
    });
  }
}
