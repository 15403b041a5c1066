/**
 * A fresh identity-id cache for `fromCognitoIdentityPool({ cache })`. The provider's default cache is one
 * module-level store in Node, so without a fresh cache per test a later test silently reuses an identity id
 * from an earlier one (and gets `Identity '<id>' not found.` once the fake has been reset).
 */

/** The storage interface `fromCognitoIdentityPool` takes as `cache`. */
export interface ProviderCache {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * A new, empty in-memory cache.
 *
 * @example
 * ```ts
 * const credentials = fromCognitoIdentityPool({ identityPoolId, cache: createProviderCache() });
 * ```
 */
export function createProviderCache(): ProviderCache {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}
