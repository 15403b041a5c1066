/** The reference model: the developer-identity operations. */

import { isConfigured } from "./base";
import {
  COGNITO,
  checkDevUser,
  checkId,
  checkLoginsShape,
  checkQueryLimit,
  DEV_NAME_PATTERN,
  err,
  type Identity,
  invalidParameter,
  type ModelResult,
  MSG,
  notAuthorized,
  type Pool,
  type Ref,
  type Region,
  seconds,
  validation,
} from "./common";
import { ReferenceCredentials } from "./credentials";
import { principalTagsOf } from "./outputs";

export function requireDeveloper(pool: Pool, name: string): void {
  if (pool.developer === undefined || pool.developer !== name) throw notAuthorized(MSG.wrongDeveloper);
}

export class ReferenceDeveloper extends ReferenceCredentials {
  // ---- developer identities --------------------------------------------------------------------------------

  getOpenIdTokenForDeveloperIdentity(
    input: {
      IdentityPoolId: Ref;
      IdentityId?: Ref;
      Logins: Record<string, string>;
      TokenDuration?: number;
      PrincipalTags?: Record<string, string>;
    },
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(input.IdentityPoolId, true);
      checkId(input.IdentityId, false);
      checkLoginsShape(input.Logins);
      const duration = input.TokenDuration;
      if (duration !== undefined && (duration < 1 || duration > 86400)) throw validation();
      const pool = m.requirePool(input.IdentityPoolId, region);
      const tokens: [string, string][] = [];
      const developer: [string, string][] = [];
      for (const [k, v] of Object.entries(input.Logins)) {
        if (k === COGNITO || isConfigured(pool, k)) tokens.push([k, v]);
        else developer.push([k, v]);
      }
      if (developer.length > 1) throw invalidParameter(MSG.oneDeveloper);
      const dev = developer[0];
      if (!dev) throw invalidParameter(MSG.noDeveloper);
      requireDeveloper(pool, dev[0]);
      const verified = m.verifyAll(pool, Object.fromEntries(tokens), now);
      const claimed = input.IdentityId === undefined ? undefined : m.identityInPool(pool, input.IdentityId);
      const { identity, created } = m.signIn(pool, verified, now, { devUser: dev[1], claimed });
      const amrLogins = Object.entries(input.Logins).flatMap(([provider, value]) => {
        if (provider === pool.developer) return [{ provider, user: value }];
        const v = verified.find((l) => l.provider === provider);
        return v ? [v] : [];
      });
      const iat = seconds(now);
      const tags =
        input.PrincipalTags !== undefined ? { ...input.PrincipalTags } : principalTagsOf(pool, verified);
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m } },
        ...(created ? { created: { identity: identity.m } } : {}),
        token: {
          identity: identity.m,
          pool: pool.m,
          amr: m.amr(pool, amrLogins),
          iat,
          exp: iat + (duration ?? 900),
          tags,
        },
      };
    });
  }

  lookupDeveloperIdentity(
    input: { IdentityPoolId: Ref; IdentityId?: Ref; DeveloperUserIdentifier?: string; MaxResults?: number },
    region: Region,
  ): ModelResult {
    return this.apply((m) => {
      checkId(input.IdentityPoolId, true);
      checkId(input.IdentityId, false);
      checkDevUser(input.DeveloperUserIdentifier, false);
      checkQueryLimit(input.MaxResults, false);
      const pool = m.requirePool(input.IdentityPoolId, region);
      const user = input.DeveloperUserIdentifier;
      let identity: Identity;
      if (input.IdentityId !== undefined) {
        identity = m.identityInPool(pool, input.IdentityId);
        if (user !== undefined && m.devOwner(pool, user) !== identity) {
          throw err(
            "ResourceConflictException",
            `Developer user identifier '${user}' is not linked to identity '${m.idText("identity", identity.m)}'.`,
          );
        }
      } else if (user !== undefined) {
        identity = m.requireDevOwner(pool, user);
      } else {
        throw invalidParameter(MSG.lookupNeither);
      }
      const max = input.MaxResults ?? 60;
      const output: Record<string, unknown> = {
        IdentityId: { $identity: identity.m },
        // Which users a partial page holds is the fake's order; the test checks a partial page as a subset.
        DeveloperUserIdentifierList: {
          $subsetOf: [...identity.devUsers].sort(),
          size: Math.min(max, identity.devUsers.length),
        },
      };
      if (identity.devUsers.length > max) output.NextToken = true;
      return { ok: true, output };
    });
  }

  mergeDeveloperIdentities(
    input: {
      IdentityPoolId: Ref;
      SourceUserIdentifier: string;
      DestinationUserIdentifier: string;
      DeveloperProviderName: string;
    },
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkDevUser(input.SourceUserIdentifier, true);
      checkDevUser(input.DestinationUserIdentifier, true);
      if (!DEV_NAME_PATTERN.test(input.DeveloperProviderName)) throw validation();
      checkId(input.IdentityPoolId, true);
      const pool = m.requirePool(input.IdentityPoolId, region);
      requireDeveloper(pool, input.DeveloperProviderName);
      const source = m.requireDevOwner(pool, input.SourceUserIdentifier);
      const destination = m.requireDevOwner(pool, input.DestinationUserIdentifier);
      if (source !== destination) m.merge(destination, [source], [], [], now);
      return { ok: true, output: { IdentityId: { $identity: destination.m } } };
    });
  }

  unlinkDeveloperIdentity(
    input: {
      IdentityId: Ref;
      IdentityPoolId: Ref;
      DeveloperProviderName: string;
      DeveloperUserIdentifier: string;
    },
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(input.IdentityId, true);
      checkId(input.IdentityPoolId, true);
      if (!DEV_NAME_PATTERN.test(input.DeveloperProviderName)) throw validation();
      checkDevUser(input.DeveloperUserIdentifier, true);
      const pool = m.requirePool(input.IdentityPoolId, region);
      requireDeveloper(pool, input.DeveloperProviderName);
      const identity = m.identityInPool(pool, input.IdentityId);
      if (identity.disabled) throw m.identityForbidden(identity);
      const user = input.DeveloperUserIdentifier;
      const owner = m.requireDevOwner(pool, user);
      if (owner !== identity) {
        throw err(
          "ResourceConflictException",
          `Developer user identifier '${user}' is not linked to identity '${m.idText("identity", identity.m)}'.`,
        );
      }
      m.unlink(identity, [], [user], now);
      return { ok: true, output: {} };
    });
  }
}
