/**
 * Resolving specs against the current world: pools, identities and logins as real values.
 */

import { DEV, DEV_OTHER, UNKNOWN_IDENTITY, UNKNOWN_POOL } from "./constants";
import { COGNITO, FACEBOOK, GOOGLE, type Ref, type Region, type TokenFacts, USER_POOL } from "./reference";
import type { IdSpec, LoginSpec, PoolSpec, UpToken, Where } from "./specs";
import { tamper, type World } from "./world";

export const otherRegion = (r: Region): Region => (r === "us-east-1" ? "eu-west-1" : "us-east-1");

export interface Resolved {
  readonly ref: Ref;
  readonly text: string;
  readonly home: Region;
}

export function resolveIdentity(world: World, spec: IdSpec): Resolved {
  const { model } = world;
  const known = (m: number): Resolved => {
    const identity = model.identities[m];
    const pool = identity ? model.pools[identity.pool] : undefined;
    return { ref: { m }, text: world.identityIds[m] as string, home: pool?.region ?? "us-east-1" };
  };
  const unknown: Resolved = { ref: { raw: UNKNOWN_IDENTITY }, text: UNKNOWN_IDENTITY, home: "us-east-1" };
  switch (spec.k) {
    case "any":
      return model.identities.length === 0 ? unknown : known(spec.n % model.identities.length);
    case "live": {
      const live = model.identities.filter(
        (i) => !i.deleted && !(model.pools[i.pool] as { deleted: boolean }).deleted,
      );
      const chosen = live[spec.n % Math.max(1, live.length)];
      return chosen ? known(chosen.m) : unknown;
    }
    case "unknown":
      return unknown;
    case "bad":
      return { ref: { raw: "not an id!" }, text: "not an id!", home: "us-east-1" };
    case "ownerFb":
    case "ownerDev": {
      for (let m = model.identities.length - 1; m >= 0; m--) {
        const i = model.identities[m];
        if (!i || i.deleted) continue;
        if (spec.k === "ownerFb" ? i.logins.get(FACEBOOK) === spec.user : i.devUsers.includes(spec.user))
          return known(m);
      }
      return resolveIdentity(world, { k: "live", n: spec.user.length });
    }
  }
}

export function resolvePool(world: World, spec: PoolSpec): Resolved {
  const { model } = world;
  const unknown: Resolved = { ref: { raw: UNKNOWN_POOL }, text: UNKNOWN_POOL, home: "us-east-1" };
  switch (spec.k) {
    case "live":
    case "any": {
      const candidates = model.pools.filter((p) => spec.k === "any" || !p.deleted);
      if (candidates.length === 0) return unknown;
      const m = (candidates[spec.n % candidates.length] as { m: number }).m;
      return {
        ref: { m },
        text: world.poolIds[m] as string,
        home: (model.pools[m] as { region: Region }).region,
      };
    }
    case "unknown":
      return unknown;
    case "bad":
      return { ref: { raw: "bad pool id!" }, text: "bad pool id!", home: "us-east-1" };
    case "ofId": {
      const id = resolveIdentity(world, spec.id);
      if ("raw" in id.ref) return unknown;
      const m = (model.identities[id.ref.m] as { pool: number }).pool;
      return {
        ref: { m },
        text: world.poolIds[m] as string,
        home: (model.pools[m] as { region: Region }).region,
      };
    }
  }
}

export const at = (home: Region, w: Where): Region => (w === "home" ? home : otherRegion(home));

function openIdTokens(world: World): string[] {
  const out: string[] = [];
  for (const [token, facts] of world.model.tokens) if (facts.kind === "openid") out.push(token);
  return out.reverse();
}

/** The login token that proves a user-pool user the test minted a token for. */
const TOKEN_OF_SUB: Record<string, UpToken> = { u1: "u1", u2: "u2", u3: "u3" };

export function loginsOf(
  world: World,
  specs: readonly LoginSpec[],
  identity?: Resolved,
): Record<string, string> {
  const out: Record<string, string> = {};
  const own = identity && "m" in identity.ref ? world.model.identities[identity.ref.m] : undefined;
  for (const l of specs) {
    switch (l.p) {
      case "own": {
        const sub = own?.logins.get(USER_POOL);
        const fb = own?.logins.get(FACEBOOK);
        const kind = sub === undefined ? undefined : TOKEN_OF_SUB[sub];
        if (kind !== undefined) out[USER_POOL] = world.loginTokens.get(kind) as string;
        else if (fb !== undefined) out[FACEBOOK] = fb;
        break;
      }
      case "fb":
        out[FACEBOOK] = l.user;
        break;
      case "up":
        out[USER_POOL] = world.loginTokens.get(l.token) as string;
        break;
      case "google":
        out[GOOGLE] = "google-token";
        break;
      case "dev":
        out[DEV] = l.user;
        break;
      case "devOther":
        out[DEV_OTHER] = l.user;
        break;
      case "cognito": {
        const issued = openIdTokens(world);
        const mine = issued.filter((t) => {
          const facts = world.model.tokens.get(t);
          return facts?.kind === "openid" && own !== undefined && facts.identity === own.m;
        });
        if (l.token === "own" && mine.length > 0) out[COGNITO] = mine[0] as string;
        else if (l.token === "garbage" || l.token === "own" || issued.length === 0)
          out[COGNITO] = "garbage.token.value";
        else if (l.token === "tampered") {
          const token = tamper(issued[0] as string);
          const facts = world.model.tokens.get(issued[0] as string) as TokenFacts & { kind: "openid" };
          world.model.tokens.set(token, { ...facts, signatureValid: false });
          out[COGNITO] = token;
        } else out[COGNITO] = issued[(l.token as number) % issued.length] as string;
        break;
      }
    }
  }
  return out;
}
