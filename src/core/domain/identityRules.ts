/**
 * The rules a new or changed identity must meet, shared by sign-in and seeding so that the API and fixtures
 * refuse the same inputs with the same errors.
 */
import { errors } from "../errors";
import type { PoolEntry, StoredPool } from "../state";
import { developerUserOwner, MAX_LINKED_LOGINS } from "../store/identities";

/**
 * `ResourceConflictException` when an identity would hold more than 20 linked logins (developer users included).
 *
 * @example
 * ```ts
 * requireLinkCount(logins.length + developerUsers.length);
 * ```
 */
export function requireLinkCount(count: number): void {
  if (count > MAX_LINKED_LOGINS) throw errors.tooManyLogins(MAX_LINKED_LOGINS);
}

/**
 * `NotAuthorizedException` "Unauthenticated access is not supported for this identity pool." unless the pool
 * allows guests.
 *
 * @example
 * ```ts
 * if (nothingLinked) requireGuestsAllowed(entry.pool);
 * ```
 */
export function requireGuestsAllowed(pool: StoredPool): void {
  if (!pool.config.AllowUnauthenticatedIdentities) throw errors.guestsNotAllowed();
}

/**
 * `NotAuthorizedException` "This identity pool does not support the specified developer provider" unless
 * `name` is the pool's developer provider (a pool without one supports none).
 *
 * @example
 * ```ts
 * requireDeveloperProvider(entry.pool, input.DeveloperProviderName);
 * ```
 */
export function requireDeveloperProvider(pool: StoredPool, name: string | undefined): void {
  if (pool.config.DeveloperProviderName === undefined || pool.config.DeveloperProviderName !== name) {
    throw errors.wrongDeveloperProvider();
  }
}

/**
 * `DeveloperUserAlreadyRegisteredException` when the developer user is linked to an identity other than
 * `identityId` (to any identity when `identityId` is absent).
 *
 * @example
 * ```ts
 * requireDeveloperUserFree(entry, "user-1", claimed.identityId);
 * ```
 */
export function requireDeveloperUserFree(entry: PoolEntry, user: string, identityId?: string): void {
  const owner = developerUserOwner(entry, user);
  if (owner !== undefined && owner !== identityId) throw errors.developerUserRegistered();
}
