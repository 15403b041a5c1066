/**
 * Merging identities: folding other identities and new logins into a surviving identity (implicit merges of
 * sign-in, MergeDeveloperIdentities).
 */
import { errors } from "../errors";
import type { CoreState, StoredIdentity, VerifiedLogin } from "../state";
import { disableIdentity, MAX_LINKED_LOGINS, writeIdentity } from "../store/identities";
import { frozenRecord } from "../store/records";

/** Sets an own, enumerable property, even for keys such as `__proto__` (never touches a prototype). */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** What {@link mergeInto} folds into the surviving identity. */
export interface MergePlan {
  /** Identities merged away: their logins and developer users move to the survivor; they become disabled. */
  readonly absorbed: readonly StoredIdentity[];
  /** Logins to link (new or already linked to one of the participants); their claims replace the stored ones. */
  readonly logins?: readonly VerifiedLogin[];
  /** Developer user identifiers to link. */
  readonly developerUsers?: readonly string[];
}

/**
 * Folds identities and logins into `survivor`: every absorbed identity gives its logins and developer users
 * to the survivor and becomes disabled; the given logins are linked (claims refreshed). Checks first, so a
 * refused merge changes nothing: one user per provider (`ResourceConflictException`) and at most 20 linked
 * logins. `LastModifiedDate` of the survivor moves only when something was linked to it.
 */
export function mergeInto(
  state: CoreState,
  survivor: StoredIdentity,
  plan: MergePlan,
  now: number,
): { state: CoreState; identity: StoredIdentity } {
  const logins: Record<string, string> = Object.fromEntries(Object.entries(survivor.logins));
  const claims: Record<string, Readonly<Record<string, unknown>>> = Object.fromEntries(
    Object.entries(survivor.loginClaims),
  );
  const developerUsers = [...survivor.developerUserIdentifiers];
  let linked = false;
  const link = (provider: string, user: string, tokenClaims?: Readonly<Record<string, unknown>>) => {
    if (Object.hasOwn(logins, provider)) {
      if (logins[provider] !== user) throw errors.providerConflict(provider);
    } else {
      setOwn(logins, provider, user);
      linked = true;
    }
    if (tokenClaims) setOwn(claims, provider, tokenClaims);
  };
  const linkDeveloper = (user: string) => {
    if (!developerUsers.includes(user)) {
      developerUsers.push(user);
      linked = true;
    }
  };
  for (const other of plan.absorbed) {
    for (const [provider, user] of Object.entries(other.logins)) {
      link(
        provider,
        user,
        Object.hasOwn(other.loginClaims, provider) ? other.loginClaims[provider] : undefined,
      );
    }
    for (const user of other.developerUserIdentifiers) linkDeveloper(user);
  }
  for (const login of plan.logins ?? []) link(login.provider, login.user, login.claims);
  for (const user of plan.developerUsers ?? []) linkDeveloper(user);
  if (Object.keys(logins).length + developerUsers.length > MAX_LINKED_LOGINS)
    throw errors.tooManyLogins(MAX_LINKED_LOGINS);

  let next = state;
  for (const other of plan.absorbed) next = disableIdentity(next, other, now);
  const identity: StoredIdentity = frozenRecord({
    ...survivor,
    logins,
    loginClaims: claims,
    developerUserIdentifiers: developerUsers,
    lastModifiedDate: linked ? now : survivor.lastModifiedDate,
  });
  return { state: writeIdentity(next, identity), identity };
}
