/**
 * Seeding fixtures straight into the state, through the same validation as the API.
 */
import { freeze } from "immer";
import {
  requireDeveloperProvider,
  requireDeveloperUserFree,
  requireGuestsAllowed,
  requireLinkCount,
} from "./domain/identityRules";
import { createPool } from "./domain/poolConfig";
import { checkRoleMappings, checkRoles, requireTagMapProvider } from "./domain/roleConfig";
import { requireLoginProvider } from "./domain/verify";
import { errors, type ServiceError } from "./errors";
import type { CreateIdentityPoolInput, RoleMapping } from "./model/model.generated";
import type { CoreState, Env, StoredIdentity, StoredPool, StoredPrincipalTagMap } from "./state";
import { addIdentities, linkedLoginCount, loginOwner } from "./store/identities";
import { newIdentity } from "./store/records";
import { parseInput } from "./validation/validate";

/** A principal-tag attribute map as `SetPrincipalTagAttributeMap` takes it. */
export interface PrincipalTagAttributeMapInput {
  UseDefaults?: boolean;
  PrincipalTags?: Record<string, string>;
}

/** `CreateIdentityPool` input plus where the pool lives and what `SetIdentityPoolRoles` and friends would add. */
export interface SeedIdentityPoolInput extends CreateIdentityPoolInput {
  /** A fixed pool id (`<region>:<guid>`); generated when absent. */
  IdentityPoolId?: string;
  /** The pool's region; the fake's default region when absent. */
  Region?: string;
  Roles?: Record<string, string>;
  RoleMappings?: Record<string, RoleMapping>;
  /** Provider name → principal-tag attribute map. */
  PrincipalTagAttributeMaps?: Record<string, PrincipalTagAttributeMapInput>;
}

/**
 * Adds a pool as `CreateIdentityPool`, `SetIdentityPoolRoles` and `SetPrincipalTagAttributeMap` would; throws the
 * service's error (a `ServiceError`) for input the API would refuse.
 */
export function seedPool(
  state: CoreState,
  input: SeedIdentityPoolInput,
  env: Env,
): { state: CoreState; pool: StoredPool } {
  const {
    IdentityPoolId,
    Region: _region,
    Roles,
    RoleMappings,
    PrincipalTagAttributeMaps,
    ...create
  } = input;
  const clean = parseInput("CreateIdentityPool", create) as unknown as CreateIdentityPoolInput;
  const id = IdentityPoolId ?? env.ids.guid(`${env.ctx.region}:`);
  parseInput("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: Roles ?? {}, RoleMappings });
  // Built from entries: a provider key such as `__proto__` stays an own key (and is then refused below).
  const maps: [string, StoredPrincipalTagMap][] = [];
  for (const [provider, map] of Object.entries(PrincipalTagAttributeMaps ?? {})) {
    parseInput("SetPrincipalTagAttributeMap", { IdentityPoolId: id, IdentityProviderName: provider, ...map });
    maps.push([
      provider,
      Object.freeze({
        useDefaults: map.UseDefaults ?? false,
        principalTags: Object.freeze({ ...(map.PrincipalTags ?? {}) }),
      }),
    ]);
  }
  const created = createPool(state, clean, env, id, {
    roles: Object.freeze({ ...(Roles ?? {}) }),
    // A deep copy: the caller keeps its own objects, which must not reach into the state.
    roleMappings: freeze(structuredClone(RoleMappings ?? {}), true),
    principalTagMaps: Object.freeze(Object.fromEntries(maps)),
  });
  checkRoles(created.pool.roles);
  checkRoleMappings(created.pool.config, created.pool.roleMappings);
  for (const [provider] of maps) requireTagMapProvider(created.pool.config, provider);
  return created;
}

/**
 * An identity fixture for `fake.seedIdentity`: its pool and what is linked to it.
 *
 * @example
 * ```ts
 * const input: SeedIdentityInput = {
 *   IdentityPoolId: "us-east-1:11111111-2222-4333-8444-555555555555",
 *   Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123": "alice-sub" },
 *   DeveloperUserIdentifiers: ["alice"],
 * };
 * ```
 */
export interface SeedIdentityInput {
  /** The pool (in any region: the identity is created in the pool's region). */
  IdentityPoolId: string;
  /** Linked logins: provider name → user identifier (the `sub` for JWT providers, the token for opaque ones). */
  Logins?: Record<string, string>;
  /** Developer user identifiers of the pool's developer provider. */
  DeveloperUserIdentifiers?: string[];
}

/**
 * Adds identities to their pools as if their logins had signed in (without tokens): a guest identity when
 * nothing is linked. Each identity lives in its pool's region. Throws the service's error (a `ServiceError`)
 * where the API would refuse — unknown pool, provider not configured, developer users without a developer
 * provider, a guest where guests are not allowed, a login or developer user already linked (to an identity of
 * the state or to an earlier input), more than 20 linked logins — and then adds none. IDs are drawn in input
 * order; each pool's maps are updated once for all its new identities.
 */
export function seedIdentities(
  state: CoreState,
  inputs: readonly SeedIdentityInput[],
  env: Env,
): { state: CoreState; identities: StoredIdentity[] } {
  // Per pool: the records to add, how many logins they link, and the developer users they take.
  const batches = new Map<string, { records: StoredIdentity[]; logins: number; users: Set<string> }>();
  const checkedPoolIds = new Set<string>();
  const identities: StoredIdentity[] = [];
  for (const input of inputs) {
    if (!checkedPoolIds.has(input.IdentityPoolId)) {
      parseInput("DescribeIdentityPool", { IdentityPoolId: input.IdentityPoolId });
      checkedPoolIds.add(input.IdentityPoolId);
    }
    const logins = Object.entries(input.Logins ?? {});
    const developerUsers = input.DeveloperUserIdentifiers?.length
      ? [...new Set(input.DeveloperUserIdentifiers)]
      : [];
    for (const user of developerUsers) {
      parseInput("LookupDeveloperIdentity", {
        IdentityPoolId: input.IdentityPoolId,
        DeveloperUserIdentifier: user,
      });
    }
    const entry = state.pools.get(input.IdentityPoolId);
    if (!entry || entry.pool.accountId !== env.ctx.accountId) throw errors.poolNotFound(input.IdentityPoolId);
    const { pool } = entry;
    let batch = batches.get(pool.identityPoolId);
    if (!batch) {
      batch = { records: [], logins: 0, users: new Set() };
      batches.set(pool.identityPoolId, batch);
    }
    for (const [provider, user] of logins) {
      requireLoginProvider(pool, provider);
      const owner = loginOwner(entry, provider, user);
      if (owner !== undefined) throw errors.loginTaken(provider, owner);
    }
    if (developerUsers.length > 0) requireDeveloperProvider(pool, pool.config.DeveloperProviderName);
    for (const user of developerUsers) {
      requireDeveloperUserFree(entry, user);
      if (batch.users.has(user)) throw errors.developerUserRegistered();
    }
    requireLinkCount(logins.length + developerUsers.length);
    if (logins.length + developerUsers.length === 0) requireGuestsAllowed(pool);
    for (const user of developerUsers) batch.users.add(user);
    const record = newIdentity(
      pool,
      entry.nextSeq + batch.records.length,
      { logins: input.Logins ?? {}, developerUserIdentifiers: developerUsers },
      env,
    );
    batch.logins += logins.length;
    batch.records.push(record);
    identities.push(record);
  }
  let next = state;
  for (const [poolId, batch] of batches) {
    const before = linkedLoginCount(next, poolId);
    next = addIdentities(next, poolId, batch.records);
    // Two inputs linking the same login collapse into one index entry: found by count, named by a rescan.
    if (linkedLoginCount(next, poolId) - before !== batch.logins) throw repeatedLogin(batch.records);
  }
  return { state: next, identities };
}

/** The refusal for the first login that two of these new identities both link. */
function repeatedLogin(records: readonly StoredIdentity[]): ServiceError {
  const owners = new Map<string, string>();
  for (const record of records) {
    for (const [provider, user] of Object.entries(record.logins)) {
      const key = JSON.stringify([provider, user]);
      const owner = owners.get(key);
      if (owner !== undefined) return errors.loginTaken(provider, owner);
      owners.set(key, record.identityId);
    }
  }
  throw new Error("seedIdentities: a login count did not add up.");
}
