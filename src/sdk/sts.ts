/**
 * "Which role": STS `GetCallerIdentity` signed with credentials the fake issued answers the assumed-role
 * identity those credentials carry, in STS's own wire format (awsQuery: a form-encoded request, an XML
 * response). Every other STS request is left alone.
 */
import { createHash, randomUUID } from "node:crypto";

/** What a fake knows of an access key it issued. */
export interface IssuedKey {
  readonly roleArn: string;
  /** Epoch milliseconds. */
  readonly expiration: number;
}

/** The caller identity of a role session, as `GetCallerIdentity` answers it. */
export interface CallerIdentity {
  readonly Account: string;
  readonly Arn: string;
  readonly UserId: string;
}

/** The role session name Cognito Identity gives the sessions it creates. */
export const SESSION_NAME = "CognitoIdentityCredentials";
const ROLE_ARN = /^arn:([\w-]+):iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A stable, role-id-shaped id (`AROA` + 17 characters) for a role ARN. */
function roleId(roleArn: string): string {
  const digest = createHash("sha256").update(roleArn).digest();
  let id = "AROA";
  for (let i = 0; i < 17; i++) id += BASE32[(digest[i] ?? 0) % 32];
  return id;
}

/**
 * The identity of a session of `roleArn` opened by Cognito Identity.
 *
 * @example
 * ```ts
 * callerIdentity("arn:aws:iam::123456789012:role/guest").Arn;
 * // "arn:aws:sts::123456789012:assumed-role/guest/CognitoIdentityCredentials"
 * ```
 */
export function callerIdentity(roleArn: string): CallerIdentity {
  const [, partition = "aws", account = "", name = roleArn] = ROLE_ARN.exec(roleArn) ?? [];
  return {
    Account: account,
    Arn: `arn:${partition}:sts::${account}:assumed-role/${name}/${SESSION_NAME}`,
    UserId: `${roleId(roleArn)}:${SESSION_NAME}`,
  };
}

/** The access key id of a SigV4 `Authorization` header (`… Credential=<key>/<date>/<region>/sts/aws4_request, …`). */
const accessKeyOf = (authorization: string | null): string | undefined =>
  /Credential=([A-Z0-9]+)\//.exec(authorization ?? "")?.[1];

const xml = (status: number, body: string): Response =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`, {
    status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": randomUUID() },
  });

/**
 * The answer to an STS request, when it is a `GetCallerIdentity` signed with a key `lookup` knows;
 * `undefined` otherwise (the request then goes on untouched). An expired key answers `ExpiredToken`.
 *
 * @example
 * ```ts
 * const response = await answerSts(request, (key) => issued.get(key), () => Date.now());
 * ```
 */
export async function answerSts(
  request: Request,
  lookup: (accessKeyId: string) => IssuedKey | undefined,
  now: () => number,
): Promise<Response | undefined> {
  const key = accessKeyOf(request.headers.get("authorization"));
  const issued = key === undefined ? undefined : lookup(key);
  if (!issued || request.method !== "POST") return undefined;
  const form = new URLSearchParams(await request.clone().text());
  if (form.get("Action") !== "GetCallerIdentity") return undefined;
  const requestId = randomUUID();
  if (now() >= issued.expiration) {
    return xml(
      400,
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    );
  }
  const who = callerIdentity(issued.roleArn);
  return xml(
    200,
    `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${who.Arn}</Arn><UserId>${who.UserId}</UserId><Account>${who.Account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  );
}
