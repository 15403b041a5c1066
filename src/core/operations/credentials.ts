/**
 * The public sign-in operations that name an identity: GetOpenIdToken (classic flow) and
 * GetCredentialsForIdentity (enhanced flow). Both find the pool through the identity, check the logins,
 * link new ones (or merge), and answer for the identity the logins lead to (which may differ from the input
 * after an implicit merge).
 *
 * Decisions where the documentation is silent (the README's fidelity notes repeat them):
 * - A guest identity presented with provider logins is upgraded: the logins are linked to it (or it is merged
 *   into the identity that already owns them), as the SDKs do when a guest signs in.
 * - GetOpenIdToken is refused in a pool with role mappings (for everyone, guests included) and for SAML
 *   logins (see `requireClassicFlow`).
 * - The `cognito-identity.amazonaws.com` login (an OpenID token the fake issued) is accepted by
 *   GetCredentialsForIdentity only, only alone, only for the identity it names (`sub`), and only for an
 *   authenticated token (`amr` starting with `authenticated`) of an authenticated identity; it gets the pool's
 *   authenticated role (a developer provider cannot carry a role mapping) and the tags the token carries.
 */
import { amrFor } from "../domain/amr";
import { requireClassicFlow } from "../domain/classicFlow";
import { issueCredentials } from "../domain/credentials/issue";
import { principalTagsFor } from "../domain/credentials/principalTags";
import { resolveRole } from "../domain/credentials/roleResolution";
import { COGNITO_IDENTITY_PROVIDER } from "../domain/providers";
import { signIn } from "../domain/signIn";
import { verifyLogins } from "../domain/verify";
import { errors } from "../errors";
import type { OperationTypes } from "../model/model.generated";
import type { CoreState, Env, PoolEntry, StoredIdentity, StoredPool, VerifiedLogin } from "../state";
import { isAuthenticated, requireIdentity } from "../store/identities";
import { OPENID_TOKEN_SECONDS, signOpenIdToken, verifyOpenIdToken } from "../tokens/openid";
import type { Handler } from "./handler";

/**
 * Checks the logins against the identity's pool and signs in as the identity: links new logins, merges,
 * and applies every refusal of `signIn`. Answers the identity the logins lead to and the checked logins.
 */
function signInAs(
  state: CoreState,
  entry: PoolEntry,
  identityId: string,
  logins: Readonly<Record<string, string>>,
  env: Env,
): { state: CoreState; identity: StoredIdentity; logins: readonly VerifiedLogin[] } {
  const verified = verifyLogins(entry.pool, logins, env.ctx.now);
  const signedIn = signIn(state, entry, { logins: verified, identityId }, env);
  return { state: signedIn.state, identity: signedIn.identity, logins: verified };
}

/**
 * GetOpenIdToken: a 10-minute OpenID token for the identity. Refused with `InvalidParameterException` when the
 * pool's `AllowClassicFlow` is explicitly false, when the pool has role mappings, or for a SAML login.
 *
 * @example
 * ```ts
 * const { state: next, output } = getOpenIdToken(state, { IdentityId: guestId }, env);
 * output.Token; // RS512 JWT: sub = output.IdentityId, aud = the pool id, amr ["unauthenticated"]
 * ```
 */
export const getOpenIdToken: Handler<"GetOpenIdToken"> = (state, input, env) => {
  const { entry } = requireIdentity(state, input.IdentityId, env.ctx);
  const { pool } = entry;
  requireClassicFlow(pool, Object.keys(input.Logins ?? {}));
  const signedIn = signInAs(state, entry, input.IdentityId, input.Logins ?? {}, env);
  const { identity, logins } = signedIn;
  const token = signOpenIdToken({
    pool,
    identityId: identity.identityId,
    amr: amrFor(pool, logins),
    principalTags: principalTagsFor({ pool, logins }),
    issuedAt: env.ctx.now,
    durationSeconds: OPENID_TOKEN_SECONDS,
  });
  return { state: signedIn.state, output: { IdentityId: identity.identityId, Token: token } };
};

/** Who gets credentials for which role, with which tags; and the state after any link or merge. */
interface Grant {
  readonly state: CoreState;
  readonly pool: StoredPool;
  readonly identity: StoredIdentity;
  readonly roleArn: string;
  readonly principalTags: Readonly<Record<string, string>>;
}

type CredentialsInput = OperationTypes["GetCredentialsForIdentity"]["input"];

/** Provider logins (or none): sign in, then resolve the role from the pool's roles and role mappings. */
function grantForLogins(state: CoreState, input: CredentialsInput, env: Env): Grant {
  const { entry } = requireIdentity(state, input.IdentityId, env.ctx);
  const { pool } = entry;
  const signedIn = signInAs(state, entry, input.IdentityId, input.Logins ?? {}, env);
  const { identity, logins } = signedIn;
  const roleArn = resolveRole({
    pool,
    authenticated: isAuthenticated(identity),
    logins,
    customRoleArn: input.CustomRoleArn,
  });
  return {
    state: signedIn.state,
    pool,
    identity,
    roleArn,
    principalTags: principalTagsFor({ pool, logins }),
  };
}

/**
 * The `cognito-identity.amazonaws.com` login, alone: a token the fake issued for this very identity, which must
 * be authenticated. Nothing is linked; the pool's authenticated role; the token's principal tags.
 */
function grantForCognitoToken(state: CoreState, input: CredentialsInput, env: Env): Grant {
  const { entry, identity } = requireIdentity(state, input.IdentityId, env.ctx);
  const logins = input.Logins ?? {};
  if (Object.keys(logins).length > 1) throw errors.cognitoToken();
  const token = verifyOpenIdToken(logins[COGNITO_IDENTITY_PROVIDER] ?? "", entry.pool, env.ctx.now);
  if (identity.disabled) throw errors.accessForbidden(identity.identityId);
  if (
    token.identityId !== identity.identityId ||
    token.amr[0] !== "authenticated" ||
    !isAuthenticated(identity)
  ) {
    throw errors.loginsDontMatch();
  }
  const roleArn = resolveRole({ pool: entry.pool, authenticated: true, customRoleArn: input.CustomRoleArn });
  return { state, pool: entry.pool, identity, roleArn, principalTags: token.principalTags };
}

/**
 * GetCredentialsForIdentity: temporary credentials (an hour) for the role the identity resolves to, with its
 * principal tags; the issue is reported for `fake.issuedCredentials`.
 *
 * @example
 * ```ts
 * const { output, issued } = getCredentialsForIdentity(state, { IdentityId: id, Logins: { [provider]: idToken } }, env);
 * output.Credentials?.AccessKeyId; // "ASIA…"
 * issued?.roleArn; // the role resolved from the pool's roles and role mappings
 * ```
 */
export const getCredentialsForIdentity: Handler<"GetCredentialsForIdentity"> = (state, input, env) => {
  const grant = Object.hasOwn(input.Logins ?? {}, COGNITO_IDENTITY_PROVIDER)
    ? grantForCognitoToken(state, input, env)
    : grantForLogins(state, input, env);
  const identityId = grant.identity.identityId;
  const { credentials, issued } = issueCredentials(env.ids, {
    identityId,
    identityPoolId: grant.pool.identityPoolId,
    roleArn: grant.roleArn,
    principalTags: grant.principalTags,
    now: env.ctx.now,
  });
  return { state: grant.state, output: { IdentityId: identityId, Credentials: credentials }, issued };
};
