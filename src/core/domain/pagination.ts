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
 * A page of at most `max` items, read at positions `from` to `end - 1` in listing order (`itemAt` answers
 * `undefined` for a position to skip); `after` is the position of the last item taken, set only when more
 * items remain.
 *
 * @example
 * ```ts
 * const items = ["a", undefined, "b", "c"];
 * takePage(0, items.length, 2, (i) => items[i]); // { page: ["a", "b"], after: 2 }
 * ```
 */
export function takePage<T>(
  from: number,
  end: number,
  max: number,
  itemAt: (position: number) => T | undefined,
): { page: T[]; after?: number } {
  const page: T[] = [];
  let last = -1;
  for (let position = from; position < end; position++) {
    const item = itemAt(position);
    if (item === undefined) continue;
    if (page.length === max) return { page, after: last };
    page.push(item);
    last = position;
  }
  return { page };
}
