/**
 * The public records of the fake, in the service's vocabulary (member names and types as the SDK's outputs
 * have them), built from the stored records. Each view is deep-frozen and made once per stored record (cached
 * by the stored record's identity), so reading an unchanged record again returns the very same object. Dates
 * are read-only accessors that hand out a fresh frozen `Date` each time: a caller can never change a cached
 * record through one.
 */
import type { IdentityPool, RoleMapping } from "./model/model.generated";
import type { StoredIdentity, StoredPool } from "./state";

/**
 * The principal-tag attribute map of one provider, as `GetPrincipalTagAttributeMap` describes it.
 *
 * @example
 * ```ts
 * pool.PrincipalTagAttributeMaps["accounts.google.com"]; // { UseDefaults: false, PrincipalTags: { mail: "email" } }
 * ```
 */
export interface PrincipalTagAttributeMap {
  readonly UseDefaults: boolean;
  readonly PrincipalTags: Readonly<Record<string, string>>;
}

/**
 * An identity pool: the `DescribeIdentityPool` output plus where the pool lives, its roles, role mappings,
 * principal-tag maps and creation date. Every member is the service's name, so a record goes straight into
 * the next call (`fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId })`).
 *
 * @example
 * ```ts
 * const pool: IdentityPoolRecord = fake.seedIdentityPool({
 *   IdentityPoolName: "app", AllowUnauthenticatedIdentities: true,
 * });
 * pool.Arn; // "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:…"
 * ```
 */
export interface IdentityPoolRecord extends Readonly<Omit<IdentityPool, "IdentityPoolTags">> {
  /** Tags (always present, possibly empty), as `DescribeIdentityPool` answers them. */
  readonly IdentityPoolTags: Readonly<Record<string, string>>;
  readonly AccountId: string;
  readonly Region: string;
  /** `arn:aws:cognito-identity:<region>:<account>:identitypool/<id>`. */
  readonly Arn: string;
  /** `authenticated` / `unauthenticated` → role ARN. */
  readonly Roles: Readonly<Record<string, string>>;
  /** Provider key → role mapping. */
  readonly RoleMappings: Readonly<Record<string, Readonly<RoleMapping>>>;
  /** Provider name → principal-tag attribute map. */
  readonly PrincipalTagAttributeMaps: Readonly<Record<string, PrincipalTagAttributeMap>>;
  readonly CreationDate: Date;
}

/**
 * An identity: its pool, what is linked to it, its dates and whether it is disabled.
 *
 * @example
 * ```ts
 * const identity: IdentityRecord = fake.seedIdentity({
 *   IdentityPoolId: pool.IdentityPoolId, Logins: { "graph.facebook.com": "fb-user-1" },
 * });
 * identity.Logins; // { "graph.facebook.com": "fb-user-1" }
 * ```
 */
export interface IdentityRecord {
  readonly IdentityId: string;
  readonly IdentityPoolId: string;
  /** Linked logins: provider name → user identifier (the `sub` for JWT providers, the token for opaque ones). */
  readonly Logins: Readonly<Record<string, string>>;
  /** Developer user identifiers linked through the pool's developer provider. */
  readonly DeveloperUserIdentifiers: readonly string[];
  readonly CreationDate: Date;
  readonly LastModifiedDate: Date;
  /** Merged away into another identity, or its last login unlinked. */
  readonly Disabled: boolean;
}

const pools = new WeakMap<StoredPool, IdentityPoolRecord>();
const identities = new WeakMap<StoredIdentity, IdentityRecord>();

/**
 * The public record of a stored pool (made once per stored record).
 *
 * @example
 * ```ts
 * poolRecord(state.pools.get(id)!.pool).IdentityPoolName; // "app"
 * ```
 */
export function poolRecord(stored: StoredPool): IdentityPoolRecord {
  let record = pools.get(stored);
  if (record) return record;
  const maps: Record<string, PrincipalTagAttributeMap> = {};
  for (const [provider, map] of Object.entries(stored.principalTagMaps)) {
    Object.defineProperty(maps, provider, {
      enumerable: true,
      value: Object.freeze({ UseDefaults: map.useDefaults, PrincipalTags: map.principalTags }),
    });
  }
  record = Object.freeze({
    ...stored.config,
    IdentityPoolTags: stored.config.IdentityPoolTags ?? Object.freeze({}),
    AccountId: stored.accountId,
    Region: stored.region,
    Arn: stored.arn,
    Roles: stored.roles,
    RoleMappings: stored.roleMappings,
    PrincipalTagAttributeMaps: Object.freeze(maps),
    get CreationDate(): Date {
      return Object.freeze(new Date(stored.creationDate));
    },
  });
  pools.set(stored, record);
  return record;
}

/** A new public record of a stored identity. */
const buildIdentityRecord = (stored: StoredIdentity): IdentityRecord =>
  Object.freeze({
    IdentityId: stored.identityId,
    IdentityPoolId: stored.identityPoolId,
    Logins: stored.logins,
    DeveloperUserIdentifiers: stored.developerUserIdentifiers,
    get CreationDate(): Date {
      return Object.freeze(new Date(stored.creationDate));
    },
    get LastModifiedDate(): Date {
      return Object.freeze(new Date(stored.lastModifiedDate));
    },
    Disabled: stored.disabled,
  });

/**
 * The public record of a stored identity: no internal fields. Made once per stored record and cached while
 * that record lives, unless `cache` is false (bulk seeding: a cached view would stay in memory as long as
 * its identity, about 0.8 kB each, for records the caller usually drops at once).
 *
 * @example
 * ```ts
 * identityRecord(stored).Disabled; // false
 * ```
 */
export function identityRecord(stored: StoredIdentity, cache = true): IdentityRecord {
  let record = identities.get(stored);
  if (record) return record;
  record = buildIdentityRecord(stored);
  if (cache) identities.set(stored, record);
  return record;
}
