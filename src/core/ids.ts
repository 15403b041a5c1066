/**
 * The seeded ID generator. Every generated value (pool and identity GUIDs, access keys, secrets) is a pure
 * function of `(seed, position)`; the position lives in the state, so snapshots and restores rewind it.
 */

/** One 32-bit output of a counter-based mixer (a splitmix-style finaliser over seed and counter). */
function word(seed: number, counter: number): number {
  let x = (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(counter, 0x85ebca6b)) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
/** A 32-bit word as 8 lower-case hex digits (table lookups: this runs for every ID and request). */
const hex8 = (n: number): string =>
  (HEX[n >>> 24] as string) + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Draws values from the generator and remembers how far it went. `dispatch` creates one per command and
 * writes `position` back into the state only when the command succeeds.
 *
 * @example
 * ```ts
 * const ids = new IdSource(1, 0);
 * ids.guid(); // e.g. "0b5c…-…", lower-case, version-4 layout
 * ids.position; // 4: four 32-bit words used
 * ```
 */
export class IdSource {
  constructor(
    private readonly seed: number,
    /** The generator's position: the number of 32-bit words drawn so far. */
    public position: number,
  ) {}

  /** The next 32-bit word. */
  next(): number {
    return word(this.seed, this.position++);
  }

  /** A lower-case version-4 GUID, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`. */
  guid(): string {
    const a = hex8(this.next());
    const b = hex8(this.next());
    const c = hex8(this.next());
    const d = hex8(this.next());
    const variant = "89ab"[Number.parseInt(c[0] as string, 16) & 3];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** `count` bytes, four per 32-bit word. */
  bytes(count: number): Buffer {
    const out = Buffer.allocUnsafe(Math.ceil(count / 4) * 4);
    for (let i = 0; i < out.length; i += 4) out.writeUInt32LE(this.next(), i);
    return out.subarray(0, count);
  }

  /** `length` characters drawn from `alphabet` (ASCII, at most 256 characters), one byte each. */
  string(length: number, alphabet: string): string {
    const bytes = this.bytes(length);
    for (let i = 0; i < length; i++) bytes[i] = alphabet.charCodeAt((bytes[i] as number) % alphabet.length);
    return bytes.toString("latin1");
  }

  /** A temporary access key id: `ASIA` and 16 upper-case letters and digits. */
  accessKeyId(): string {
    return `ASIA${this.string(16, UPPER_ALNUM)}`;
  }

  /** A 40-character secret access key. */
  secretKey(): string {
    return this.string(40, SECRET_CHARS);
  }
}
