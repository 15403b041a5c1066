/**
 * The principal (session) tags of a credential issue (semantics §8): read from the token claims through the
 * pool's principal-tag attribute map of the login's provider, or given directly by a developer provider (they
 * travel inside the developer OpenID token). Pure.
 *
 * Decisions where the documentation is silent:
 * - `UseDefaults` applies the provider's default map only ("You can't change default mappings").
 * - A mapped claim that is absent, an array or an object gives no tag (session tags hold one string);
 *   numbers and booleans give their string form.
 * - With several logins, the maps of all of them apply, in the Logins map's order; the first value of a tag wins.
 */
import type { StoredPool } from "../../state";
import { isSamlArn, loginProvider, tagMapKeyOf } from "../providers";
import type { PresentedLogin } from "./roleResolution";

const SAML_CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";

/**
 * The default attribute map of a provider: tag → claim, as the developer guide's "Default provider
 * mappings" table lists them (`client`/`username` from `aud`/`sub`; Login with Amazon `user_id`; SAML the
 * name-identifier and name attributes).
 *
 * @example
 * ```ts
 * defaultTagMap("accounts.google.com"); // { client: "aud", username: "sub" }
 * ```
 */
export function defaultTagMap(provider: string): Readonly<Record<string, string>> {
  if (provider === "www.amazon.com") return { client: "aud", username: "user_id" };
  if (isSamlArn(provider)) return { client: `${SAML_CLAIMS}nameidentifier`, username: `${SAML_CLAIMS}name` };
  return { client: "aud", username: "sub" };
}

const tagValue = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : undefined;

/**
 * The tags one login yields through the pool's attribute map of its provider (none without a map). The map
 * of an OIDC login is the one kept under its IAM provider ARN.
 */
export function tagsFromClaims(pool: StoredPool, login: PresentedLogin): Record<string, string> {
  const provider = loginProvider(pool.config, login.provider);
  const key = provider ? tagMapKeyOf(provider) : login.provider;
  if (!Object.hasOwn(pool.principalTagMaps, key)) return {};
  const record = pool.principalTagMaps[key];
  if (!record) return {};
  const map = record.useDefaults ? defaultTagMap(login.provider) : record.principalTags;
  // Built from entries: a tag key such as `__proto__` stays an own key (an assignment would drop it).
  const tags: [string, string][] = [];
  for (const [tag, claim] of Object.entries(map)) {
    const value = Object.hasOwn(login.claims, claim) ? tagValue(login.claims[claim]) : undefined;
    if (value !== undefined) tags.push([tag, value]);
  }
  return Object.fromEntries(tags);
}

/** What the tags of one credential issue come from. */
export interface PrincipalTagsInput {
  readonly pool: StoredPool;
  /** The logins presented, in the Logins map's order. */
  readonly logins?: readonly PresentedLogin[];
  /**
   * Tags given directly: the developer call's `PrincipalTags`, or those a `cognito-identity.amazonaws.com`
   * token carries (`verifyOpenIdToken(...).principalTags`). When set, they are the tags.
   */
  readonly direct?: Readonly<Record<string, string>>;
}

/**
 * The principal tags for a credential issue (or an OpenID token): tag → value.
 *
 * @example
 * ```ts
 * principalTagsFor({ pool, logins: [{ provider: USER_POOL, claims: { aud: "client1", sub: "u-1" } }] });
 * // with UseDefaults on USER_POOL: { client: "client1", username: "u-1" }
 * ```
 */
export function principalTagsFor(input: PrincipalTagsInput): Record<string, string> {
  if (input.direct !== undefined) return { ...input.direct };
  const tags = new Map<string, string>();
  for (const login of input.logins ?? []) {
    for (const [tag, value] of Object.entries(tagsFromClaims(input.pool, login))) {
      if (!tags.has(tag)) tags.set(tag, value);
    }
  }
  return Object.fromEntries(tags);
}
