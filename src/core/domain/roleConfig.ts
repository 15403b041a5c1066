/**
 * The checks a pool's roles, role mappings and principal-tag maps must pass, shared by SetIdentityPoolRoles,
 * SetPrincipalTagAttributeMap and seeding.
 */
import { errors } from "../errors";
import type { IdentityPool, RoleMapping } from "../model/model.generated";
import { providersOf } from "./providers";

/** Rules per role mapping (every piece of documentation says 25; the model's length trait says 400). */
export const MAX_RULES = 25;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** A role the caller could not pass answers as IAM's PassRole check does. */
function checkRole(arn: string): void {
  if (!ROLE_ARN.test(arn)) throw errors.roleForbidden(arn);
}

/**
 * Checks role mappings against the pool's providers and the documented rules (`InvalidParameterException`;
 * a rule's role the caller could not pass: `NotAuthorizedException`).
 *
 * @example
 * ```ts
 * checkRoleMappings(entry.pool.config, input.RoleMappings ?? {});
 * ```
 */
export function checkRoleMappings(
  config: IdentityPool,
  mappings: Readonly<Record<string, RoleMapping>>,
): void {
  const allowed = providersOf(config).mappingKeys;
  for (const [key, mapping] of Object.entries(mappings)) {
    if (!allowed.has(key)) throw errors.badMappingKey(key);
    if (mapping.AmbiguousRoleResolution === undefined) throw errors.ambiguityRequired(key);
    if (mapping.Type === "Rules") {
      const rules = mapping.RulesConfiguration?.Rules;
      if (!rules) throw errors.rulesRequired(key);
      if (rules.length > MAX_RULES) throw errors.tooManyRules(key, MAX_RULES);
      for (const rule of rules) checkRole(rule.RoleARN);
    } else if (mapping.RulesConfiguration !== undefined) {
      throw errors.rulesOnlyForRules(key);
    }
  }
}

/**
 * Checks the `Roles` map: role ARNs the caller could pass.
 *
 * @example
 * ```ts
 * checkRoles({ authenticated: "arn:aws:iam::123456789012:role/auth" });
 * ```
 */
export function checkRoles(roles: Readonly<Record<string, string>>): void {
  for (const arn of Object.values(roles)) checkRole(arn);
}

/**
 * `InvalidParameterException` "Provider is not configured for this identity pool." unless `name` is a key a
 * principal-tag attribute map may use: a configured provider's Logins key, but an OIDC provider's IAM ARN
 * (its issuer host is refused).
 *
 * @example
 * ```ts
 * requireTagMapProvider(pool.config, "arn:aws:iam::123456789012:oidc-provider/login.example.com");
 * ```
 */
export function requireTagMapProvider(config: IdentityPool, name: string): void {
  if (!providersOf(config).tagMapKeys.has(name)) throw errors.providerNotConfigured();
}
