/**
 * The HTTP status an error travels with. Captured real responses answer 400 for every service error except
 * throttling (429) and internal errors (500), although the model says 403/404 for some.
 */

/**
 * The HTTP status of an error name.
 *
 * @example
 * ```ts
 * statusOf("NotAuthorizedException"); // 400
 * statusOf("TooManyRequestsException"); // 429
 * ```
 */
export function statusOf(type: string): number {
  if (type === "TooManyRequestsException") return 429;
  if (type === "InternalErrorException") return 500;
  return 400;
}
