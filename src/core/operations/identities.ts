/**
 * Identity management: DescribeIdentity, ListIdentities, DeleteIdentities, UnlinkIdentity.
 */
import { decodeToken, encodeToken, takePage } from "../domain/pagination";
import { verifyLogins } from "../domain/verify";
import { errors } from "../errors";
import type { IdentityDescription } from "../model/model.generated";
import type { CoreState, PoolEntry, StoredIdentity } from "../state";
import {
  deleteIdentity,
  findIdentity,
  loginOwner,
  providerNames,
  requireIdentity,
  unlinkFromIdentity,
} from "../store/identities";
import { requirePool } from "../store/pools";
import type { Handler } from "./handler";

/** Descriptions already made: records are immutable, and so is the developer provider of a pool whose identities carry developer users. */
const descriptions = new WeakMap<StoredIdentity, IdentityDescription>();

/**
 * The `IdentityDescription` of an identity: provider names only (the developer provider after the others),
 * both dates in epoch seconds. Frozen and remembered per record, since listing pages describe the same
 * identities again and again.
 */
export function describe(identity: StoredIdentity, entry: PoolEntry): IdentityDescription {
  const known = descriptions.get(identity);
  if (known) return known;
  const logins = providerNames(identity, entry.pool.config.DeveloperProviderName);
  const description: IdentityDescription = Object.freeze({
    IdentityId: identity.identityId,
    ...(logins.length > 0 ? { Logins: Object.freeze(logins) as string[] } : {}),
    CreationDate: identity.creationDate / 1000,
    LastModifiedDate: identity.lastModifiedDate / 1000,
  });
  descriptions.set(identity, description);
  return description;
}

export const describeIdentity: Handler<"DescribeIdentity"> = (state, input, { ctx }) => {
  const { entry, identity } = requireIdentity(state, input.IdentityId, ctx);
  return { state, output: describe(identity, entry) };
};

export const listIdentities: Handler<"ListIdentities"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  const scope = `identities/${entry.pool.identityPoolId}`;
  const from = decodeToken(scope, input.NextToken) + 1;
  // Walks the creation-order index from the token's position: a page costs its own size (plus any gaps left
  // by deleted or hidden identities), whatever the pool's size.
  const taken = takePage(from, entry.nextSeq, input.MaxResults, (seq) => {
    const id = entry.order.get(seq);
    const identity = id === undefined ? undefined : entry.identities.get(id);
    return identity && !(input.HideDisabled && identity.disabled) ? describe(identity, entry) : undefined;
  });
  const output: { IdentityPoolId: string; Identities: IdentityDescription[]; NextToken?: string } = {
    IdentityPoolId: entry.pool.identityPoolId,
    Identities: taken.page,
  };
  if (taken.after !== undefined) output.NextToken = encodeToken(scope, taken.after);
  return { state, output };
};

export const deleteIdentities: Handler<"DeleteIdentities"> = (state, input, { ctx }) => {
  let next: CoreState = state;
  for (const id of input.IdentityIdsToDelete) {
    const found = findIdentity(next, id, ctx);
    if (found) next = deleteIdentity(next, found.identity);
  }
  return { state: next, output: { UnprocessedIdentityIds: [] } };
};

export const unlinkIdentity: Handler<"UnlinkIdentity"> = (state, input, { ctx }) => {
  const { entry, identity } = requireIdentity(state, input.IdentityId, ctx);
  if (identity.disabled) throw errors.accessForbidden(identity.identityId);
  const proofs = verifyLogins(entry.pool, input.Logins, ctx.now);
  if (
    proofs.length === 0 ||
    proofs.some((p) => loginOwner(entry, p.provider, p.user) !== identity.identityId)
  ) {
    throw errors.loginsDontMatch();
  }
  for (const provider of input.LoginsToRemove) {
    if (!Object.hasOwn(identity.logins, provider)) {
      throw errors.loginNotLinked(provider, identity.identityId);
    }
  }
  if (input.LoginsToRemove.length === 0) return { state, output: {} };
  const next = unlinkFromIdentity(state, identity, { providers: input.LoginsToRemove }, ctx.now);
  return { state: next, output: {} };
};
