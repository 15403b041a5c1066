/**
 * Principal-tag attribute maps (attributes for access control): SetPrincipalTagAttributeMap,
 * GetPrincipalTagAttributeMap.
 */
import { requireTagMapProvider } from "../domain/roleConfig";
import type { StoredPrincipalTagMap } from "../state";
import { putPool, requirePool } from "../store/pools";
import type { Handler } from "./handler";

export const setPrincipalTagAttributeMap: Handler<"SetPrincipalTagAttributeMap"> = (
  state,
  input,
  { ctx },
) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  requireTagMapProvider(entry.pool.config, input.IdentityProviderName);
  const record: StoredPrincipalTagMap = Object.freeze({
    useDefaults: input.UseDefaults ?? false,
    principalTags: Object.freeze({ ...(input.PrincipalTags ?? {}) }),
  });
  const principalTagMaps = Object.freeze({
    ...entry.pool.principalTagMaps,
    [input.IdentityProviderName]: record,
  });
  const pool = Object.freeze({ ...entry.pool, principalTagMaps });
  return {
    state: putPool(state, { ...entry, pool }),
    output: {
      IdentityPoolId: input.IdentityPoolId,
      IdentityProviderName: input.IdentityProviderName,
      UseDefaults: record.useDefaults,
      PrincipalTags: record.principalTags,
    },
  };
};

export const getPrincipalTagAttributeMap: Handler<"GetPrincipalTagAttributeMap"> = (
  state,
  input,
  { ctx },
) => {
  const { pool } = requirePool(state, input.IdentityPoolId, ctx);
  requireTagMapProvider(pool.config, input.IdentityProviderName);
  const record = Object.hasOwn(pool.principalTagMaps, input.IdentityProviderName)
    ? pool.principalTagMaps[input.IdentityProviderName]
    : undefined;
  return {
    state,
    output: {
      IdentityPoolId: pool.identityPoolId,
      IdentityProviderName: input.IdentityProviderName,
      UseDefaults: record?.useDefaults ?? false,
      PrincipalTags: record?.principalTags ?? {},
    },
  };
};
