/**
 * Developer-authenticated identities: GetOpenIdTokenForDeveloperIdentity (the identity bookkeeping and a
 * signed OpenID token), LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity.
 */

import { type AmrLogin, amrFor } from "../domain/amr";
import { principalTagsFor } from "../domain/credentials/principalTags";
import { requireDeveloperProvider } from "../domain/identityRules";
import { mergeInto } from "../domain/merge";
import { decodeToken, encodeToken } from "../domain/pagination";
import { COGNITO_IDENTITY_PROVIDER, loginProvider } from "../domain/providers";
import { signIn } from "../domain/signIn";
import { verifyLogins } from "../domain/verify";
import { errors } from "../errors";
import type { PoolEntry, StoredIdentity, StoredPool, VerifiedLogin } from "../state";
import { developerUserOwner, requireIdentityInPool, unlinkFromIdentity } from "../store/identities";
import { requirePool } from "../store/pools";
import { DEVELOPER_TOKEN_SECONDS, signOpenIdToken } from "../tokens/openid";
import type { Handler } from "./handler";

/** Results per LookupDeveloperIdentity page when `MaxResults` is absent. */
const DEFAULT_PAGE = 60;

/** Splits a developer call's Logins into the developer user and the provider tokens to link. */
function splitLogins(
  pool: StoredPool,
  logins: Readonly<Record<string, string>>,
): { developerUser: string; tokens: Record<string, string> } {
  const tokens: [string, string][] = [];
  const developer: [string, string][] = [];
  for (const [key, value] of Object.entries(logins)) {
    if (key === COGNITO_IDENTITY_PROVIDER || loginProvider(pool.config, key) !== undefined)
      tokens.push([key, value]);
    else developer.push([key, value]);
  }
  if (developer.length > 1) {
    throw errors.oneDeveloperProvider();
  }
  const [only] = developer;
  if (!only) throw errors.developerProviderMissing();
  requireDeveloperProvider(pool, only[0]);
  return { developerUser: only[1], tokens: Object.fromEntries(tokens) };
}

/**
 * The checked logins of a developer call, in the Logins map's order, as the token's `amr` names them: the
 * developer user under the developer provider, and each linked provider login.
 */
function amrLogins(
  pool: StoredPool,
  logins: Readonly<Record<string, string>>,
  verified: readonly VerifiedLogin[],
): AmrLogin[] {
  const byProvider = new Map(verified.map((login) => [login.provider, login]));
  return Object.entries(logins).flatMap(([provider, value]): AmrLogin[] => {
    if (provider === pool.config.DeveloperProviderName) return [{ provider, user: value }];
    const login = byProvider.get(provider);
    return login ? [login] : [];
  });
}

/**
 * GetOpenIdTokenForDeveloperIdentity: signs the developer user (and any provider logins) in, creating,
 * linking or merging, and answers an RS512 OpenID token: `TokenDuration` (default 15 minutes), `amr` naming
 * every login of the call in order, and `PrincipalTags` (else the tags of the provider logins' attribute maps).
 *
 * @example
 * ```ts
 * const { output } = getOpenIdTokenForDeveloperIdentity(state, {
 *   IdentityPoolId: poolId, Logins: { "login.myapp": "user-1" }, PrincipalTags: { team: "blue" },
 * }, env);
 * // output.Token: amr ["authenticated", "login.myapp", "login.myapp:<poolId>:user-1"], exp = iat + 900
 * ```
 */
export const getOpenIdTokenForDeveloperIdentity: Handler<"GetOpenIdTokenForDeveloperIdentity"> = (
  state,
  input,
  env,
) => {
  const { ctx } = env;
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  const { developerUser, tokens } = splitLogins(entry.pool, input.Logins);
  const logins = verifyLogins(entry.pool, tokens, ctx.now);
  const signedIn = signIn(
    state,
    entry,
    input.IdentityId === undefined
      ? { logins, developerUser }
      : { logins, developerUser, identityId: input.IdentityId },
    env,
  );
  const identityId = signedIn.identity.identityId;
  const token = signOpenIdToken({
    pool: entry.pool,
    identityId,
    amr: amrFor(entry.pool, amrLogins(entry.pool, input.Logins, logins)),
    principalTags: principalTagsFor({ pool: entry.pool, logins, direct: input.PrincipalTags }),
    issuedAt: ctx.now,
    durationSeconds: input.TokenDuration ?? DEVELOPER_TOKEN_SECONDS,
  });
  return { state: signedIn.state, output: { IdentityId: identityId, Token: token } };
};

/** The identity of a registered developer user, or `ResourceNotFoundException`. */
function identityOfDeveloperUser(entry: PoolEntry, user: string): StoredIdentity {
  const owner = developerUserOwner(entry, user);
  const identity = owner === undefined ? undefined : entry.identities.get(owner);
  if (!identity) throw errors.developerUserNotFound(user);
  return identity;
}

export const lookupDeveloperIdentity: Handler<"LookupDeveloperIdentity"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  const { IdentityId: identityId, DeveloperUserIdentifier: user } = input;
  let identity: StoredIdentity;
  if (identityId !== undefined) {
    identity = requireIdentityInPool(entry, identityId);
    if (user !== undefined && developerUserOwner(entry, user) !== identityId)
      throw errors.developerUserNotLinked(user, identityId);
  } else if (user !== undefined) {
    identity = identityOfDeveloperUser(entry, user);
  } else {
    throw errors.lookupNeedsAnId();
  }
  const scope = `developer-users/${identity.identityId}`;
  const start = decodeToken(scope, input.NextToken) + 1;
  const all = identity.developerUserIdentifiers;
  const end = start + (input.MaxResults ?? DEFAULT_PAGE);
  const output: { IdentityId: string; DeveloperUserIdentifierList: string[]; NextToken?: string } = {
    IdentityId: identity.identityId,
    DeveloperUserIdentifierList: all.slice(start, end),
  };
  if (end < all.length) output.NextToken = encodeToken(scope, end - 1);
  return { state, output };
};

export const mergeDeveloperIdentities: Handler<"MergeDeveloperIdentities"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  requireDeveloperProvider(entry.pool, input.DeveloperProviderName);
  const source = identityOfDeveloperUser(entry, input.SourceUserIdentifier);
  const destination = identityOfDeveloperUser(entry, input.DestinationUserIdentifier);
  if (source.identityId === destination.identityId)
    return { state, output: { IdentityId: destination.identityId } };
  const merged = mergeInto(state, destination, { absorbed: [source] }, ctx.now);
  return { state: merged.state, output: { IdentityId: destination.identityId } };
};

export const unlinkDeveloperIdentity: Handler<"UnlinkDeveloperIdentity"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  requireDeveloperProvider(entry.pool, input.DeveloperProviderName);
  const identity = requireIdentityInPool(entry, input.IdentityId);
  if (identity.disabled) throw errors.accessForbidden(identity.identityId);
  const owner = developerUserOwner(entry, input.DeveloperUserIdentifier);
  if (owner === undefined) throw errors.developerUserNotFound(input.DeveloperUserIdentifier);
  if (owner !== identity.identityId)
    throw errors.developerUserNotLinked(input.DeveloperUserIdentifier, identity.identityId);
  const next = unlinkFromIdentity(
    state,
    identity,
    { developerUsers: [input.DeveloperUserIdentifier] },
    ctx.now,
  );
  return { state: next, output: {} };
};
