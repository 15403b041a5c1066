/**
 * The store's key formats. Private to `store/`: everything else asks the store's readers and writers.
 */

/** The key of a login in a pool's login index. */
export const loginKey = (provider: string, userIdentifier: string): string =>
  `${provider}\n${userIdentifier}`;

/** The key of an account's pools in one region. */
export const regionKey = (accountId: string, region: string): string => `${accountId}/${region}`;

/** The region a {@link regionKey} names. */
export const regionOfKey = (key: string): string => key.slice(key.indexOf("/") + 1);
