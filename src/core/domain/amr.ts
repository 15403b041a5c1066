/**
 * The `amr` claim of the OpenID tokens the fake issues: which logins authenticated the caller.
 */
import type { StoredPool } from "../state";
import { loginProvider } from "./providers";

/**
 * The subject an `amr` names for one login (the element after the provider name). Observed forms: user
 * pools `<provider>:CognitoSignIn:<sub>`; OIDC `<oidc-provider-arn>:OIDC:<sub>`; developer provider
 * `<DeveloperProviderName>:<IdentityPoolId>:<user>`. Public providers (`<provider>:<app id>:<user>`) and
 * SAML (`<saml-provider-arn>:SAML:<user>`) are inferred by analogy.
 */
export function amrSubject(pool: StoredPool, provider: string, userIdentifier: string): string {
  if (provider === pool.config.DeveloperProviderName)
    return `${provider}:${pool.identityPoolId}:${userIdentifier}`;
  const known = loginProvider(pool.config, provider);
  switch (known?.kind) {
    case "userPool":
      return `${provider}:CognitoSignIn:${userIdentifier}`;
    case "oidc":
      return `${known.arn}:OIDC:${userIdentifier}`;
    case "saml":
      return `${provider}:SAML:${userIdentifier}`;
    case "opaque":
    case "publicJwt":
      return `${provider}:${known.appId}:${userIdentifier}`;
    default:
      return `${provider}:${userIdentifier}`;
  }
}

/** A login as the `amr` names it: the provider (Logins key) and the user it identifies. */
export interface AmrLogin {
  readonly provider: string;
  /** The `sub` for JWT providers, the token for opaque ones, the developer user identifier. */
  readonly user: string;
}

/**
 * The `amr` claim: `["unauthenticated"]` when there are no logins, otherwise `"authenticated"` followed by the
 * provider name and its subject for each login, in order.
 *
 * @param logins - checked logins (`VerifiedLogin[]` fits), or a map provider → user identifier
 * @example
 * ```ts
 * amrFor(pool, [{ provider: "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab1", user: "sub-1" }]);
 * // ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab1",
 * //  "cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab1:CognitoSignIn:sub-1"]
 * ```
 */
export function amrFor(
  pool: StoredPool,
  logins: readonly AmrLogin[] | Readonly<Record<string, string>>,
): string[] {
  const list: readonly AmrLogin[] = Array.isArray(logins)
    ? logins
    : Object.entries(logins as Readonly<Record<string, string>>).map(([provider, user]) => ({
        provider,
        user,
      }));
  if (list.length === 0) return ["unauthenticated"];
  const amr = ["authenticated"];
  for (const { provider, user } of list) amr.push(provider, amrSubject(pool, provider, user));
  return amr;
}
