/**
 * The store's identity writers on their own (`src/core/store/identities.ts`): they keep every index in step
 * with the records, and refuse, as internal errors, what their callers must have checked first.
 */

import { IdSource } from "../../src/core/ids";
import type { CoreState, StoredIdentity } from "../../src/core/state";
import {
  addIdentities,
  developerUserOwner,
  insertIdentity,
  loginOwner,
  writeIdentity,
} from "../../src/core/store/identities";
import { poolIdsInRegion, regionsInUse, removePool } from "../../src/core/store/pools";
import { coreStateOf } from "../../src/internal";
import { setup } from "../support/helpers";

const FB = "graph.facebook.com";
const UNKNOWN_POOL = "us-east-1:00000000-0000-4000-8000-000000000000";

function world() {
  const { fake } = setup();
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "writers",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: "login.writers",
    SupportedLoginProviders: { [FB]: "fb-app" },
  });
  const [alice, bob] = fake.seedIdentities([
    {
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [FB]: "alice" },
      DeveloperUserIdentifiers: ["dev-alice"],
    },
    { IdentityPoolId: pool.IdentityPoolId, Logins: { [FB]: "bob" }, DeveloperUserIdentifiers: ["dev-bob"] },
  ]);
  const state = coreStateOf(fake);
  const entry = (s: CoreState) => {
    const found = s.pools.get(pool.IdentityPoolId);
    if (!found) throw new Error("no pool");
    return found;
  };
  const stored = (id: string | undefined): StoredIdentity => {
    const record = entry(state).identities.get(id as string);
    if (!record) throw new Error("no identity");
    return record;
  };
  const env = { ctx: { accountId: "123456789012", region: "us-east-1", now: 0 }, ids: new IdSource(9, 0) };
  return {
    state,
    entry,
    poolId: pool.IdentityPoolId,
    alice: stored(alice?.IdentityId),
    bob: stored(bob?.IdentityId),
    env,
  };
}

describe("writeIdentity", () => {
  it("moves the index entries of a changed login user and of a removed developer user", () => {
    const { state, entry, alice } = world();
    const next = writeIdentity(state, {
      ...alice,
      logins: { [FB]: "alice-2" },
      developerUserIdentifiers: [],
    });
    expect(loginOwner(entry(next), FB, "alice")).toBeUndefined();
    expect(loginOwner(entry(next), FB, "alice-2")).toBe(alice.identityId);
    expect(developerUserOwner(entry(next), "dev-alice")).toBeUndefined();
    expect(developerUserOwner(entry(state), "dev-alice")).toBe(alice.identityId);
  });

  it("refuses, as internal errors, an unknown identity and a login or developer user of another identity", () => {
    const { state, alice, bob } = world();
    expect(() => writeIdentity(state, { ...alice, identityId: "us-east-1:unknown" })).toThrow(
      "writeIdentity: no identity us-east-1:unknown",
    );
    expect(() => writeIdentity(state, { ...alice, identityPoolId: UNKNOWN_POOL })).toThrow(
      `writeIdentity: no identity ${alice.identityId}`,
    );
    expect(() => writeIdentity(state, { ...alice, logins: { [FB]: "bob" } })).toThrow(
      `login ${FB} is linked to ${bob.identityId}`,
    );
    expect(() => writeIdentity(state, { ...alice, developerUserIdentifiers: ["dev-bob"] })).toThrow(
      `developer user is linked to ${bob.identityId}`,
    );
  });
});

describe("addIdentities and insertIdentity", () => {
  it("refuse, as internal errors, an unknown pool and logins or developer users linked already", () => {
    const { state, poolId, alice, bob, env } = world();
    const fresh = (over: Partial<StoredIdentity>): StoredIdentity => ({
      ...alice,
      identityId: "us-east-1:11111111-1111-4111-8111-111111111111",
      seq: 2,
      ...over,
    });
    expect(() => addIdentities(state, UNKNOWN_POOL, [])).toThrow(`addIdentities: no pool ${UNKNOWN_POOL}`);
    expect(() =>
      addIdentities(state, poolId, [fresh({ logins: { [FB]: "bob" }, developerUserIdentifiers: [] })]),
    ).toThrow(`login ${FB} is linked to ${bob.identityId}`);
    expect(() =>
      addIdentities(state, poolId, [fresh({ logins: {}, developerUserIdentifiers: ["dev-bob"] })]),
    ).toThrow(`developer user is linked to ${bob.identityId}`);
    expect(() => insertIdentity(state, UNKNOWN_POOL, {}, env)).toThrow(
      `insertIdentity: no pool ${UNKNOWN_POOL}`,
    );
    expect(insertIdentity(state, poolId, {}, env).identity.seq).toBe(2);
    expect(() => insertIdentity(state, poolId, { logins: { [FB]: "bob" } }, env)).toThrow(
      `login ${FB} is linked to ${bob.identityId}`,
    );
    expect(() => insertIdentity(state, poolId, { developerUserIdentifiers: ["dev-bob"] }, env)).toThrow(
      `developer user is linked to ${bob.identityId}`,
    );
  });

  it("insertIdentity registers the new identity in every index, and leaves the state it was given alone", () => {
    const { state, entry, poolId, env } = world();
    const before = entry(state);
    const { state: next, identity } = insertIdentity(
      state,
      poolId,
      { logins: { [FB]: "carol" }, developerUserIdentifiers: ["dev-carol"] },
      env,
    );
    const after = entry(next);
    expect(identity.seq).toBe(2);
    expect(after.nextSeq).toBe(3);
    expect(after.identities.get(identity.identityId)).toBe(identity);
    expect(after.order.get(2)).toBe(identity.identityId);
    expect(loginOwner(after, FB, "carol")).toBe(identity.identityId);
    expect(developerUserOwner(after, "dev-carol")).toBe(identity.identityId);
    expect(next.identityPools.get(identity.identityId)).toBe(poolId);
    expect([before.identities.size, after.identities.size]).toEqual([2, 3]);
    expect(loginOwner(after, FB, "alice")).toBe(loginOwner(before, FB, "alice"));
    expect(loginOwner(before, FB, "carol")).toBeUndefined();
    expect(state.identityPools.get(identity.identityId)).toBeUndefined();
    expect(Object.isFrozen(next)).toBe(true);
  });
});

describe("pool writers", () => {
  it("drop a region from the regions in use when its last pool goes, and list its pools in order until then", () => {
    const { fake } = setup();
    const a = fake.seedIdentityPool({
      IdentityPoolName: "a",
      AllowUnauthenticatedIdentities: true,
      Region: "local-1",
    });
    const b = fake.seedIdentityPool({
      IdentityPoolName: "b",
      AllowUnauthenticatedIdentities: true,
      Region: "local-1",
    });
    const state = coreStateOf(fake);
    const pool = (id: string) => {
      const entry = state.pools.get(id);
      if (!entry) throw new Error("no pool");
      return entry.pool;
    };
    const local = { accountId: "123456789012", region: "local-1", now: 0 };
    expect(regionsInUse(state)).toEqual(["local-1"]);
    expect(poolIdsInRegion(state, local)).toEqual([a.IdentityPoolId, b.IdentityPoolId]);
    const one = removePool(state, pool(a.IdentityPoolId));
    expect(poolIdsInRegion(one, local)).toEqual([b.IdentityPoolId]);
    expect(regionsInUse(one)).toEqual(["local-1"]);
    const none = removePool(one, pool(b.IdentityPoolId));
    expect(regionsInUse(none)).toEqual([]);
    expect(poolIdsInRegion(none, { ...local, region: "local-2" })).toEqual([]);
  });
});
