/**
 * The shared types of the core (the one module every layer of the core reads its types from), and the empty
 * state. The shape of the fake's state. Everything here is immutable: records are frozen plain objects, collections
 * are {@link PMap}s, so any old state object stays a valid, unchanged snapshot.
 *
 * Layout, chosen so that every command costs the same at 100,000 identities as at 1,000:
 * - `pools`: pool id → {@link PoolEntry}. A pool entry owns its identities and their indexes, so deleting a
 *   pool drops them all in one step.
 * - `poolOrder`: `account/region` → {@link RegionPools}: the region's pools by creation sequence (at most 1,000
 *   per region), for listing; a new pool is one map entry, not a copy of the region's list.
 * - `identityPools`: identity id → pool id, the one global index, for operations that name only an identity.
 * - Inside a pool: `identities` (id → record), `logins` (`provider\nuser` → id), `developerUsers`
 *   (developer user identifier → id) and `order` (creation sequence → id) for stable listing.
 */
import type { IdSource } from "./ids";
import type { IdentityPool, RoleMapping } from "./model/model.generated";
import { PMap } from "./store/pmap";

/** What a command runs under: the caller's account and region, and the time. */
export interface Context {
  /** The AWS account id that owns the pools. */
  readonly accountId: string;
  /** The region the request was sent to. */
  readonly region: string;
  /** The current time, epoch milliseconds. */
  readonly now: number;
}

/** What a state change may use besides the state: the request context and the ID generator. */
export interface Env {
  readonly ctx: Context;
  readonly ids: IdSource;
}

/** A credential issue, reported by `GetCredentialsForIdentity` so the fake can record it. */
export interface CredentialIssue {
  readonly identityId: string;
  readonly identityPoolId: string;
  readonly roleArn: string;
  readonly accessKeyId: string;
  /** Epoch milliseconds. */
  readonly expiration: number;
  readonly principalTags: Readonly<Record<string, string>>;
}

/** A login that passed the checks: the provider (its Logins key), the user it identifies and the token's claims. */
export interface VerifiedLogin {
  readonly provider: string;
  readonly user: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** The principal-tag attribute map of one provider of a pool. */
export interface StoredPrincipalTagMap {
  readonly useDefaults: boolean;
  readonly principalTags: Readonly<Record<string, string>>;
}

/** One identity pool: its configuration as the API describes it, plus roles and attribute maps. */
export interface StoredPool {
  readonly identityPoolId: string;
  readonly accountId: string;
  readonly region: string;
  /** `arn:aws:cognito-identity:<region>:<account>:identitypool/<id>`. */
  readonly arn: string;
  /** The configuration exactly as `DescribeIdentityPool` answers it (tags included). */
  readonly config: Readonly<IdentityPool>;
  /** `authenticated` / `unauthenticated` → role ARN. */
  readonly roles: Readonly<Record<string, string>>;
  /** Provider key → role mapping. */
  readonly roleMappings: Readonly<Record<string, RoleMapping>>;
  /** Provider name → principal-tag attribute map. */
  readonly principalTagMaps: Readonly<Record<string, StoredPrincipalTagMap>>;
  /** Epoch milliseconds. */
  readonly creationDate: number;
  /** A number that grows with every pool created: the listing order and what page tokens point at. */
  readonly listSeq: number;
}

/** One identity. */
export interface StoredIdentity {
  readonly identityId: string;
  readonly identityPoolId: string;
  /** Linked logins: provider name → user identifier (the `sub` for JWT providers, the token for opaque ones). */
  readonly logins: Readonly<Record<string, string>>;
  /** Developer user identifiers linked through the pool's developer provider. */
  readonly developerUserIdentifiers: readonly string[];
  /** The claims of the latest token presented per provider (role mapping reads them). */
  readonly loginClaims: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Epoch milliseconds. */
  readonly creationDate: number;
  /** Epoch milliseconds. */
  readonly lastModifiedDate: number;
  /** Merged away, or its last login removed. */
  readonly disabled: boolean;
  /** Creation sequence within the pool: the listing order. */
  readonly seq: number;
}

/** A pool with the identities it owns and their indexes. */
export interface PoolEntry {
  readonly pool: StoredPool;
  readonly identities: PMap<string, StoredIdentity>;
  /** `${provider}\n${userIdentifier}` → identity id. */
  readonly logins: PMap<string, string>;
  /** Developer user identifier → identity id. */
  readonly developerUsers: PMap<string, string>;
  /** Creation sequence → identity id (deleted identities leave gaps). */
  readonly order: PMap<number, string>;
  /** The next creation sequence number. */
  readonly nextSeq: number;
}

/** One account's pools in one region, for listing. */
export interface RegionPools {
  /** Creation sequence in the region → pool id (deleted pools leave gaps). */
  readonly order: PMap<number, string>;
  /** The next creation sequence number. */
  readonly nextSeq: number;
}

/** The whole state of the fake. */
export interface CoreState {
  /** The seed of the ID generator. */
  readonly seed: number;
  /** The ID generator's position. */
  readonly idPosition: number;
  readonly pools: PMap<string, PoolEntry>;
  /** `${accountId}/${region}` → the region's pools in creation order. */
  readonly poolOrder: PMap<string, RegionPools>;
  /** Identity id → pool id. */
  readonly identityPools: PMap<string, string>;
}

/**
 * The empty state for a seed.
 *
 * @example
 * ```ts
 * const state = initialState(1);
 * state.pools.size; // 0
 * ```
 */
export function initialState(seed = 1): CoreState {
  return Object.freeze({
    seed,
    idPosition: 0,
    pools: PMap.empty<string, PoolEntry>(),
    poolOrder: PMap.empty<string, RegionPools>(),
    identityPools: PMap.empty<string, string>(),
  });
}
