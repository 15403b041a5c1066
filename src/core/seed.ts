/**
 * Seeding fixtures straight into the state, through the same validation as the API.
 */
import type { CreateIdentityPoolInput, RoleMapping } from "./model/model.generated";
import type { Env } from "./operations/handler";
import { createPool } from "./operations/pools";
import { requireConfiguredProvider } from "./operations/principalTags";
import { checkRoleMappings, checkRoles } from "./operations/roles";
import type { CoreState, IdentityPoolRecord, PrincipalTagMapRecord } from "./state";
import { parseInput } from "./validation/validate";

/** A principal-tag attribute map as `SetPrincipalTagAttributeMap` takes it. */
export interface PrincipalTagAttributeMapInput {
  UseDefaults?: boolean;
  PrincipalTags?: Record<string, string>;
}

/** `CreateIdentityPool` input plus where the pool lives and what `SetIdentityPoolRoles` and friends would add. */
export interface SeedIdentityPoolInput extends CreateIdentityPoolInput {
  /** A fixed pool id (`<region>:<guid>`); generated when absent. */
  IdentityPoolId?: string;
  /** The pool's region; the fake's default region when absent. */
  Region?: string;
  Roles?: Record<string, string>;
  RoleMappings?: Record<string, RoleMapping>;
  /** Provider name → principal-tag attribute map. */
  PrincipalTagAttributeMaps?: Record<string, PrincipalTagAttributeMapInput>;
}

/**
 * Adds a pool as `CreateIdentityPool`, `SetIdentityPoolRoles` and `SetPrincipalTagAttributeMap` would; throws the
 * service's error (a `ServiceError`) for input the API would refuse.
 */
export function seedPool(
  state: CoreState,
  input: SeedIdentityPoolInput,
  env: Env,
): { state: CoreState; pool: IdentityPoolRecord } {
  const {
    IdentityPoolId,
    Region: _region,
    Roles,
    RoleMappings,
    PrincipalTagAttributeMaps,
    ...create
  } = input;
  const clean = parseInput("CreateIdentityPool", create) as unknown as CreateIdentityPoolInput;
  const id = IdentityPoolId ?? `${env.ctx.region}:${env.ids.guid()}`;
  parseInput("SetIdentityPoolRoles", { IdentityPoolId: id, Roles: Roles ?? {}, RoleMappings });
  const maps: Record<string, PrincipalTagMapRecord> = {};
  for (const [provider, map] of Object.entries(PrincipalTagAttributeMaps ?? {})) {
    parseInput("SetPrincipalTagAttributeMap", { IdentityPoolId: id, IdentityProviderName: provider, ...map });
    maps[provider] = Object.freeze({
      useDefaults: map.UseDefaults ?? false,
      principalTags: Object.freeze({ ...(map.PrincipalTags ?? {}) }),
    });
  }
  const created = createPool(state, clean, env, id, {
    roles: Object.freeze({ ...(Roles ?? {}) }),
    roleMappings: Object.freeze({ ...(RoleMappings ?? {}) }),
    principalTagMaps: Object.freeze(maps),
  });
  checkRoles(created.pool.roles);
  checkRoleMappings(created.pool.config, created.pool.roleMappings);
  for (const provider of Object.keys(maps)) requireConfiguredProvider(created.pool.config, provider);
  return created;
}
