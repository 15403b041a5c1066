/**
 * Identity pools: CreateIdentityPool, DescribeIdentityPool, UpdateIdentityPool, DeleteIdentityPool,
 * ListIdentityPools.
 */
import { invalidParameter, ServiceError } from "../errors";
import type { CreateIdentityPoolInput } from "../model/model.generated";
import { decodeToken, encodeToken, takePage } from "../pagination";
import type { Context, CoreState, StoredPool } from "../state";
import { addPool, poolIdsInRegion, putPool, removePool, requirePool } from "../store/pools";
import type { Env, Handler } from "./handler";
import { buildConfig, poolArn } from "./poolConfig";

/** Identity pools per account and region. */
export const MAX_POOLS_PER_REGION = 1000;

/** Everything a new pool starts with, besides its configuration. */
export interface PoolExtras {
  readonly roles?: StoredPool["roles"];
  readonly roleMappings?: StoredPool["roleMappings"];
  readonly principalTagMaps?: StoredPool["principalTagMaps"];
}

/** Creates a pool record in the caller's region (shared by the API and seeding). */
export function createPool(
  state: CoreState,
  input: CreateIdentityPoolInput,
  env: Env,
  id = env.ids.guid(`${env.ctx.region}:`),
  extras: PoolExtras = {},
): { state: CoreState; pool: StoredPool } {
  const { ctx } = env;
  if (poolIdsInRegion(state, ctx).length >= MAX_POOLS_PER_REGION) {
    throw new ServiceError(
      "LimitExceededException",
      `The number of identity pools in this region has reached the limit of ${MAX_POOLS_PER_REGION}.`,
    );
  }
  if (state.pools.has(id))
    throw new ServiceError("ResourceConflictException", `IdentityPool '${id}' already exists.`);
  const pool: StoredPool = Object.freeze({
    identityPoolId: id,
    accountId: ctx.accountId,
    region: ctx.region,
    arn: poolArn(ctx.region, ctx.accountId, id),
    config: buildConfig(id, input),
    roles: extras.roles ?? Object.freeze({}),
    roleMappings: extras.roleMappings ?? Object.freeze({}),
    principalTagMaps: extras.principalTagMaps ?? Object.freeze({}),
    creationDate: ctx.now,
    listSeq: env.ids.position,
  });
  return { state: addPool(state, pool), pool };
}

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
    throw invalidParameter("Once you have set a developer provider name, you cannot change it.");
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
  function* candidates(): Generator<[number, { IdentityPoolId: string; IdentityPoolName: string }]> {
    for (const id of poolIdsInRegion(state, ctx)) {
      const pool = state.pools.get(id)?.pool;
      if (pool && pool.listSeq > after) {
        yield [
          pool.listSeq,
          { IdentityPoolId: pool.identityPoolId, IdentityPoolName: pool.config.IdentityPoolName },
        ];
      }
    }
  }
  const taken = takePage(candidates(), input.MaxResults);
  const output: { IdentityPools: typeof taken.page; NextToken?: string } = { IdentityPools: taken.page };
  if (taken.after !== undefined) output.NextToken = encodeToken(listScope(ctx), taken.after);
  return { state, output };
};
