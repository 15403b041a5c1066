/**
 * The internal, stored records behind public ones, for tests of the pure core modules that take them.
 */
import type { StoredIdentity, StoredPool } from "../../src/core/state";
import type { IdentityPoolRecord } from "../../src/core/views";
import type { CognitoIdentityFake } from "../../src/fake";
import { coreStateOf } from "../../src/internal";

/** The stored pool behind a pool record of `fake`. */
export function storedPool(fake: CognitoIdentityFake, pool: IdentityPoolRecord): StoredPool {
  const entry = coreStateOf(fake).pools.get(pool.IdentityPoolId);
  if (!entry) throw new Error(`no stored pool ${pool.IdentityPoolId}`);
  return entry.pool;
}

/** The stored identity behind an identity id of `fake` (with its internal fields, such as `loginClaims`). */
export function storedIdentity(fake: CognitoIdentityFake, identityId: string): StoredIdentity | undefined {
  const state = coreStateOf(fake);
  const poolId = state.identityPools.get(identityId);
  return poolId === undefined ? undefined : state.pools.get(poolId)?.identities.get(identityId);
}
