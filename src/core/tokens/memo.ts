/**
 * A memo table of bounded size, for work that the same inputs repeat call after call (RSA signatures, token
 * decodes). Remembering is invisible to callers: a value from the table equals the one recomputed.
 */

/**
 * A map that holds at most `limit` entries: adding one to a full table empties it first. Cheaper than
 * tracking recency, and enough for tests, which present the same few tokens again and again.
 *
 * @example
 * ```ts
 * const memo = new BoundedMemo<string, number>(2);
 * memo.set("a", 1);
 * memo.set("b", 2);
 * memo.set("c", 3); // full: starts over with only "c"
 * memo.get("a"); // undefined
 * ```
 */
export class BoundedMemo<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  /** The value remembered for `key`, if any. */
  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  /** Remembers `value` for `key` (emptying a full table first) and returns it. */
  set(key: K, value: V): V {
    if (this.#entries.size >= this.limit) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }

  /** How many entries are remembered. */
  get size(): number {
    return this.#entries.size;
  }
}
