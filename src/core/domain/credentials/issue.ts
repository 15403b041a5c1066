/**
 * Issuing temporary credentials: the `Credentials` GetCredentialsForIdentity answers and the
 * {@link CredentialIssue} the fake records. Every value comes from the seeded generator.
 */
import type { IdSource } from "../../ids";
import type { Credentials } from "../../model/model.generated";
import type { CredentialIssue } from "../../state";

/** "The retrieved credentials are valid for one hour". */
export const CREDENTIALS_SECONDS = 3600;

/** Session tokens: base64 text, about as long as STS's. */
const SESSION_TOKEN_LENGTH = 356;

/** Who gets which role, with which tags, when. */
export interface CredentialRequest {
  readonly identityId: string;
  readonly identityPoolId: string;
  /** From `resolveRole`. */
  readonly roleArn: string;
  /** From `principalTagsFor`. */
  readonly principalTags: Readonly<Record<string, string>>;
  /** Epoch milliseconds. */
  readonly now: number;
}

/** The answer's `Credentials` (wire form: `Expiration` in epoch seconds) and the record of the issue. */
export interface IssuedCredentials {
  readonly credentials: Required<Credentials>;
  readonly issued: CredentialIssue;
}

/**
 * Draws a key pair and session token from the generator; they expire an hour from `now`.
 *
 * @example
 * ```ts
 * const { credentials, issued } = issueCredentials(env.ids, {
 *   identityId, identityPoolId: pool.identityPoolId, roleArn, principalTags, now: env.ctx.now,
 * });
 * return { state, output: { IdentityId: identityId, Credentials: credentials }, issued };
 * ```
 */
export function issueCredentials(ids: IdSource, request: CredentialRequest): IssuedCredentials {
  const accessKeyId = ids.accessKeyId();
  const secretKey = ids.secretKey();
  const sessionToken = ids.base64(SESSION_TOKEN_LENGTH);
  const expiration = Math.floor(request.now / 1000) + CREDENTIALS_SECONDS;
  return {
    credentials: {
      AccessKeyId: accessKeyId,
      SecretKey: secretKey,
      SessionToken: sessionToken,
      Expiration: expiration,
    },
    issued: Object.freeze({
      identityId: request.identityId,
      identityPoolId: request.identityPoolId,
      roleArn: request.roleArn,
      accessKeyId,
      expiration: expiration * 1000,
      principalTags: Object.freeze({ ...request.principalTags }),
    }),
  };
}
