/**
 * Opaque pagination tokens. A token carries the creation sequence of the last item returned, so a page
 * resumes correctly even when items before it were deleted meanwhile. Tokens are scoped to one listing.
 */
import { errors } from "../errors";

/** A token that resumes the listing `scope` after sequence number `after`. */
export function encodeToken(scope: string, after: number): string {
  return Buffer.from(JSON.stringify([scope, after]), "utf8").toString("base64url");
}

/** The sequence number a token resumes after; `InvalidParameterException` for a token of another listing. */
export function decodeToken(scope: string, token: string | undefined): number {
  if (token === undefined) return -1;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed[0] === scope && Number.isSafeInteger(parsed[1]))
      return parsed[1] as number;
  } catch {
    // fall through to the service's answer for a token it did not issue
  }
  throw errors.invalidPaginationToken();
}

/**
 * A page of at most `max` items from candidates in listing order, each with its sequence number; `after` is
 * the sequence the next page resumes after, set only when more items remain.
 *
 * @example
 * ```ts
 * takePage([[1, "a"], [2, "b"], [3, "c"]], 2); // { page: ["a", "b"], after: 2 }
 * ```
 */
export function takePage<T>(
  candidates: Iterable<readonly [number, T]>,
  max: number,
): { page: T[]; after?: number } {
  const page: T[] = [];
  let last = -1;
  for (const [seq, item] of candidates) {
    if (page.length === max) return { page, after: last };
    page.push(item);
    last = seq;
  }
  return { page };
}
