/**
 * Identity records: built frozen, with every empty map and list shared (identities are many, empties common).
 */
import type { Env, StoredIdentity, StoredPool } from "../state";

/** What a new identity starts with. Everything is optional: no logins makes an unauthenticated identity. */
export interface NewIdentity {
  readonly logins?: Readonly<Record<string, string>>;
  readonly developerUserIdentifiers?: readonly string[];
  readonly loginClaims?: StoredIdentity["loginClaims"];
}

const EMPTY_MAP: Readonly<Record<string, never>> = Object.freeze({});
const EMPTY_LIST: readonly string[] = Object.freeze([]);

/** A frozen copy of a map; every empty map is the one shared frozen `{}` (identities are many, empties common). */
const frozenMap = <V>(map: Readonly<Record<string, V>>): Readonly<Record<string, V>> => {
  // A spread copies own keys as data properties (a `__proto__` key stays a key), in one allocation.
  for (const key in map) if (Object.hasOwn(map, key)) return Object.freeze({ ...map });
  return EMPTY_MAP;
};

const frozenList = (list: readonly string[]): readonly string[] =>
  list.length === 0 ? EMPTY_LIST : Object.freeze([...list]);

export const frozenRecord = (fields: StoredIdentity): StoredIdentity =>
  Object.freeze({
    ...fields,
    logins: frozenMap(fields.logins),
    developerUserIdentifiers: frozenList(fields.developerUserIdentifiers),
    loginClaims: frozenMap(fields.loginClaims),
  });

/**
 * A new identity's record: id `<pool region>:<guid>` (drawn from the generator now), creation sequence `seq`.
 * Nothing is stored: `addIdentities` does that.
 *
 * @example
 * ```ts
 * const record = newIdentity(entry.pool, entry.nextSeq, { logins: { "graph.facebook.com": "fb-1" } }, env);
 * ```
 */
export function newIdentity(pool: StoredPool, seq: number, init: NewIdentity, env: Env): StoredIdentity {
  return Object.freeze({
    identityId: env.ids.guid(`${pool.region}:`),
    identityPoolId: pool.identityPoolId,
    logins: frozenMap(init.logins ?? EMPTY_MAP),
    developerUserIdentifiers: frozenList(init.developerUserIdentifiers ?? EMPTY_LIST),
    loginClaims: frozenMap(init.loginClaims ?? EMPTY_MAP),
    creationDate: env.ctx.now,
    lastModifiedDate: env.ctx.now,
    disabled: false,
    seq,
  });
}
