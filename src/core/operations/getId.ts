/**
 * GetId (public): a new unauthenticated identity, or the identity of the presented logins (created, linked
 * or merged as the service does).
 */
import { signIn } from "../domain/signIn";
import { verifyLogins } from "../domain/verify";
import { errors } from "../errors";
import { requirePool } from "../store/pools";
import type { Handler } from "./handler";

export const getId: Handler<"GetId"> = (state, input, env) => {
  const { ctx } = env;
  if (input.AccountId !== undefined && input.AccountId !== ctx.accountId)
    throw errors.poolNotFound(input.IdentityPoolId);
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  const logins = verifyLogins(entry.pool, input.Logins ?? {}, ctx.now);
  const signedIn = signIn(state, entry, { logins }, env);
  return { state: signedIn.state, output: { IdentityId: signedIn.identity.identityId } };
};
