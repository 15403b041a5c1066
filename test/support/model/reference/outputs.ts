/** The reference model: outputs, OpenID token facts, principal tags and role resolution. */
import {
  err,
  FACEBOOK,
  type Identity,
  MSG,
  notAuthorized,
  type Pool,
  type RoleMappingInput,
  roleForbidden,
  USER_POOL,
  type Verified,
} from "./common";
import { ReferenceLogins } from "./logins";

export function principalTagsOf(pool: Pool, logins: readonly Verified[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const login of logins) {
    const map = pool.tagMaps.get(login.provider);
    if (!map) continue;
    const pairs = map.useDefaults ? { client: "aud", username: "sub" } : map.tags;
    for (const [tag, claim] of Object.entries(pairs)) {
      const value = login.claims[claim];
      if (Object.hasOwn(login.claims, claim) && ["string", "number", "boolean"].includes(typeof value)) {
        if (!Object.hasOwn(tags, tag))
          Object.defineProperty(tags, tag, { value: String(value), enumerable: true });
      }
    }
  }
  return tags;
}

/** The mapping that applies to a presented login, if any. */
export function mappingOf(pool: Pool, login: Verified): RoleMappingInput | undefined {
  const key = login.provider === USER_POOL ? `${USER_POOL}:${String(login.claims.aud)}` : login.provider;
  return pool.mappings.get(key);
}

export function defaultRoleOf(pool: Pool, authenticated: boolean, custom?: string): string {
  const role = pool.roles.get(authenticated ? "authenticated" : "unauthenticated");
  if (role === undefined) throw err("InvalidIdentityPoolConfigurationException", MSG.poolConfig);
  if (custom !== undefined && custom !== role) throw roleForbidden(custom);
  return role;
}

export function roleOf(
  pool: Pool,
  authenticated: boolean,
  logins: readonly Verified[],
  custom?: string,
): string {
  if (!authenticated) {
    if (!pool.allowGuests) throw notAuthorized(MSG.guests);
    return defaultRoleOf(pool, false, custom);
  }
  for (const login of logins) {
    const mapping = mappingOf(pool, login);
    if (!mapping) continue;
    const ambiguous = (c?: string) => {
      if (mapping.AmbiguousRoleResolution !== "AuthenticatedRole") {
        throw notAuthorized(`The ambiguous role mapping rules for: ${login.provider} denied this request.`);
      }
      return defaultRoleOf(pool, true, c);
    };
    if (mapping.Type === "Token") {
      const roles = login.claims["cognito:roles"];
      const list = Array.isArray(roles) ? roles : [];
      if (custom !== undefined) {
        if (!list.includes(custom)) throw roleForbidden(custom);
        return custom;
      }
      const preferred = login.claims["cognito:preferred_role"];
      if (typeof preferred === "string" && preferred !== "") return preferred;
      return ambiguous();
    }
    const matching = (mapping.RulesConfiguration?.Rules ?? []).filter((rule) => {
      const value = login.claims[rule.Claim];
      if (typeof value !== "string") return false;
      if (rule.MatchType === "Equals") return value === rule.Value;
      if (rule.MatchType === "NotEqual") return value !== rule.Value;
      if (rule.MatchType === "StartsWith") return value.startsWith(rule.Value);
      return value.includes(rule.Value);
    });
    const first = matching[0];
    if (!first) return ambiguous(custom);
    if (custom === undefined) return first.RoleARN;
    if (matching.some((r) => r.RoleARN === custom)) return custom;
    throw roleForbidden(custom);
  }
  return defaultRoleOf(pool, true, custom);
}

export class ReferenceOutputs extends ReferenceLogins {
  // ---- outputs ---------------------------------------------------------------------------------------------

  protected config(pool: Pool): Record<string, unknown> {
    const out: Record<string, unknown> = {
      IdentityPoolId: { $pool: pool.m },
      IdentityPoolName: pool.name,
      AllowUnauthenticatedIdentities: pool.allowGuests,
      IdentityPoolTags: Object.fromEntries(pool.tags),
    };
    if (pool.classicFlow !== undefined) out.AllowClassicFlow = pool.classicFlow;
    if (pool.facebook !== undefined) out.SupportedLoginProviders = { [FACEBOOK]: pool.facebook };
    if (pool.developer !== undefined) out.DeveloperProviderName = pool.developer;
    if (pool.userPoolClient !== undefined) {
      out.CognitoIdentityProviders = [
        { ProviderName: USER_POOL, ClientId: pool.userPoolClient, ServerSideTokenCheck: false },
      ];
    }
    return out;
  }

  /** DescribeIdentity's answer; `Logins` sorted (the service documents no order). */
  describeOf(identity: Identity): Record<string, unknown> {
    const pool = this.pools[identity.pool] as Pool;
    const names = [...identity.logins.keys()];
    if (identity.devUsers.length > 0 && pool.developer !== undefined) names.push(pool.developer);
    const out: Record<string, unknown> = {
      IdentityId: { $identity: identity.m },
      CreationDate: identity.created / 1000,
      LastModifiedDate: identity.modified / 1000,
    };
    if (names.length > 0) out.Logins = names.sort();
    return out;
  }

  protected subject(pool: Pool, provider: string, user: string): string {
    if (provider === USER_POOL) return `${provider}:CognitoSignIn:${user}`;
    if (provider === pool.developer) return `${provider}:${this.idText("pool", pool.m)}:${user}`;
    if (provider === FACEBOOK) return `${provider}:${pool.facebook}:${user}`;
    return `${provider}:${user}`;
  }

  protected amr(pool: Pool, logins: readonly { provider: string; user: string }[]): string[] {
    if (logins.length === 0) return ["unauthenticated"];
    return ["authenticated", ...logins.flatMap((l) => [l.provider, this.subject(pool, l.provider, l.user)])];
  }
}
