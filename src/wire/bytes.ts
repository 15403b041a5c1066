/**
 * UTF-8 bytes of response bodies, cut from shared slabs. A body lives for one call (the SDK decodes it and
 * lets it go), and every new `ArrayBuffer` costs microseconds: Node's own 8 KiB pool takes a new one every
 * few responses, and so would an exact-size array per body. Bodies are views into 256 KiB slabs instead, as
 * Node's pooled Buffers are views into its pool.
 */

/** Bytes per slab. */
const SLAB_SIZE = 256 * 1024;
/**
 * Longer bodies get their own array, so that one body never takes most of a slab. A full 60-item
 * `ListIdentities` page (9 KiB and more) stays under it.
 */
const MAX_CUT = SLAB_SIZE / 8;
/** A UTF-16 code unit is at most three bytes of UTF-8 (a surrogate pair is four for two units). */
const MAX_BYTES_PER_UNIT = 3;

let slab: Buffer = Buffer.alloc(0);
let used = 0;

/** Where a cut of at most `bytes` starts: in the current slab when it fits, else at the start of a new one. */
function reserve(bytes: number): number {
  if (used + bytes > slab.length) {
    slab = Buffer.allocUnsafeSlow(SLAB_SIZE);
    used = 0;
  }
  return used;
}

/** The `length` bytes at `at` as a plain `Uint8Array` view; the next cut starts 8-aligned after them. */
function cut(at: number, length: number): Uint8Array {
  used = (at + length + 7) & ~7;
  return new Uint8Array(slab.buffer, at, length);
}

/**
 * The UTF-8 bytes of `text` from `Buffer.from` (Node's pool for short text, an array of their own for long),
 * as a plain `Uint8Array` view: for bytes kept for long, which a slab would keep alive whole, and for bodies
 * too long to cut from one.
 *
 * @example
 * ```ts
 * pooledBytes("é").byteLength; // 2
 * ```
 */
export function pooledBytes(text: string): Uint8Array {
  const buffer = Buffer.from(text);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The UTF-8 bytes of `text`, as a plain `Uint8Array` that no other body shares.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(bodyBytes('{"IdentityId":"x"}')); // '{"IdentityId":"x"}'
 * ```
 */
export function bodyBytes(text: string): Uint8Array {
  if (text.length * MAX_BYTES_PER_UNIT > MAX_CUT) return pooledBytes(text);
  const at = reserve(text.length * MAX_BYTES_PER_UNIT);
  return cut(at, slab.write(text, at));
}

/**
 * `parts` one after another, as one plain `Uint8Array` that no other body shares.
 *
 * @example
 * ```ts
 * joinedBytes([bodyBytes("[1"), bodyBytes(",2]")]); // the bytes of "[1,2]"
 * ```
 */
export function joinedBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const out = length > MAX_CUT ? new Uint8Array(length) : cut(reserve(length), length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
