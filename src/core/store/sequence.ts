/**
 * Maps from a creation sequence to an id (a pool's identities, an account's pools in a region), read oldest
 * first. Private to `store/`.
 */
import type { PMap } from "./pmap";

/**
 * The ids under sequences `0 … end − 1`, oldest first; a sequence whose entry was deleted is skipped.
 *
 * @example
 * ```ts
 * idsInSequence(entry.order, entry.nextSeq); // the pool's identity ids in creation order
 * ```
 */
export function idsInSequence(order: PMap<number, string>, end: number): string[] {
  const ids: string[] = [];
  for (let seq = 0; seq < end; seq++) {
    const id = order.get(seq);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}
