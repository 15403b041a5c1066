/**
 * Identity pools: CreateIdentityPool, DescribeIdentityPool, UpdateIdentityPool, DeleteIdentityPool,
 * ListIdentityPools.
 */
import { decodeToken, encodeToken, takePage } from "../domain/pagination";
import { buildConfig, createPool } from "../domain/poolConfig";
import { errors } from "../errors";
import type { Context, StoredPool } from "../state";
import { putPool, regionListing, removePool, requirePool } from "../store/pools";
import type { Handler } from "./handler";

export const createIdentityPool: Handler<"CreateIdentityPool"> = (state, input, env) => {
  const created = createPool(state, input, env);
  return { state: created.state, output: created.pool.config };
};

export const describeIdentityPool: Handler<"DescribeIdentityPool"> = (state, input, { ctx }) => ({
  state,
  output: requirePool(state, input.IdentityPoolId, ctx).pool.config,
});

export const updateIdentityPool: Handler<"UpdateIdentityPool"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  const current = entry.pool.config;
  if (
    current.DeveloperProviderName !== undefined &&
    input.DeveloperProviderName !== undefined &&
    input.DeveloperProviderName !== current.DeveloperProviderName
  ) {
    throw errors.developerProviderImmutable();
  }
  const config = buildConfig(input.IdentityPoolId, {
    ...input,
    DeveloperProviderName: input.DeveloperProviderName ?? current.DeveloperProviderName,
    IdentityPoolTags: input.IdentityPoolTags ?? current.IdentityPoolTags,
  });
  const pool = Object.freeze({ ...entry.pool, config });
  return { state: putPool(state, { ...entry, pool }), output: config };
};

export const deleteIdentityPool: Handler<"DeleteIdentityPool"> = (state, input, { ctx }) => {
  const entry = requirePool(state, input.IdentityPoolId, ctx);
  return { state: removePool(state, entry.pool), output: {} };
};

const listScope = (ctx: Context): string => `pools/${ctx.accountId}/${ctx.region}`;

export const listIdentityPools: Handler<"ListIdentityPools"> = (state, input, { ctx }) => {
  const after = decodeToken(listScope(ctx), input.NextToken);
  const listing = regionListing(state, ctx);
  const poolAt = (seq: number) => {
    const id = listing.idAt(seq);
    return id === undefined ? undefined : state.pools.get(id)?.pool;
  };
  const taken = takePage(0, listing.end, input.MaxResults, (seq) => {
    const pool = poolAt(seq);
    return pool && pool.listSeq > after
      ? { IdentityPoolId: pool.identityPoolId, IdentityPoolName: pool.config.IdentityPoolName }
      : undefined;
  });
  const output: { IdentityPools: typeof taken.page; NextToken?: string } = { IdentityPools: taken.page };
  if (taken.after !== undefined)
    output.NextToken = encodeToken(listScope(ctx), (poolAt(taken.after) as StoredPool).listSeq);
  return { state, output };
};
