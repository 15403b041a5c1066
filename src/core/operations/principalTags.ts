/**
 * Principal-tag attribute maps (attributes for access control): SetPrincipalTagAttributeMap,
 * GetPrincipalTagAttributeMap.
 */
import { invalidParameter } from "../errors";
import type { IdentityPool } from "../model/model.generated";
import { loginProviders } from "../providers";
import type { StoredPrincipalTagMap } from "../state";
import { putPool, requirePool } from "../store/pools";
import type { Handler } from "./handler";

/** The default attribute mappings ("username and clientID"). */
export const DEFAULT_PRINCIPAL_TAGS: Readonly<Record<string, string>> = Object.freeze({
  client: "aud",
  username: "sub",
});

/** `InvalidParameterException` unless `provider` is a configured login provider of the pool. */
export function requireConfiguredProvider(config: IdentityPool, provider: string): void {
  if (!loginProviders(config).includes(provider)) {
    throw invalidParameter("Provider is not configured for this identity pool.");
  }
}

export const setPrincipalTagAttributeMap: Handler<"SetPrincipalTagAttributeMap"> = (
  state,
  input,
  { ctx },
) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  requireConfiguredProvider(entry.pool.config, input.IdentityProviderName);
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
  requireConfiguredProvider(pool.config, input.IdentityProviderName);
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
