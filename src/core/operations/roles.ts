/**
 * Roles and role mappings of a pool: SetIdentityPoolRoles, GetIdentityPoolRoles.
 */
import { freeze } from "immer";
import { invalidParameter, notAuthorized } from "../errors";
import type { IdentityPool, RoleMapping } from "../model/model.generated";
import { isSamlArn, oidcHost, userPoolMappingKey } from "../providers";
import { putPool, requirePool } from "../store/pools";
import type { Handler } from "./handler";

/** Rules per role mapping (every piece of documentation says 25; the model's length trait says 400). */
export const MAX_RULES = 25;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** The keys a role mapping may use for this pool's configured providers. */
export function mappingKeys(config: IdentityPool): Set<string> {
  const keys = new Set<string>();
  for (const p of Object.keys(config.SupportedLoginProviders ?? {})) keys.add(p);
  for (const p of config.CognitoIdentityProviders ?? []) keys.add(userPoolMappingKey(p));
  for (const arn of config.OpenIdConnectProviderARNs ?? []) {
    keys.add(arn);
    const host = oidcHost(arn);
    if (host) keys.add(host);
  }
  for (const arn of config.SamlProviderARNs ?? []) if (isSamlArn(arn)) keys.add(arn);
  return keys;
}

/** A role the caller could not pass answers as IAM's PassRole check does. */
function checkRole(arn: string): void {
  if (!ROLE_ARN.test(arn)) throw notAuthorized(`Access to Role '${arn}' is forbidden.`);
}

/** Checks role mappings against the pool's providers and the documented rules. */
export function checkRoleMappings(
  config: IdentityPool,
  mappings: Readonly<Record<string, RoleMapping>>,
): void {
  const allowed = mappingKeys(config);
  for (const [key, mapping] of Object.entries(mappings)) {
    if (!allowed.has(key)) {
      throw invalidParameter(
        `${key} is not a valid RoleMapping ProviderName or is not a configured provider.`,
      );
    }
    if (mapping.AmbiguousRoleResolution === undefined) {
      throw invalidParameter(`AmbiguousRoleResolution must be specified for the role mapping of ${key}.`);
    }
    if (mapping.Type === "Rules") {
      const rules = mapping.RulesConfiguration?.Rules;
      if (!rules)
        throw invalidParameter(`RulesConfiguration must be specified for the Rules role mapping of ${key}.`);
      if (rules.length > MAX_RULES) {
        throw invalidParameter(`The number of rules for ${key} exceeds the limit of ${MAX_RULES}.`);
      }
      for (const rule of rules) checkRole(rule.RoleARN);
    } else if (mapping.RulesConfiguration !== undefined) {
      throw invalidParameter(
        `RulesConfiguration can only be specified for a role mapping of Type Rules (${key}).`,
      );
    }
  }
}

/** Checks the `Roles` map: role ARNs the caller could pass. */
export function checkRoles(roles: Readonly<Record<string, string>>): void {
  for (const arn of Object.values(roles)) checkRole(arn);
}

export const setIdentityPoolRoles: Handler<"SetIdentityPoolRoles"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  const roleMappings = input.RoleMappings ?? {};
  checkRoles(input.Roles);
  checkRoleMappings(entry.pool.config, roleMappings);
  const pool = Object.freeze({
    ...entry.pool,
    roles: Object.freeze({ ...input.Roles }),
    roleMappings: freeze({ ...roleMappings }, true),
  });
  return { state: putPool(state, { ...entry, pool }), output: {} };
};

export const getIdentityPoolRoles: Handler<"GetIdentityPoolRoles"> = (state, input, { ctx }) => {
  const { pool } = requirePool(state, input.IdentityPoolId, ctx);
  const output: {
    IdentityPoolId: string;
    Roles: Record<string, string>;
    RoleMappings?: Record<string, RoleMapping>;
  } = {
    IdentityPoolId: pool.identityPoolId,
    Roles: pool.roles,
  };
  if (Object.keys(pool.roleMappings).length > 0) output.RoleMappings = pool.roleMappings;
  return { state, output };
};
