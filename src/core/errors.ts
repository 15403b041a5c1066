/**
 * Service errors as the real service names them. Operations throw a {@link ServiceError}; `dispatch` catches it
 * and answers it with the state unchanged, so a failed command never leaves partial state behind.
 */

/** The HTTP status the real service answers with for an error name (captured responses: 400 unless throttled or internal). */
export function statusOf(type: string): number {
  if (type === "TooManyRequestsException") return 429;
  if (type === "InternalErrorException") return 500;
  return 400;
}

/**
 * An error as the service sends it: the `__type` name and the `message` text.
 *
 * @example
 * ```ts
 * throw new ServiceError("ResourceNotFoundException", "IdentityPool 'us-east-1:x' not found.");
 * ```
 */
export class ServiceError extends Error {
  /** The HTTP status the error travels with. */
  readonly statusCode: number;

  constructor(
    /** The error name, e.g. `NotAuthorizedException`. */
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
    this.statusCode = statusOf(type);
  }
}

/** The real message for a pool that does not exist in this account and region. */
export const poolNotFound = (id: string): ServiceError =>
  new ServiceError("ResourceNotFoundException", `IdentityPool '${id}' not found.`);

/** The message for an identity that does not exist in this region (inferred from the pool message). */
export const identityNotFound = (id: string): ServiceError =>
  new ServiceError("ResourceNotFoundException", `Identity '${id}' not found.`);

/** `InvalidParameterException` with the given text. */
export const invalidParameter = (message: string): ServiceError =>
  new ServiceError("InvalidParameterException", message);

/** `NotAuthorizedException` with the given text. */
export const notAuthorized = (message: string): ServiceError =>
  new ServiceError("NotAuthorizedException", message);

/** The real message when logins do not authenticate the caller as the identity or for the pool. */
export const LOGINS_DONT_MATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/** The real message for a disabled identity, or an authenticated one reached without its logins. */
export const accessForbidden = (identityId: string): ServiceError =>
  notAuthorized(`Access to Identity '${identityId}' is forbidden.`);
