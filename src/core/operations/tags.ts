/**
 * Tags of identity pools: TagResource, UntagResource, ListTagsForResource. A pool is named by its ARN,
 * `arn:aws:cognito-identity:<region>:<account>:identitypool/<pool id>`.
 */
import { checkTags } from "../domain/poolConfig";
import { errors } from "../errors";
import type { CoreState, Env, PoolEntry } from "../state";
import { findPool, putPool } from "../store/pools";
import type { Handler } from "./handler";

const POOL_ARN = /^arn:aws[\w-]*:cognito-identity:([a-z0-9-]+):(\d{12}):identitypool\/([\w-]+:[0-9a-f-]+)$/;

/** The pool an ARN names, in the caller's account and region. */
function poolOfArn(state: CoreState, arn: string, { ctx }: Env): PoolEntry {
  const match = POOL_ARN.exec(arn);
  if (!match) throw errors.invalidArn(arn);
  const [, region, account, id] = match as unknown as [string, string, string, string];
  const entry = region === ctx.region && account === ctx.accountId ? findPool(state, id, ctx) : undefined;
  if (!entry) throw errors.poolNotFound(id);
  return entry;
}

function withTags(state: CoreState, entry: PoolEntry, tags: Record<string, string>): CoreState {
  checkTags(tags);
  const config = Object.freeze({ ...entry.pool.config, IdentityPoolTags: Object.freeze(tags) });
  return putPool(state, { ...entry, pool: Object.freeze({ ...entry.pool, config }) });
}

export const tagResource: Handler<"TagResource"> = (state, input, env) => {
  const entry = poolOfArn(state, input.ResourceArn, env);
  const tags = { ...entry.pool.config.IdentityPoolTags, ...(input.Tags ?? {}) };
  return { state: withTags(state, entry, tags), output: {} };
};

export const untagResource: Handler<"UntagResource"> = (state, input, env) => {
  const entry = poolOfArn(state, input.ResourceArn, env);
  const drop = new Set(input.TagKeys ?? []);
  const tags = Object.fromEntries(
    Object.entries(entry.pool.config.IdentityPoolTags ?? {}).filter(([k]) => !drop.has(k)),
  );
  return { state: withTags(state, entry, tags), output: {} };
};

export const listTagsForResource: Handler<"ListTagsForResource"> = (state, input, env) => ({
  state,
  output: { Tags: poolOfArn(state, input.ResourceArn, env).pool.config.IdentityPoolTags ?? {} },
});
