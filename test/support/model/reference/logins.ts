/** The reference model: verifying logins, signing in, merging and unlinking. */

import { hasLoginProviders, isAuthenticated, isConfigured, ReferenceBase } from "./base";
import {
  COGNITO,
  err,
  FACEBOOK,
  type Identity,
  MSG,
  notAuthorized,
  type Pool,
  seconds,
  USER_POOL,
  type Verified,
} from "./common";

export class ReferenceLogins extends ReferenceBase {
  // ---- logins ----------------------------------------------------------------------------------------------

  protected verify(pool: Pool, provider: string, token: string, now: number): Verified {
    if (provider === COGNITO) throw notAuthorized(MSG.cognitoToken);
    if (!isConfigured(pool, provider)) {
      if (provider === pool.developer && this.tokens.get(token)?.kind === "openid") {
        throw notAuthorized(MSG.cognitoToken);
      }
      throw notAuthorized(hasLoginProviders(pool) ? MSG.unsupported : MSG.loginsDontMatch);
    }
    if (provider === FACEBOOK) {
      return { provider, user: token, claims: { iss: FACEBOOK, aud: pool.facebook, sub: token } };
    }
    const facts = this.tokens.get(token);
    if (facts?.kind !== "login") {
      // A string that is not a JWT, or one the fake issued (its issuer is not the user pool).
      if (facts?.kind === "openid") throw notAuthorized(MSG.issuer);
      throw notAuthorized(MSG.notJwt);
    }
    if (facts.iss !== `https://${USER_POOL}`) throw notAuthorized(MSG.issuer);
    if (!facts.signatureValid) throw notAuthorized(MSG.signature);
    if (facts.aud !== pool.userPoolClient) throw notAuthorized(MSG.unsupported);
    const nowSec = seconds(now);
    if (nowSec >= facts.exp)
      throw notAuthorized(`Invalid login token. Token expired: ${nowSec} >= ${facts.exp}`);
    return { provider, user: facts.sub, claims: facts.claims };
  }

  protected verifyAll(pool: Pool, logins: Record<string, string>, now: number): Verified[] {
    return Object.entries(logins).map(([p, t]) => this.verify(pool, p, t, now));
  }

  /**
   * Signing in (GetId, GetOpenIdToken, GetCredentialsForIdentity, GetOpenIdTokenForDeveloperIdentity): find the
   * identity the logins belong to; create, link or merge. The oldest identity owning a presented login survives.
   */
  protected signIn(
    pool: Pool,
    logins: readonly Verified[],
    now: number,
    options: { devUser?: string; claimed?: Identity } = {},
  ): { identity: Identity; created: boolean } {
    const { devUser, claimed } = options;
    if (claimed?.disabled) throw this.identityForbidden(claimed);
    const owners: Identity[] = [];
    const addOwner = (i: Identity | undefined) => {
      if (i && !owners.includes(i)) owners.push(i);
    };
    for (const l of logins) addOwner(this.loginOwner(pool, l.provider, l.user));
    if (devUser !== undefined) addOwner(this.devOwner(pool, devUser));
    if (claimed && devUser !== undefined) {
      const owner = this.devOwner(pool, devUser);
      if (owner && owner !== claimed) throw err("DeveloperUserAlreadyRegisteredException", MSG.devRegistered);
    }
    const presentsNothing = logins.length === 0 && devUser === undefined;
    if (claimed && isAuthenticated(claimed)) {
      if (presentsNothing) throw this.identityForbidden(claimed);
      if (!owners.includes(claimed)) throw notAuthorized(MSG.loginsDontMatch);
    }
    if (presentsNothing && !pool.allowGuests) throw notAuthorized(MSG.guests);
    if (claimed && presentsNothing) return { identity: claimed, created: false };
    if (owners.length === 0 && !claimed) {
      const identity: Identity = {
        m: this.identities.length,
        pool: pool.m,
        logins: new Map(logins.map((l) => [l.provider, l.user])),
        devUsers: devUser === undefined ? [] : [devUser],
        disabled: false,
        deleted: false,
        created: now,
        modified: now,
      };
      this.identities.push(identity);
      return { identity, created: true };
    }
    const participants = claimed && !owners.includes(claimed) ? [...owners, claimed] : owners;
    const survivor = owners.length > 0 ? owners.reduce((a, b) => (b.m < a.m ? b : a)) : (claimed as Identity);
    this.merge(
      survivor,
      participants.filter((p) => p !== survivor),
      logins,
      devUser === undefined ? [] : [devUser],
      now,
    );
    return { identity: survivor, created: false };
  }

  /** Folds identities and logins into `survivor`; one user per provider, at most 20 linked logins. */
  protected merge(
    survivor: Identity,
    absorbed: readonly Identity[],
    logins: readonly Verified[],
    devUsers: readonly string[],
    now: number,
  ): void {
    const linked = new Map(survivor.logins);
    const devs = [...survivor.devUsers];
    let changed = false;
    const link = (provider: string, user: string) => {
      const current = linked.get(provider);
      if (current === undefined) {
        linked.set(provider, user);
        changed = true;
      } else if (current !== user) {
        throw err("ResourceConflictException");
      }
    };
    const linkDev = (user: string) => {
      if (!devs.includes(user)) {
        devs.push(user);
        changed = true;
      }
    };
    for (const other of absorbed) {
      for (const [p, u] of other.logins) link(p, u);
      for (const u of other.devUsers) linkDev(u);
    }
    for (const l of logins) link(l.provider, l.user);
    for (const u of devUsers) linkDev(u);
    if (linked.size + devs.length > 20) throw err("ResourceConflictException");
    for (const other of absorbed) {
      other.logins = new Map();
      other.devUsers = [];
      other.disabled = true;
      other.modified = now;
    }
    survivor.logins = linked;
    survivor.devUsers = devs;
    if (changed) survivor.modified = now;
  }

  /** Removes providers and developer users; an identity left with nothing is disabled. */
  protected unlink(
    identity: Identity,
    providers: readonly string[],
    devUsers: readonly string[],
    now: number,
  ): void {
    for (const p of providers) identity.logins.delete(p);
    identity.devUsers = identity.devUsers.filter((u) => !devUsers.includes(u));
    identity.modified = now;
    if (!isAuthenticated(identity)) {
      identity.logins = new Map();
      identity.disabled = true;
    }
  }
}
