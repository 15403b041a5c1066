/**
 * Who may use the basic (classic) flow, GetOpenIdToken (semantics §3).
 */
import { errors } from "../errors";
import type { StoredPool } from "../state";
import { loginProvider } from "./providers";

/**
 * Throws `InvalidParameterException` when GetOpenIdToken is refused, in this order:
 * - the pool's `AllowClassicFlow` is explicitly `false` ("Basic (classic) flow is not enabled, please use
 *   enhanced flow."; never set behaves as enabled);
 * - the pool has any role mapping, for every caller, guests included ("Basic (classic) flow is not supported
 *   with RoleMappings, please use enhanced flow.");
 * - a presented login is a SAML provider's: SAML works only in the enhanced flow.
 *
 * @param loginKeys - the keys of the request's `Logins` map
 * @example
 * ```ts
 * requireClassicFlow(entry.pool, Object.keys(input.Logins ?? {}));
 * ```
 */
export function requireClassicFlow(pool: StoredPool, loginKeys: readonly string[]): void {
  if (pool.config.AllowClassicFlow === false) throw errors.classicFlowDisabled();
  if (Object.keys(pool.roleMappings).length > 0) throw errors.classicFlowRoleMappings();
  if (loginKeys.some((key) => loginProvider(pool.config, key)?.kind === "saml"))
    throw errors.classicFlowSaml();
}
