/**
 * Plans of identity-level steps.
 */

import { DEV, DEV_OTHER, ROLE_AUTH, ROLE_OTHER, ROLE_PREFERRED } from "./constants";
import type { PoolOp } from "./planPools";
import { type Plan, sibling } from "./planTables";
import { ACCOUNT } from "./reference";
import { at, loginsOf, resolveIdentity, resolvePool } from "./resolve";
import type { Spec } from "./specs";
import type { World } from "./world";

/** The plan of an identity-level step (sign-in, tokens, credentials, developer identities). */
export function planIdentity(
  world: World,
  spec: Exclude<Spec, { op: PoolOp | "Checkpoint" | "Restore" }>,
  readOnly: boolean,
): Plan {
  const now = world.clock.now;
  switch (spec.op) {
    case "GetId": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const l = spec.logins.length > 0 || spec.sendEmpty ? loginsOf(world, spec.logins) : undefined;
      const account =
        spec.account === undefined
          ? undefined
          : { ok: ACCOUNT, other: "999999999999", bad: "acct" }[spec.account];
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, Logins: l, AccountId: account },
        readOnly,
        model: (m) => m.getId(pool.ref, l, account, r, now),
      };
    }
    case "GetOpenIdToken": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      const l = loginsOf(world, spec.logins, id);
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, Logins: l },
        readOnly,
        model: (m) => m.getOpenIdToken(id.ref, l, r, now),
      };
    }
    case "GetCredentialsForIdentity": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      const l = loginsOf(world, spec.logins, id);
      const custom =
        spec.custom === undefined
          ? undefined
          : { auth: ROLE_AUTH, other: ROLE_OTHER, preferred: ROLE_PREFERRED }[spec.custom];
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, Logins: l, CustomRoleArn: custom },
        readOnly,
        model: (m) => m.getCredentialsForIdentity(id.ref, l, custom, r, now),
      };
    }
    case "GetOpenIdTokenForDeveloperIdentity": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const l = loginsOf(world, spec.logins);
      const id = spec.id === undefined ? undefined : resolveIdentity(world, spec.id);
      const tags = spec.tags ? { dept: "eng" } : undefined;
      return {
        op: spec.op,
        region: r,
        input: {
          IdentityPoolId: pool.text,
          IdentityId: id?.text,
          Logins: l,
          TokenDuration: spec.duration,
          PrincipalTags: tags,
        },
        readOnly,
        model: (m) =>
          m.getOpenIdTokenForDeveloperIdentity(
            {
              IdentityPoolId: pool.ref,
              IdentityId: id?.ref,
              Logins: l,
              TokenDuration: spec.duration,
              PrincipalTags: tags,
            },
            r,
            now,
          ),
      };
    }
    case "LookupDeveloperIdentity": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const id = spec.id === undefined ? undefined : resolveIdentity(world, spec.id);
      return {
        op: spec.op,
        region: r,
        input: {
          IdentityPoolId: pool.text,
          IdentityId: id?.text,
          DeveloperUserIdentifier: spec.user,
          MaxResults: spec.max,
        },
        readOnly,
        model: (m) =>
          m.lookupDeveloperIdentity(
            {
              IdentityPoolId: pool.ref,
              IdentityId: id?.ref,
              DeveloperUserIdentifier: spec.user,
              MaxResults: spec.max,
            },
            r,
          ),
      };
    }
    case "MergeDeveloperIdentities": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      const input = {
        SourceUserIdentifier: spec.source,
        DestinationUserIdentifier:
          spec.destination === "sibling" ? sibling(world, pool, spec.source) : spec.destination,
        DeveloperProviderName: spec.other ? DEV_OTHER : DEV,
      };
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, ...input },
        readOnly,
        model: (m) => m.mergeDeveloperIdentities({ IdentityPoolId: pool.ref, ...input }, r, now),
      };
    }
    case "UnlinkDeveloperIdentity": {
      const id = resolveIdentity(world, spec.id);
      const pool = resolvePool(world, spec.poolOfId ? { k: "ofId", id: spec.id } : spec.pool);
      const r = at(pool.home, spec.where);
      const input = {
        DeveloperProviderName: spec.other ? DEV_OTHER : DEV,
        DeveloperUserIdentifier: spec.user,
      };
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, IdentityPoolId: pool.text, ...input },
        readOnly,
        model: (m) =>
          m.unlinkDeveloperIdentity({ IdentityId: id.ref, IdentityPoolId: pool.ref, ...input }, r, now),
      };
    }
    case "UnlinkIdentity": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      const l = loginsOf(world, spec.logins, id);
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text, Logins: l, LoginsToRemove: spec.remove },
        readOnly,
        model: (m) => m.unlinkIdentity(id.ref, l, spec.remove, r, now),
      };
    }
    case "DescribeIdentity": {
      const id = resolveIdentity(world, spec.id);
      const r = at(id.home, spec.where);
      return {
        op: spec.op,
        region: r,
        input: { IdentityId: id.text },
        readOnly,
        model: (m) => m.describeIdentity(id.ref, r),
      };
    }
    case "ListIdentities": {
      const pool = resolvePool(world, spec.pool);
      const r = at(pool.home, spec.where);
      return {
        op: spec.op,
        region: r,
        input: { IdentityPoolId: pool.text, MaxResults: spec.max, HideDisabled: spec.hide },
        pages: spec.pages,
        readOnly,
        model: (m) => m.listIdentities(pool.ref, spec.max, spec.hide, r, spec.pages),
      };
    }
    case "DeleteIdentities": {
      const ids = spec.ids.map((s) => resolveIdentity(world, s));
      const r = at(ids[0]?.home ?? "us-east-1", spec.where);
      return {
        op: spec.op,
        region: r,
        input: { IdentityIdsToDelete: ids.map((i) => i.text) },
        readOnly,
        model: (m) =>
          m.deleteIdentities(
            ids.map((i) => i.ref),
            r,
          ),
      };
    }
  }
}
