/** The reference model: state, copies, lookups and the plumbing that runs a command on a copy. */
import {
  err,
  FACEBOOK,
  type Identity,
  ModelError,
  type ModelResult,
  notAuthorized,
  type Pool,
  type Ref,
  type Region,
  type TokenFacts,
  USER_POOL,
} from "./common";

export function isAuthenticated(identity: Identity): boolean {
  return identity.logins.size > 0 || identity.devUsers.length > 0;
}

export function hasLoginProviders(pool: Pool): boolean {
  return pool.facebook !== undefined || pool.userPoolClient !== undefined;
}

/** Logins keys the pool accepts tokens for. */
export function isConfigured(pool: Pool, provider: string): boolean {
  return (
    (provider === FACEBOOK && pool.facebook !== undefined) ||
    (provider === USER_POOL && pool.userPoolClient !== undefined)
  );
}

export class ReferenceBase {
  pools: Pool[] = [];
  identities: Identity[] = [];
  tokens = new Map<string, TokenFacts>();

  /** `describe(kind, m)`: the fake's id string for a model id, for messages that quote ids. */
  constructor(readonly idText: (kind: "pool" | "identity", m: number) => string) {}

  clone(): this {
    const copy = new (this.constructor as new (idText: ReferenceBase["idText"]) => this)(this.idText);
    copy.pools = this.pools.map((p) => ({
      ...p,
      tags: new Map(p.tags),
      roles: new Map(p.roles),
      mappings: new Map(p.mappings),
      tagMaps: new Map(p.tagMaps),
    }));
    copy.identities = this.identities.map((i) => ({
      ...i,
      logins: new Map(i.logins),
      devUsers: [...i.devUsers],
    }));
    copy.tokens = new Map(this.tokens);
    return copy;
  }

  /** Runs one command on a copy; keeps the copy only if the command succeeds. */
  run<T extends ReferenceBase>(
    this: T,
    command: (draft: T) => ModelResult & { ok: true },
  ): { result: ModelResult; next: T } {
    const draft = this.clone();
    try {
      return { result: command(draft), next: draft };
    } catch (e) {
      if (e instanceof ModelError) {
        return {
          result:
            e.exact === undefined
              ? { ok: false, name: e.errorName }
              : { ok: false, name: e.errorName, message: e.exact },
          next: this,
        };
      }
      throw e;
    }
  }

  // ---- lookups ---------------------------------------------------------------------------------------------

  protected refText(kind: "pool" | "identity", ref: Ref): string {
    return "raw" in ref ? ref.raw : this.idText(kind, ref.m);
  }

  protected poolNotFound(ref: Ref): ModelError {
    return err("ResourceNotFoundException", `IdentityPool '${this.refText("pool", ref)}' not found.`);
  }

  protected identityNotFound(ref: Ref): ModelError {
    return err("ResourceNotFoundException", `Identity '${this.refText("identity", ref)}' not found.`);
  }

  /** The pool, if it exists in this region. */
  protected findPool(ref: Ref, region: Region): Pool | undefined {
    if ("raw" in ref) return undefined;
    const pool = this.pools[ref.m];
    return pool && !pool.deleted && pool.region === region ? pool : undefined;
  }

  protected requirePool(ref: Ref, region: Region): Pool {
    const pool = this.findPool(ref, region);
    if (!pool) throw this.poolNotFound(ref);
    return pool;
  }

  /** The identity and its pool, if both exist and the pool is in this region. */
  protected findIdentity(ref: Ref, region: Region): { pool: Pool; identity: Identity } | undefined {
    if ("raw" in ref) return undefined;
    const identity = this.identities[ref.m];
    if (!identity || identity.deleted) return undefined;
    const pool = this.findPool({ m: identity.pool }, region);
    return pool ? { pool, identity } : undefined;
  }

  protected requireIdentity(ref: Ref, region: Region): { pool: Pool; identity: Identity } {
    const found = this.findIdentity(ref, region);
    if (!found) throw this.identityNotFound(ref);
    return found;
  }

  protected identityInPool(pool: Pool, ref: Ref): Identity {
    const identity = "raw" in ref ? undefined : this.identities[ref.m];
    if (!identity || identity.deleted || identity.pool !== pool.m) throw this.identityNotFound(ref);
    return identity;
  }

  protected live(pool: Pool): Identity[] {
    return this.identities.filter((i) => i.pool === pool.m && !i.deleted);
  }

  protected loginOwner(pool: Pool, provider: string, user: string): Identity | undefined {
    return this.live(pool).find((i) => i.logins.get(provider) === user);
  }

  protected devOwner(pool: Pool, user: string): Identity | undefined {
    return this.live(pool).find((i) => i.devUsers.includes(user));
  }

  /** The identity a developer user is linked to, or `ResourceNotFoundException`. */
  protected requireDevOwner(pool: Pool, user: string): Identity {
    const owner = this.devOwner(pool, user);
    if (!owner) throw err("ResourceNotFoundException", `Developer user identifier '${user}' not found.`);
    return owner;
  }

  /** The service's refusal to act for an identity: a disabled one, or an authenticated one claimed with no login. */
  protected identityForbidden(identity: Identity): ModelError {
    return notAuthorized(`Access to Identity '${this.idText("identity", identity.m)}' is forbidden.`);
  }

  // ---- plumbing --------------------------------------------------------------------------------------------

  /** The model after the last successful command (commands replace it through {@link apply}). */
  private pending: ReferenceBase | undefined;

  protected apply<T extends ReferenceBase>(
    this: T,
    command: (draft: T) => ModelResult & { ok: true },
  ): ModelResult {
    const { result, next } = this.run(command);
    this.pending = next;
    return result;
  }

  /** The model the last command left (itself when it failed). */
  takeNext(): this {
    // A copy of this model (`run` clones it), so of this very class.
    const next = (this.pending ?? this) as this;
    this.pending = undefined;
    return next;
  }

  // ---- what the invariants compare -------------------------------------------------------------------------

  /** Live pools (not deleted), oldest first. */
  livePools(): readonly Pool[] {
    return this.pools.filter((p) => !p.deleted);
  }

  /** Live identities of a live pool, oldest first. */
  liveIdentities(pool: number): readonly Identity[] {
    const p = this.pools[pool];
    return p && !p.deleted ? this.live(p) : [];
  }
}
