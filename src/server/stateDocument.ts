/**
 * The versioned JSON document of a state file: every pool (configuration, roles, role mappings, tags,
 * principal-tag maps) and every identity (logins, developer links, dates, disabled flag), in the service's
 * vocabulary, and the checked way back from it to a state.
 */
import type { IdentityPool, RoleMapping } from "../core/model/model.generated";

import {
  type CoreState,
  initialState,
  type PoolEntry,
  type StoredIdentity,
  type StoredPool,
} from "../core/state";
import { addIdentities, identitiesOfPool } from "../core/store/identities";
import { addPool, listedPoolIds, putPool } from "../core/store/pools";
import { parseInput } from "../core/validation/validate";
import {
  asRecord,
  checked,
  date,
  integer,
  StateFileError,
  stringMap,
  structuredFreeze,
  text,
} from "./stateChecks";

/** What the file says it is. */
export const STATE_FORMAT = "cognito-identity-fake/state";
/** The version this code writes and reads. */
export const STATE_VERSION = 1;

/** One identity in the file. Dates are ISO 8601 text. */
export interface IdentityV1 {
  IdentityId: string;
  Logins: Record<string, string>;
  DeveloperUserIdentifiers: string[];
  /** The claims of the latest token presented per provider (role mapping reads them). */
  LoginClaims: Record<string, Record<string, unknown>>;
  CreationDate: string;
  LastModifiedDate: string;
  Disabled: boolean;
  /** Creation order within the pool. */
  Seq: number;
}

/** One pool in the file, with its identities. */
export interface PoolV1 {
  IdentityPoolId: string;
  AccountId: string;
  Region: string;
  /** The configuration as `DescribeIdentityPool` answers it (tags included). */
  Config: IdentityPool;
  Roles: Record<string, string>;
  RoleMappings: Record<string, RoleMapping>;
  PrincipalTagAttributeMaps: Record<string, { UseDefaults: boolean; PrincipalTags: Record<string, string> }>;
  CreationDate: string;
  ListSeq: number;
  NextSeq: number;
  Identities: IdentityV1[];
}

/** The whole file. */
export interface StateFileV1 {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  accountId: string;
  seed: number;
  idPosition: number;
  pools: PoolV1[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The document of a state: pools in listing order per region, identities in creation order.
 *
 * @example
 * ```ts
 * const doc = stateDocument(engine.state, "123456789012");
 * doc.pools.length; // every pool of the account
 * ```
 */
export function stateDocument(state: CoreState, accountId: string): StateFileV1 {
  const pools: PoolV1[] = [];
  // Every listed id is a stored pool (the store keeps the two in step).
  for (const id of listedPoolIds(state)) pools.push(poolDocument(state.pools.get(id) as PoolEntry));
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    accountId,
    seed: state.seed,
    idPosition: state.idPosition,
    pools,
  };
}

function poolDocument(entry: PoolEntry): PoolV1 {
  const { pool } = entry;
  const identities: IdentityV1[] = [];
  // In creation order (the order index iterates in its trie's hash order), so the file reads as a listing.
  for (const identity of identitiesOfPool(entry)) {
    identities.push({
      IdentityId: identity.identityId,
      Logins: { ...identity.logins },
      DeveloperUserIdentifiers: [...identity.developerUserIdentifiers],
      LoginClaims: { ...identity.loginClaims },
      CreationDate: iso(identity.creationDate),
      LastModifiedDate: iso(identity.lastModifiedDate),
      Disabled: identity.disabled,
      Seq: identity.seq,
    });
  }
  const maps: PoolV1["PrincipalTagAttributeMaps"] = {};
  for (const [provider, map] of Object.entries(pool.principalTagMaps)) {
    maps[provider] = { UseDefaults: map.useDefaults, PrincipalTags: { ...map.principalTags } };
  }
  return {
    IdentityPoolId: pool.identityPoolId,
    AccountId: pool.accountId,
    Region: pool.region,
    Config: pool.config,
    Roles: { ...pool.roles },
    RoleMappings: { ...pool.roleMappings },
    PrincipalTagAttributeMaps: maps,
    CreationDate: iso(pool.creationDate),
    ListSeq: pool.listSeq,
    NextSeq: entry.nextSeq,
    Identities: identities,
  };
}

/**
 * Rebuilds a state from a document, checking every part; throws {@link StateFileError} naming what is wrong.
 *
 * @example
 * ```ts
 * engine.state = restoreDocument(JSON.parse(text), "123456789012");
 * ```
 */
export function restoreDocument(doc: unknown, accountId: string): CoreState {
  const file = asRecord(doc, "the document");
  if (file.format !== STATE_FORMAT) throw new StateFileError(`it is not a ${STATE_FORMAT} document`);
  if (file.version !== STATE_VERSION) {
    throw new StateFileError(
      `its version ${String(file.version)} is not the supported version ${STATE_VERSION}`,
    );
  }
  if (file.accountId !== accountId) {
    throw new StateFileError(
      `it holds account ${String(file.accountId)}, and this server runs account ${accountId}`,
    );
  }
  let state: CoreState = initialState(integer(file.seed, "seed"));
  const pools = file.pools;
  if (!Array.isArray(pools)) throw new StateFileError("pools must be a list");
  pools.forEach((raw, i) => {
    state = restorePool(state, raw, `pools[${i}]`);
  });
  return Object.freeze({ ...state, idPosition: integer(file.idPosition, "idPosition") });
}

function restorePool(state: CoreState, raw: unknown, where: string): CoreState {
  const p = asRecord(raw, where);
  const id = text(p.IdentityPoolId, `${where}.IdentityPoolId`);
  if (state.pools.has(id)) throw new StateFileError(`${where}: pool ${id} appears twice`);
  const region = text(p.Region, `${where}.Region`);
  const account = text(p.AccountId, `${where}.AccountId`);
  const config = checked(
    () => parseInput("UpdateIdentityPool", p.Config),
    `${where}.Config`,
  ) as unknown as IdentityPool;
  if (config.IdentityPoolId !== id) throw new StateFileError(`${where}.Config names another pool`);
  const roles = asRecord(p.Roles, `${where}.Roles`) as Record<string, string>;
  const roleMappings = asRecord(p.RoleMappings, `${where}.RoleMappings`) as Record<string, RoleMapping>;
  checked(
    () =>
      parseInput("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: roles, RoleMappings: roleMappings }),
    where,
  );
  const maps: StoredPool["principalTagMaps"] = {};
  for (const [provider, value] of Object.entries(
    asRecord(p.PrincipalTagAttributeMaps, `${where}.PrincipalTagAttributeMaps`),
  )) {
    const map = asRecord(value, `${where}.PrincipalTagAttributeMaps.${provider}`);
    (maps as Record<string, unknown>)[provider] = Object.freeze({
      useDefaults: map.UseDefaults === true,
      principalTags: Object.freeze(
        stringMap(map.PrincipalTags, `${where}.PrincipalTagAttributeMaps.${provider}`),
      ),
    });
  }
  const pool: StoredPool = Object.freeze({
    identityPoolId: id,
    accountId: account,
    region,
    arn: `arn:aws:cognito-identity:${region}:${account}:identitypool/${id}`,
    config: structuredFreeze(config),
    roles: Object.freeze(stringMap(roles, `${where}.Roles`)),
    roleMappings: structuredFreeze(roleMappings),
    principalTagMaps: Object.freeze(maps),
    creationDate: date(p.CreationDate, `${where}.CreationDate`),
    listSeq: integer(p.ListSeq, `${where}.ListSeq`),
  });
  let next = addPool(state, pool);
  const rawIdentities = p.Identities;
  if (!Array.isArray(rawIdentities)) throw new StateFileError(`${where}.Identities must be a list`);
  const records = rawIdentities.map((r, i) => identityRecord(r, id, `${where}.Identities[${i}]`));
  try {
    next = addIdentities(next, id, records);
  } catch (err) {
    throw new StateFileError(`${where}.Identities: ${(err as Error).message}`);
  }
  for (const record of records) {
    if (next.identityPools.get(record.identityId) !== id || state.identityPools.has(record.identityId)) {
      throw new StateFileError(`${where}: identity ${record.identityId} appears twice`);
    }
  }
  const entry = next.pools.get(id) as PoolEntry;
  if (entry.identities.size !== records.length)
    throw new StateFileError(`${where}: an identity appears twice`);
  const links = (pick: (r: StoredIdentity) => number) => records.reduce((sum, r) => sum + pick(r), 0);
  if (entry.logins.size !== links((r) => Object.keys(r.logins).length)) {
    throw new StateFileError(`${where}.Identities: a login is linked to two identities`);
  }
  if (entry.developerUsers.size !== links((r) => r.developerUserIdentifiers.length)) {
    throw new StateFileError(`${where}.Identities: a developer user is linked to two identities`);
  }
  return putPool(next, { ...entry, nextSeq: integer(p.NextSeq, `${where}.NextSeq`) });
}

function identityRecord(raw: unknown, poolId: string, where: string): StoredIdentity {
  const r = asRecord(raw, where);
  const users = r.DeveloperUserIdentifiers;
  if (!Array.isArray(users) || !users.every((u) => typeof u === "string")) {
    throw new StateFileError(`${where}.DeveloperUserIdentifiers must be a list of text`);
  }
  if (typeof r.Disabled !== "boolean") throw new StateFileError(`${where}.Disabled must be true or false`);
  return Object.freeze({
    identityId: text(r.IdentityId, `${where}.IdentityId`),
    identityPoolId: poolId,
    logins: Object.freeze(stringMap(r.Logins, `${where}.Logins`)),
    developerUserIdentifiers: Object.freeze([...users]),
    loginClaims: structuredFreeze(
      asRecord(r.LoginClaims ?? {}, `${where}.LoginClaims`),
    ) as StoredIdentity["loginClaims"],
    creationDate: date(r.CreationDate, `${where}.CreationDate`),
    lastModifiedDate: date(r.LastModifiedDate, `${where}.LastModifiedDate`),
    disabled: r.Disabled,
    seq: integer(r.Seq, `${where}.Seq`),
  });
}
