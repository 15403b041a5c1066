/**
 * Seeding fixtures straight into the state, through the same validation as the API.
 */
import { notAuthorized, ServiceError } from "./errors";
import { isConfiguredProvider, LOGIN_MESSAGES } from "./logins";
import type { CreateIdentityPoolInput, RoleMapping } from "./model/model.generated";
import { WRONG_DEVELOPER_PROVIDER } from "./operations/developer";
import type { Env } from "./operations/handler";
import { createPool } from "./operations/pools";
import { requireConfiguredProvider } from "./operations/principalTags";
import { checkRoleMappings, checkRoles } from "./operations/roles";
import type { CoreState, IdentityPoolRecord, IdentityRecord, PrincipalTagMapRecord } from "./state";
import {
  developerUserOwner,
  insertIdentity,
  loginOwner,
  MAX_LINKED_LOGINS,
  tooManyLogins,
} from "./store/identities";
import { requirePool } from "./store/pools";
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
  // Built from entries: a provider key such as `__proto__` stays an own key (and is then refused below).
  const maps: [string, PrincipalTagMapRecord][] = [];
  for (const [provider, map] of Object.entries(PrincipalTagAttributeMaps ?? {})) {
    parseInput("SetPrincipalTagAttributeMap", { IdentityPoolId: id, IdentityProviderName: provider, ...map });
    maps.push([
      provider,
      Object.freeze({
        useDefaults: map.UseDefaults ?? false,
        principalTags: Object.freeze({ ...(map.PrincipalTags ?? {}) }),
      }),
    ]);
  }
  const created = createPool(state, clean, env, id, {
    roles: Object.freeze({ ...(Roles ?? {}) }),
    roleMappings: Object.freeze({ ...(RoleMappings ?? {}) }),
    principalTagMaps: Object.freeze(Object.fromEntries(maps)),
  });
  checkRoles(created.pool.roles);
  checkRoleMappings(created.pool.config, created.pool.roleMappings);
  for (const [provider] of maps) requireConfiguredProvider(created.pool.config, provider);
  return created;
}

/**
 * An identity fixture for `fake.seedIdentity`: its pool and what is linked to it.
 *
 * @example
 * ```ts
 * const input: SeedIdentityInput = {
 *   IdentityPoolId: "us-east-1:11111111-2222-4333-8444-555555555555",
 *   Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123": "alice-sub" },
 *   DeveloperUserIdentifiers: ["alice"],
 * };
 * ```
 */
export interface SeedIdentityInput {
  /** The pool (in any region: the identity is created in the pool's region). */
  IdentityPoolId: string;
  /** Linked logins: provider name → user identifier (the `sub` for JWT providers, the token for opaque ones). */
  Logins?: Record<string, string>;
  /** Developer user identifiers of the pool's developer provider. */
  DeveloperUserIdentifiers?: string[];
}

/**
 * Adds an identity to a pool as if its logins had signed in (without tokens): a guest identity when nothing
 * is linked. Throws the service's error (a `ServiceError`) where the API would refuse: unknown pool,
 * provider not configured, developer users without a developer provider, a guest where guests are not
 * allowed, a login or developer user already linked to another identity, more than 20 linked logins.
 */
export function seedIdentity(
  state: CoreState,
  input: SeedIdentityInput,
  env: Env,
): { state: CoreState; identity: IdentityRecord } {
  const logins = Object.entries(input.Logins ?? {});
  const developerUsers = [...new Set(input.DeveloperUserIdentifiers ?? [])];
  parseInput("DescribeIdentityPool", { IdentityPoolId: input.IdentityPoolId });
  for (const user of developerUsers) {
    parseInput("LookupDeveloperIdentity", {
      IdentityPoolId: input.IdentityPoolId,
      DeveloperUserIdentifier: user,
    });
  }
  const entry = requirePool(state, input.IdentityPoolId, env.ctx);
  const { pool } = entry;
  for (const [provider, user] of logins) {
    if (!isConfiguredProvider(pool, provider)) throw notAuthorized(LOGIN_MESSAGES.unsupportedProvider);
    const owner = loginOwner(entry, provider, user);
    if (owner !== undefined) {
      throw new ServiceError(
        "ResourceConflictException",
        `The ${provider} login of this user is already linked to identity '${owner}'.`,
      );
    }
  }
  if (developerUsers.length > 0 && pool.config.DeveloperProviderName === undefined) {
    throw notAuthorized(WRONG_DEVELOPER_PROVIDER);
  }
  for (const user of developerUsers) {
    if (developerUserOwner(entry, user) !== undefined) {
      throw new ServiceError(
        "DeveloperUserAlreadyRegisteredException",
        "This developer user identifier is already registered with Cognito.",
      );
    }
  }
  if (logins.length + developerUsers.length > MAX_LINKED_LOGINS) throw tooManyLogins();
  if (logins.length + developerUsers.length === 0 && !pool.config.AllowUnauthenticatedIdentities) {
    throw notAuthorized(LOGIN_MESSAGES.guestsNotAllowed);
  }
  return insertIdentity(
    state,
    pool.identityPoolId,
    { logins: Object.fromEntries(logins), developerUserIdentifiers: developerUsers },
    env,
  );
}
