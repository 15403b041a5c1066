/**
 * Matchers over the state: which pools exist, which logins and developer users are linked. They read the
 * store through its indexes and copy nothing.
 */
import { loginOwner } from "../core/store/identities";
import { coreStateOf, isFake } from "../internal";
import { type MatcherResult, notAFake, withReport } from "./report";

/** Some identity (in any pool) has `userIdentifier` of `provider` linked. */
export function toHaveIdentityWithLogin(
  received: unknown,
  provider: string,
  userIdentifier: string,
): MatcherResult {
  if (!isFake(received)) return notAFake("toHaveIdentityWithLogin");
  let owner: string | undefined;
  for (const entry of coreStateOf(received).pools.values()) {
    owner = loginOwner(entry, provider, userIdentifier);
    if (owner) break;
  }
  return withReport(received, owner !== undefined, () =>
    owner
      ? `expected no identity with ${provider} login '${userIdentifier}', but ${owner} has it`
      : `expected an identity with ${provider} login '${userIdentifier}', but none has it`,
  );
}

/** A pool (in any region) has this id or this name. */
export function toHaveIdentityPool(received: unknown, nameOrId: string): MatcherResult {
  if (!isFake(received)) return notAFake("toHaveIdentityPool");
  const pools = [...received.state.IdentityPools.values()];
  const found = pools.find((p) => p.IdentityPoolId === nameOrId || p.IdentityPoolName === nameOrId);
  const known = pools.map((p) => `${p.IdentityPoolId} "${p.IdentityPoolName}"`).join(", ") || "none";
  return withReport(received, found !== undefined, () =>
    found
      ? `expected no identity pool named or with id '${nameOrId}', but ${found.IdentityPoolId} "${found.IdentityPoolName}" is`
      : `expected an identity pool named or with id '${nameOrId}'; pools: ${known}`,
  );
}

/** The developer user `userIdentifier` is linked to an identity of pool `identityPoolId`. */
export function toHaveLinkedDeveloperUser(
  received: unknown,
  identityPoolId: string,
  userIdentifier: string,
): MatcherResult {
  if (!isFake(received)) return notAFake("toHaveLinkedDeveloperUser");
  const entry = coreStateOf(received).pools.get(identityPoolId);
  const owner = entry?.developerUsers.get(userIdentifier);
  return withReport(received, owner !== undefined, () => {
    if (owner)
      return `expected developer user '${userIdentifier}' not to be linked in ${identityPoolId}, but ${owner} has it`;
    const why = entry
      ? `it is not (the pool has ${entry.developerUsers.size} linked developer users)`
      : "the pool does not exist";
    return `expected developer user '${userIdentifier}' to be linked in ${identityPoolId}, but ${why}`;
  });
}
