/** The reference model: GetOpenIdToken and GetCredentialsForIdentity. */

import { isAuthenticated } from "./base";
import {
  COGNITO,
  checkId,
  checkLoginsShape,
  type Identity,
  invalidParameter,
  type ModelResult,
  MSG,
  notAuthorized,
  type Ref,
  type Region,
  seconds,
  validation,
} from "./common";
import { ReferenceIdentities } from "./identities";
import { defaultRoleOf, principalTagsOf, roleOf } from "./outputs";

export class ReferenceCredentials extends ReferenceIdentities {
  // ---- tokens and credentials ------------------------------------------------------------------------------

  getOpenIdToken(
    ref: Ref,
    logins: Record<string, string> | undefined,
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      const { pool, identity: claimed } = m.requireIdentity(ref, region);
      if (pool.classicFlow === false) throw invalidParameter(MSG.classicFlow);
      // Pool-wide: any role mapping refuses the classic flow, guests included.
      if (pool.mappings.size > 0) throw invalidParameter(MSG.classicRoleMappings);
      const verified = m.verifyAll(pool, logins ?? {}, now);
      const { identity } = m.signIn(pool, verified, now, { claimed });
      const tags = principalTagsOf(pool, verified);
      const iat = seconds(now);
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m } },
        token: { identity: identity.m, pool: pool.m, amr: m.amr(pool, verified), iat, exp: iat + 600, tags },
      };
    });
  }

  getCredentialsForIdentity(
    ref: Ref,
    logins: Record<string, string> | undefined,
    customRoleArn: string | undefined,
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      if (customRoleArn !== undefined && (customRoleArn.length < 20 || customRoleArn.length > 2048))
        throw validation();
      const { pool, identity: claimed } = m.requireIdentity(ref, region);
      const presented = logins ?? {};
      let identity: Identity;
      let roleArn: string;
      let tags: Record<string, string>;
      if (Object.hasOwn(presented, COGNITO)) {
        if (Object.keys(presented).length > 1) throw notAuthorized(MSG.cognitoToken);
        const facts = m.tokens.get(presented[COGNITO] as string);
        if (facts?.kind !== "openid" || !facts.signatureValid) throw notAuthorized(MSG.signature);
        if (facts.pool !== pool.m) throw notAuthorized(MSG.unsupported);
        const nowSec = seconds(now);
        if (nowSec >= facts.exp)
          throw notAuthorized(`Invalid login token. Token expired: ${nowSec} >= ${facts.exp}`);
        if (claimed.disabled) throw m.identityForbidden(claimed);
        if (facts.identity !== claimed.m || facts.amr[0] !== "authenticated" || !isAuthenticated(claimed)) {
          throw notAuthorized(MSG.loginsDontMatch);
        }
        identity = claimed;
        roleArn = defaultRoleOf(pool, true, customRoleArn);
        tags = { ...facts.tags };
      } else {
        const verified = m.verifyAll(pool, presented, now);
        identity = m.signIn(pool, verified, now, { claimed }).identity;
        roleArn = roleOf(pool, isAuthenticated(identity), verified, customRoleArn);
        tags = principalTagsOf(pool, verified);
      }
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m }, Credentials: { Expiration: seconds(now) + 3600 } },
        issued: { identity: identity.m, pool: pool.m, roleArn, tags },
      };
    });
  }
}
