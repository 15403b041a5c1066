/**
 * Role resolution for GetCredentialsForIdentity, as the service does it (semantics §7): the pool's `Roles`,
 * then the role mapping of the login's provider — Type `Token` (`cognito:preferred_role`, `cognito:roles`)
 * or Type `Rules` (ordered claim rules) — with `AmbiguousRoleResolution` and `CustomRoleArn`. Pure.
 *
 * Decisions where the documentation is silent (the README's fidelity notes repeat them):
 * - Array claims such as `cognito:groups` match element-wise: `Equals`, `Contains` (substring) and
 *   `StartsWith` match when any element does; `NotEqual` matches when no element equals the value.
 *   Numbers and booleans compare as their string form (`true`, `42`); other objects as their JSON.
 * - With several logins, the first one (in the Logins map's order) whose provider has a role mapping decides;
 *   when none has one, the pool's authenticated role applies.
 * - `CustomRoleArn` must be a role the identity may get, else `NotAuthorizedException`
 *   `Access to Role '<arn>' is forbidden.`: for Token mappings one of `cognito:roles` (as documented); for
 *   Rules mappings the role of any matching rule (or the authenticated role when none matches and the
 *   mapping resolves ambiguity to it); otherwise the one role the identity would get anyway.
 * - The ambiguity denial names the provider as used in Logins (for user pools without `:clientId`).
 * - SAML: the roles of the assertion's `https://aws.amazon.com/SAML/Attributes/Role` pairs that name the
 *   provider decide, pool roles or not: one role is assumed; with `CustomRoleArn` it must be one of them
 *   (else `Access to Role … is forbidden.`). Several roles and no `CustomRoleArn`, or no usable pair: the
 *   pool's role configuration (a mapping of the SAML provider, else the authenticated role).
 */
import { errors } from "../../errors";
import type { MappingRule, RoleMapping } from "../../model/model.generated";
import type { StoredPool } from "../../state";
import { loginProvider, mappingKeysOf } from "../providers";
import { samlRoles } from "../saml";

/** A login presented with the request: its Logins key and the claims of its token. */
export interface PresentedLogin {
  /** The Logins key: `cognito-idp.<region>.amazonaws.com/<poolId>`, an OIDC host, `accounts.google.com`, … */
  readonly provider: string;
  /** The token's claims (`aud` selects a user pool's mapping; rules read any claim). Empty for opaque tokens. */
  readonly claims: Readonly<Record<string, unknown>>;
}

/** What decides the role. */
export interface RoleResolutionInput {
  readonly pool: StoredPool;
  /** Whether the identity is authenticated (has linked logins). */
  readonly authenticated: boolean;
  /** The logins presented, in the Logins map's order (empty for guests and developer identities). */
  readonly logins?: readonly PresentedLogin[];
  /** GetCredentialsForIdentity's `CustomRoleArn`. */
  readonly customRoleArn?: string;
}

/** The key a provider's role mapping is stored under: `<provider>:<aud>` for user pools, else the name or an OIDC ARN. */
export function mappingFor(
  pool: StoredPool,
  login: PresentedLogin,
): { key: string; mapping: RoleMapping } | undefined {
  const provider = loginProvider(pool.config, login.provider);
  const candidates = provider ? mappingKeysOf(provider, login.claims) : [login.provider];
  for (const key of candidates) {
    if (Object.hasOwn(pool.roleMappings, key)) {
      const mapping = pool.roleMappings[key];
      if (mapping) return { key, mapping };
    }
  }
  return undefined;
}

/** The roles a SAML login's assertion offers for its provider (none for other logins). */
function samlRolesOf(pool: StoredPool, login: PresentedLogin): string[] {
  return loginProvider(pool.config, login.provider)?.kind === "saml"
    ? samlRoles(login.claims, login.provider)
    : [];
}

/** A claim value as the strings rules compare against; `undefined` when the claim is absent. */
function claimStrings(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const one = (v: unknown): string =>
    typeof v === "string"
      ? v
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : JSON.stringify(v);
  return Array.isArray(value) ? value.map(one) : [one(value)];
}

/**
 * Whether one rule matches the claims. `NotEqual` on a missing claim does not match ("the rule is not
 * evaluated"); neither does any other match type.
 *
 * @example
 * ```ts
 * ruleMatches({ Claim: "cognito:groups", MatchType: "Contains", Value: "adm", RoleARN: arn },
 *   { "cognito:groups": ["admins"] }); // true
 * ```
 */
export function ruleMatches(rule: MappingRule, claims: Readonly<Record<string, unknown>>): boolean {
  const values = Object.hasOwn(claims, rule.Claim) ? claimStrings(claims[rule.Claim]) : undefined;
  if (values === undefined) return false;
  switch (rule.MatchType) {
    case "Equals":
      return values.includes(rule.Value);
    case "NotEqual":
      return !values.includes(rule.Value);
    case "Contains":
      return values.some((v) => v.includes(rule.Value));
    case "StartsWith":
      return values.some((v) => v.startsWith(rule.Value));
    default:
      return false;
  }
}

/** `cognito:roles` as a list: a JSON array in real tokens, a comma-separated string in the documentation. */
function tokenRoles(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") {
    return value
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== "");
  }
  return [];
}

/** The role the identity gets from the pool's default roles. */
function defaultRole(pool: StoredPool, authenticated: boolean, customRoleArn?: string): string {
  const role = pool.roles[authenticated ? "authenticated" : "unauthenticated"];
  if (role === undefined) throw errors.invalidPoolConfiguration();
  if (customRoleArn !== undefined && customRoleArn !== role) throw errors.roleForbidden(customRoleArn);
  return role;
}

/** The outcome of a mapping that found no role: the authenticated role, or the documented denial. */
function ambiguous(pool: StoredPool, mapping: RoleMapping, provider: string, customRoleArn?: string): string {
  if (mapping.AmbiguousRoleResolution !== "AuthenticatedRole") throw errors.ambiguousDenied(provider);
  return defaultRole(pool, true, customRoleArn);
}

function resolveToken(
  pool: StoredPool,
  mapping: RoleMapping,
  login: PresentedLogin,
  customRoleArn?: string,
): string {
  const roles = tokenRoles(login.claims["cognito:roles"]);
  if (customRoleArn !== undefined) {
    if (!roles.includes(customRoleArn)) throw errors.roleForbidden(customRoleArn);
    return customRoleArn;
  }
  const preferred = login.claims["cognito:preferred_role"];
  if (typeof preferred === "string" && preferred !== "") return preferred;
  return ambiguous(pool, mapping, login.provider);
}

function resolveRules(
  pool: StoredPool,
  mapping: RoleMapping,
  login: PresentedLogin,
  customRoleArn?: string,
): string {
  const matching = (mapping.RulesConfiguration?.Rules ?? []).filter((rule) =>
    ruleMatches(rule, login.claims),
  );
  const first = matching[0];
  if (first === undefined) return ambiguous(pool, mapping, login.provider, customRoleArn);
  if (customRoleArn === undefined) return first.RoleARN;
  if (matching.some((rule) => rule.RoleARN === customRoleArn)) return customRoleArn;
  throw errors.roleForbidden(customRoleArn);
}

/**
 * The role ARN credentials are issued for, or the service error the real service answers with:
 * `NotAuthorizedException` (guests not allowed; ambiguity denied; a `CustomRoleArn` the identity may not
 * get) or `InvalidIdentityPoolConfigurationException` (no role for the identity).
 *
 * @example
 * ```ts
 * const roleArn = resolveRole({
 *   pool, authenticated: true,
 *   logins: [{ provider: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab1", claims: { aud: "client1", "cognito:groups": ["admins"] } }],
 * });
 * ```
 */
export function resolveRole(input: RoleResolutionInput): string {
  const { pool, authenticated, customRoleArn } = input;
  if (!authenticated) {
    if (!pool.config.AllowUnauthenticatedIdentities) {
      throw errors.guestsNotAllowed();
    }
    return defaultRole(pool, false, customRoleArn);
  }
  for (const login of input.logins ?? []) {
    const assertionRoles = samlRolesOf(pool, login);
    if (assertionRoles.length === 1 && customRoleArn === undefined) return assertionRoles[0] as string;
    if (assertionRoles.length > 0 && customRoleArn !== undefined) {
      if (!assertionRoles.includes(customRoleArn)) throw errors.roleForbidden(customRoleArn);
      return customRoleArn;
    }
    const found = mappingFor(pool, login);
    if (!found) continue;
    return found.mapping.Type === "Token"
      ? resolveToken(pool, found.mapping, login, customRoleArn)
      : resolveRules(pool, found.mapping, login, customRoleArn);
  }
  return defaultRole(pool, true, customRoleArn);
}
