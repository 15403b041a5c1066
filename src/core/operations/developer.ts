/**
 * Developer-authenticated identities: GetOpenIdTokenForDeveloperIdentity (the identity bookkeeping and a
 * signed OpenID token), LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity.
 */

import { principalTagsFor } from "../credentials/principalTags";
import { accessForbidden, invalidParameter, notAuthorized, ServiceError } from "../errors";
import { isConfiguredProvider, signIn, type VerifiedLogin, verifyLogins } from "../logins";
import { decodeToken, encodeToken } from "../pagination";
import { COGNITO_IDENTITY_PROVIDER } from "../providers";
import type { PoolEntry, StoredIdentity, StoredPool } from "../state";
import {
  developerUserOwner,
  mergeInto,
  requireIdentityInPool,
  unlinkFromIdentity,
} from "../store/identities";
import { requirePool } from "../store/pools";
import { type AmrLogin, amrFor, DEVELOPER_TOKEN_SECONDS, signOpenIdToken } from "../tokens/openid";
import type { Handler } from "./handler";

/** The real message for a developer provider name the pool does not have. */
export const WRONG_DEVELOPER_PROVIDER =
  "This identity pool does not support the specified developer provider";

/** Results per LookupDeveloperIdentity page when `MaxResults` is absent. */
const DEFAULT_PAGE = 60;

/** `NotAuthorizedException` unless `name` is the pool's developer provider. */
function requireDeveloperProvider(pool: StoredPool, name: string): void {
  if (pool.config.DeveloperProviderName === undefined || pool.config.DeveloperProviderName !== name) {
    throw notAuthorized(WRONG_DEVELOPER_PROVIDER);
  }
}

/** Splits a developer call's Logins into the developer user and the provider tokens to link. */
function splitLogins(
  pool: StoredPool,
  logins: Readonly<Record<string, string>>,
): { developerUser: string; tokens: Record<string, string> } {
  const tokens: [string, string][] = [];
  const developer: [string, string][] = [];
  for (const [key, value] of Object.entries(logins)) {
    if (key === COGNITO_IDENTITY_PROVIDER || isConfiguredProvider(pool, key)) tokens.push([key, value]);
    else developer.push([key, value]);
  }
  if (developer.length > 1) {
    throw invalidParameter("You can only specify one developer provider as part of the Logins map.");
  }
  const [only] = developer;
  if (!only)
    throw invalidParameter("The Logins map must contain the developer provider of this identity pool.");
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
    entry.pool.identityPoolId,
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

const developerUserNotFound = (user: string): ServiceError =>
  new ServiceError("ResourceNotFoundException", `Developer user identifier '${user}' not found.`);

const notLinkedTo = (user: string, identityId: string): ServiceError =>
  new ServiceError(
    "ResourceConflictException",
    `Developer user identifier '${user}' is not linked to identity '${identityId}'.`,
  );

/** The identity of a registered developer user, or `ResourceNotFoundException`. */
function identityOfDeveloperUser(entry: PoolEntry, user: string): StoredIdentity {
  const owner = developerUserOwner(entry, user);
  const identity = owner === undefined ? undefined : entry.identities.get(owner);
  if (!identity) throw developerUserNotFound(user);
  return identity;
}

export const lookupDeveloperIdentity: Handler<"LookupDeveloperIdentity"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  const { IdentityId: identityId, DeveloperUserIdentifier: user } = input;
  let identity: StoredIdentity;
  if (identityId !== undefined) {
    identity = requireIdentityInPool(entry, identityId);
    if (user !== undefined && developerUserOwner(entry, user) !== identityId)
      throw notLinkedTo(user, identityId);
  } else if (user !== undefined) {
    identity = identityOfDeveloperUser(entry, user);
  } else {
    throw invalidParameter("Either IdentityID or DeveloperUserIdentifier must not be null.");
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
  if (identity.disabled) throw accessForbidden(identity.identityId);
  const owner = developerUserOwner(entry, input.DeveloperUserIdentifier);
  if (owner === undefined) throw developerUserNotFound(input.DeveloperUserIdentifier);
  if (owner !== identity.identityId) throw notLinkedTo(input.DeveloperUserIdentifier, identity.identityId);
  const next = unlinkFromIdentity(
    state,
    identity,
    { developerUsers: [input.DeveloperUserIdentifier] },
    ctx.now,
  );
  return { state: next, output: {} };
};
