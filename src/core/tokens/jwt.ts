/**
 * Compact JWS: signing, decoding and verifying with node:crypto (RS256 and RS512).
 */
import { type KeyObject, sign, verify } from "node:crypto";
import { freeze } from "immer";
import { BoundedMemo } from "./memo";

/** A decoded token: header, claims, and the parts its signature covers. */
export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

const HASHES: Readonly<Record<string, string>> = { RS256: "sha256", RS512: "sha512" };

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

/** How many results each memo table below keeps before it starts over. */
const MEMO_LIMIT = 4096;

/** Signatures already made, per key. RS256/RS512 (RSASSA-PKCS1-v1_5) signatures are deterministic. */
const signatures = new WeakMap<KeyObject, BoundedMemo<string, string>>();

/**
 * Signs claims into a compact JWS. An RSA signature costs most of a millisecond, so signatures are remembered
 * per signing input (deterministic, so this changes no token).
 *
 * @example
 * ```ts
 * signJwt({ alg: "RS512", typ: "JWS", kid: "us-east-11" }, { sub: "x" }, identityKey().privateKey);
 * ```
 */
export function signJwt(
  header: Record<string, unknown> & { alg: "RS256" | "RS512" },
  payload: Record<string, unknown>,
  key: KeyObject,
): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  let known = signatures.get(key);
  if (!known) {
    known = new BoundedMemo(MEMO_LIMIT);
    signatures.set(key, known);
  }
  const signature =
    known.get(signingInput) ??
    known.set(
      signingInput,
      sign(HASHES[header.alg] as string, Buffer.from(signingInput), key).toString("base64url"),
    );
  return `${signingInput}.${signature}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Decodes remembered by the token's last characters (its signature): hashing a whole token costs more. */
const decodedTokens = new BoundedMemo<
  string,
  { readonly token: string; readonly decoded: DecodedJwt | undefined }
>(MEMO_LIMIT);
const TAIL = 32;

/**
 * Decodes a compact JWS without checking its signature; `undefined` when it is not one. The result is deeply
 * frozen and remembered per token (at most 4,096), since the same tokens come back call after call.
 */
export function decodeJwt(token: string): DecodedJwt | undefined {
  // The whole token when it is shorter than the tail.
  const tail = token.slice(-TAIL);
  const known = decodedTokens.get(tail);
  if (known?.token === token) return known.decoded;
  return decodedTokens.set(tail, { token, decoded: decodeUncached(token) }).decoded;
}

function decodeUncached(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header: unknown = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
    const payload: unknown = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    if (!isRecord(header) || !isRecord(payload)) return undefined;
    return Object.freeze({
      header: freeze(header, true),
      payload: freeze(payload, true),
      signingInput: `${h}.${p}`,
      signature: Buffer.from(s, "base64url"),
    });
  } catch {
    return undefined;
  }
}

/** Verdicts of signature checks already made, per decoded token (decodes are shared per token string) and key. */
const verdicts = new WeakMap<DecodedJwt, Map<KeyObject, boolean>>();

/**
 * Whether the token's signature verifies with `key` under the algorithm its header names (RS256/RS512 only).
 * An RSA verification costs tens of microseconds, so verdicts are remembered with the decoded token (a pure
 * function of token and key).
 */
export function verifyJwt(decoded: DecodedJwt, key: KeyObject): boolean {
  const hash = HASHES[String(decoded.header.alg)];
  if (!hash) return false;
  let known = verdicts.get(decoded);
  if (!known) {
    known = new Map();
    verdicts.set(decoded, known);
  }
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const verdict = verify(hash, Buffer.from(decoded.signingInput), key, decoded.signature);
  known.set(key, verdict);
  return verdict;
}
