/** The reference model: the identity operations. */
import {
  ACCOUNT,
  checkId,
  checkLoginsShape,
  checkQueryLimit,
  invalidParameter,
  type ModelResult,
  MSG,
  notAuthorized,
  type Ref,
  type Region,
  validation,
} from "./common";
import { ReferencePools } from "./pools";

export class ReferenceIdentities extends ReferencePools {
  // ---- identities ------------------------------------------------------------------------------------------

  getId(
    ref: Ref,
    logins: Record<string, string> | undefined,
    accountId: string | undefined,
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      if (accountId !== undefined && !/^\d{1,15}$/.test(accountId)) throw validation();
      if (accountId !== undefined && accountId !== ACCOUNT) throw m.poolNotFound(ref);
      const pool = m.requirePool(ref, region);
      const verified = m.verifyAll(pool, logins ?? {}, now);
      const { identity, created } = m.signIn(pool, verified, now);
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m } },
        ...(created ? { created: { identity: identity.m } } : {}),
      };
    });
  }

  describeIdentity(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      return { ok: true, output: m.describeOf(m.requireIdentity(ref, region).identity) };
    });
  }

  listIdentities(
    ref: Ref,
    maxResults: number,
    hideDisabled: boolean | undefined,
    region: Region,
    pages: 1 | "all",
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkQueryLimit(maxResults, true);
      const pool = m.requirePool(ref, region);
      const all = m
        .live(pool)
        .filter((i) => !(hideDisabled && i.disabled))
        .map((i) => m.describeOf(i));
      if (pages === "all")
        return { ok: true, output: { IdentityPoolId: { $pool: pool.m }, Identities: all } };
      const output: Record<string, unknown> = {
        IdentityPoolId: { $pool: pool.m },
        Identities: all.slice(0, maxResults),
      };
      if (all.length > maxResults) output.NextToken = true;
      return { ok: true, output };
    });
  }

  deleteIdentities(refs: readonly Ref[], region: Region): ModelResult {
    return this.apply((m) => {
      if (refs.length < 1 || refs.length > 60) throw validation();
      for (const ref of refs) checkId(ref, true);
      for (const ref of refs) {
        const found = m.findIdentity(ref, region);
        if (found) {
          found.identity.deleted = true;
          found.identity.logins = new Map();
          found.identity.devUsers = [];
        }
      }
      return { ok: true, output: { UnprocessedIdentityIds: [] } };
    });
  }

  unlinkIdentity(
    ref: Ref,
    logins: Record<string, string>,
    remove: readonly string[],
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      if (remove.some((p) => p.length < 1 || p.length > 128)) throw validation();
      const { pool, identity } = m.requireIdentity(ref, region);
      if (identity.disabled) throw m.identityForbidden(identity);
      const proofs = m.verifyAll(pool, logins, now);
      if (proofs.length === 0 || proofs.some((p) => m.loginOwner(pool, p.provider, p.user) !== identity)) {
        throw notAuthorized(MSG.loginsDontMatch);
      }
      for (const p of remove) {
        if (!identity.logins.has(p)) {
          throw invalidParameter(
            `Login '${p}' is not linked to identity '${m.idText("identity", identity.m)}'.`,
          );
        }
      }
      if (remove.length > 0) m.unlink(identity, remove, [], now);
      return { ok: true, output: {} };
    });
  }
}
