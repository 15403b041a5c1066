/**
 * Compact JWS: signing, decoding and verifying with node:crypto (RS256 and RS512).
 */
import { type KeyObject, sign, verify } from "node:crypto";

/** A decoded token: header, claims, and the parts its signature covers. */
export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

const HASHES: Readonly<Record<string, string>> = { RS256: "sha256", RS512: "sha512" };

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

/**
 * Signs claims into a compact JWS.
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
  const signature = sign(HASHES[header.alg] as string, Buffer.from(signingInput), key);
  return `${signingInput}.${signature.toString("base64url")}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Decodes a compact JWS without checking its signature; `undefined` when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header: unknown = JSON.parse(Buffer.from(h, "base64url").toString("utf8"));
    const payload: unknown = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
    if (!isRecord(header) || !isRecord(payload)) return undefined;
    return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, "base64url") };
  } catch {
    return undefined;
  }
}

/** Whether the token's signature verifies with `key` under the algorithm its header names (RS256/RS512 only). */
export function verifyJwt(decoded: DecodedJwt, key: KeyObject): boolean {
  const hash = HASHES[String(decoded.header.alg)];
  if (!hash) return false;
  return verify(hash, Buffer.from(decoded.signingInput), key, decoded.signature);
}
