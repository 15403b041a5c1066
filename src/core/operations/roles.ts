/**
 * Roles and role mappings of a pool: SetIdentityPoolRoles, GetIdentityPoolRoles.
 */
import { freeze } from "immer";
import { checkRoleMappings, checkRoles } from "../domain/roleConfig";
import type { RoleMapping } from "../model/model.generated";
import { putPool, requirePool } from "../store/pools";
import type { Handler } from "./handler";

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
