/**
 * Plans of pool-level steps.
 */

import {
  arnOf,
  configInput,
  MAPPINGS,
  type Plan,
  PRINCIPAL_TAGS,
  PROVIDERS,
  ROLES,
  TAGS,
} from "./planTables";
import type { ReferenceModel } from "./reference";
import { at, resolvePool } from "./resolve";
import type { Spec } from "./specs";
import type { World } from "./world";

/** The operations on pools, roles, principal-tag maps and tags. */
export type PoolOp =
  | "CreateIdentityPool"
  | "UpdateIdentityPool"
  | "DescribeIdentityPool"
  | "DeleteIdentityPool"
  | "GetIdentityPoolRoles"
  | "ListIdentityPools"
  | "SetIdentityPoolRoles"
  | "SetPrincipalTagAttributeMap"
  | "GetPrincipalTagAttributeMap"
  | "TagResource"
  | "UntagResource"
  | "ListTagsForResource";

/** The plan of a pool-level step. */
export function planPool(world: World, spec: Extract<Spec, { op: PoolOp }>, readOnly: boolean): Plan {
  const _now = world.clock.now;
  switch (spec.op) {
    case "CreateIdentityPool": {
      const input = configInput(spec, `pool ${world.model.pools.length}`);
      if (TAGS[spec.tags]) input.IdentityPoolTags = { ...TAGS[spec.tags] };
      return {
        op: spec.op,
        region: spec.region,
        input: { ...input },
        readOnly,
        model: (m) => m.createIdentityPool(input, spec.region),
      };
    }
    case "UpdateIdentityPool": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const input = configInput(spec, `renamed ${world.clock.now / 1000}`);
      if (TAGS[spec.tags]) input.IdentityPoolTags = { ...TAGS[spec.tags] };
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, ...input },
        readOnly,
        model: (m) => m.updateIdentityPool(pool.ref, input, r),
      };
    }
    case "DescribeIdentityPool":
    case "DeleteIdentityPool":
    case "GetIdentityPoolRoles": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const call = {
        DescribeIdentityPool: (m: ReferenceModel) => m.describeIdentityPool(pool.ref, r),
        DeleteIdentityPool: (m: ReferenceModel) => m.deleteIdentityPool(pool.ref, r),
        GetIdentityPoolRoles: (m: ReferenceModel) => m.getIdentityPoolRoles(pool.ref, r),
      }[spec.op];
      return { op: spec.op, region: r, input: { IdentityPoolId: pool.text }, readOnly, model: call };
    }
    case "ListIdentityPools":
      return {
        op: spec.op,
        region: spec.region,
        input: { MaxResults: spec.max },
        pages: spec.pages,
        readOnly,
        model: (m) => m.listIdentityPools(spec.max, spec.region, spec.pages),
      };
    case "SetIdentityPoolRoles": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const roles = { ...ROLES[spec.roles] };
      const mappings = structuredClone(MAPPINGS[spec.mapping]);
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, Roles: roles, RoleMappings: mappings },
        readOnly,
        model: (m) => m.setIdentityPoolRoles(pool.ref, roles, mappings, r),
      };
    }
    case "SetPrincipalTagAttributeMap": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const provider = PROVIDERS[spec.provider];
      const tags = PRINCIPAL_TAGS[spec.tags] ? { ...PRINCIPAL_TAGS[spec.tags] } : undefined;
      return {
        op: spec.op,
        region: r,
        input: {
          IdentityPoolId: pool.text,
          IdentityProviderName: provider,
          UseDefaults: spec.defaults,
          PrincipalTags: tags,
        },
        readOnly,
        model: (m) => m.setPrincipalTagAttributeMap(pool.ref, provider, spec.defaults, tags, r),
      };
    }
    case "GetPrincipalTagAttributeMap": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const provider = PROVIDERS[spec.provider];
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, IdentityProviderName: provider },
        readOnly,
        model: (m) => m.getPrincipalTagAttributeMap(pool.ref, provider, r),
      };
    }
    case "TagResource":
    case "UntagResource":
    case "ListTagsForResource": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const arn = arnOf(pool, spec.arn, r);
      if (spec.op === "TagResource") {
        const tags = { ...TAGS[spec.tags] };
        return {
          op: spec.op,
          region: r,
          input: { ResourceArn: arn.text, Tags: tags },
          readOnly,
          model: (m) => m.tagResource(arn.model, tags, r),
        };
      }
      if (spec.op === "UntagResource") {
        return {
          op: spec.op,
          region: r,
          input: { ResourceArn: arn.text, TagKeys: spec.keys },
          readOnly,
          model: (m) => m.untagResource(arn.model, spec.keys, r),
        };
      }
      return {
        op: spec.op,
        region: r,
        input: { ResourceArn: arn.text },
        readOnly,
        model: (m) => m.listTagsForResource(arn.model, r),
      };
    }
  }
}
