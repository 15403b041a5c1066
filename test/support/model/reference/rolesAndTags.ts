/** The reference model: roles, principal-tag maps and tags. */

import {
  ACCOUNT,
  checkId,
  FACEBOOK,
  ID_PATTERN,
  invalidParameter,
  type ModelResult,
  MSG,
  type Pool,
  type PoolArn,
  type Ref,
  type Region,
  ROLE_ARN,
  type RoleMappingInput,
  roleForbidden,
  USER_POOL,
} from "./common";
import { ReferenceDeveloper } from "./developer";
import { checkTags } from "./pools";

export class ReferenceRolesAndTags extends ReferenceDeveloper {
  // ---- roles, principal tags, tags -------------------------------------------------------------------------

  setIdentityPoolRoles(
    ref: Ref,
    roles: Record<string, string>,
    mappings: Record<string, RoleMappingInput> | undefined,
    region: Region,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      for (const arn of Object.values(roles)) {
        if (!ROLE_ARN.test(arn)) throw roleForbidden(arn);
      }
      for (const [key, mapping] of Object.entries(mappings ?? {})) {
        const allowed =
          (key === FACEBOOK && pool.facebook !== undefined) ||
          (pool.userPoolClient !== undefined && key === `${USER_POOL}:${pool.userPoolClient}`);
        if (!allowed) {
          throw invalidParameter(
            `${key} is not a valid RoleMapping ProviderName or is not a configured provider.`,
          );
        }
        if (mapping.AmbiguousRoleResolution === undefined) {
          throw invalidParameter(`AmbiguousRoleResolution must be specified for the role mapping of ${key}.`);
        }
        for (const rule of mapping.RulesConfiguration?.Rules ?? []) {
          if (!ROLE_ARN.test(rule.RoleARN)) throw roleForbidden(rule.RoleARN);
        }
      }
      pool.roles = new Map(Object.entries(roles));
      pool.mappings = new Map(Object.entries(mappings ?? {}));
      return { ok: true, output: {} };
    });
  }

  getIdentityPoolRoles(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      const output: Record<string, unknown> = {
        IdentityPoolId: { $pool: pool.m },
        Roles: Object.fromEntries(pool.roles),
      };
      if (pool.mappings.size > 0) output.RoleMappings = Object.fromEntries(pool.mappings);
      return { ok: true, output };
    });
  }

  setPrincipalTagAttributeMap(
    ref: Ref,
    provider: string,
    useDefaults: boolean | undefined,
    tags: Record<string, string> | undefined,
    region: Region,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      const configured = [
        ...(pool.facebook !== undefined ? [FACEBOOK] : []),
        ...(pool.userPoolClient !== undefined ? [USER_POOL] : []),
      ];
      if (!configured.includes(provider)) throw invalidParameter(MSG.providerNotConfigured);
      const record = { useDefaults: useDefaults ?? false, tags: { ...(tags ?? {}) } };
      pool.tagMaps.set(provider, record);
      return {
        ok: true,
        output: {
          IdentityPoolId: { $pool: pool.m },
          IdentityProviderName: provider,
          UseDefaults: record.useDefaults,
          PrincipalTags: record.tags,
        },
      };
    });
  }

  getPrincipalTagAttributeMap(ref: Ref, provider: string, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      const configured =
        (provider === FACEBOOK && pool.facebook !== undefined) ||
        (provider === USER_POOL && pool.userPoolClient !== undefined);
      if (!configured) throw invalidParameter(MSG.providerNotConfigured);
      const record = pool.tagMaps.get(provider);
      return {
        ok: true,
        output: {
          IdentityPoolId: { $pool: pool.m },
          IdentityProviderName: provider,
          UseDefaults: record?.useDefaults ?? false,
          PrincipalTags: record?.tags ?? {},
        },
      };
    });
  }

  /** The pool an ARN names, in this account and region. */
  protected poolOfArn(arn: PoolArn, region: Region): Pool {
    if ("malformed" in arn) throw invalidParameter(`Invalid ARN: ${arn.malformed}`);
    if ("raw" in arn.pool && !ID_PATTERN.test(arn.pool.raw))
      throw invalidParameter(`Invalid ARN: ${arn.text}`);
    const pool =
      arn.account === ACCOUNT && arn.region === region ? this.findPool(arn.pool, region) : undefined;
    if (!pool) throw this.poolNotFound(arn.pool);
    return pool;
  }

  tagResource(arn: PoolArn, tags: Record<string, string>, region: Region): ModelResult {
    return this.apply((m) => {
      const pool = m.poolOfArn(arn, region);
      const next = new Map([...pool.tags, ...Object.entries(tags)]);
      checkTags(Object.fromEntries(next));
      pool.tags = next;
      return { ok: true, output: {} };
    });
  }

  untagResource(arn: PoolArn, keys: readonly string[], region: Region): ModelResult {
    return this.apply((m) => {
      const pool = m.poolOfArn(arn, region);
      for (const k of keys) pool.tags.delete(k);
      return { ok: true, output: {} };
    });
  }

  listTagsForResource(arn: PoolArn, region: Region): ModelResult {
    return this.apply((m) => ({
      ok: true,
      output: { Tags: Object.fromEntries(m.poolOfArn(arn, region).tags) },
    }));
  }
}
