/**
 * Response bodies cut from shared slabs (`src/wire/bytes.ts`): each body holds exactly the UTF-8 of its text,
 * shares no byte with another body, and survives the slab moving on; long bodies get arrays of their own.
 */
import { bodyBytes, joinedBytes } from "../../src/wire/bytes";
import { outputBytes } from "../../src/wire/protocol";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("body bytes", () => {
  it("are the UTF-8 of the text, as Buffer.from encodes it (multi-byte characters and lone surrogates too)", () => {
    for (const value of [
      '{"a":"x"}',
      "é€😀",
      "\ud800 lone",
      "",
      "z".repeat(8191),
      "w".repeat(20_000),
      "€".repeat(3000),
    ]) {
      const bytes = bodyBytes(value);
      expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
      expect(Buffer.from(bytes).equals(Buffer.from(value, "utf8"))).toBe(true);
    }
  });

  it("share no byte with another body, across many slabs", () => {
    const bodies = Array.from({ length: 2000 }, (_, i) =>
      bodyBytes(`{"n":${i},"pad":"${"p".repeat(i % 300)}"}`),
    );
    expect(bodies.map(text)).toEqual(bodies.map((_, i) => `{"n":${i},"pad":"${"p".repeat(i % 300)}"}`));
    for (const body of bodies) body.fill(0x20);
    const fresh = Array.from({ length: 2000 }, (_, i) => bodyBytes(`{"n":${i}}`));
    expect(fresh.map(text)).toEqual(fresh.map((_, i) => `{"n":${i}}`));
    for (const body of bodies) expect(body.every((byte) => byte === 0x20)).toBe(true);
  });

  it("are whole at the end of a slab: a body that does not fit starts the next slab", () => {
    // 1,200 bytes each, from the start of a slab (after the first rollover) up to its end: 262,144 bytes leave
    // 544 at the end, too few for one more.
    const bodies = Array.from({ length: 500 }, (_, i) => bodyBytes(`${i}`.padEnd(1200, "x")));
    expect(bodies.map(text)).toEqual(bodies.map((_, i) => `${i}`.padEnd(1200, "x")));
  });

  it("fill a slab to its last byte: eight cuts of 32 KiB make one slab", () => {
    const cut = () => joinedBytes([new Uint8Array(32 * 1024).fill(0x61)]);
    let first = cut();
    for (let i = 0; i < 8 && first.byteOffset !== 0; i++) first = cut();
    expect(first.byteOffset).toBe(0);
    const rest = Array.from({ length: 7 }, cut);
    expect(rest.map((body) => body.buffer === first.buffer)).toEqual(Array(7).fill(true));
    expect(rest[6]?.byteOffset).toBe(7 * 32 * 1024);
  });

  it("of short texts share slabs: no ArrayBuffer of their own per body", () => {
    // 5,000 characters: past the size Node pools Buffer.from's arrays, within a slab's cut.
    const buffers = Array.from({ length: 3 }, () => bodyBytes("s".repeat(5000)).buffer);
    expect(buffers[1] === buffers[0] || buffers[2] === buffers[1]).toBe(true);
    const joined = Array.from({ length: 3 }, () => joinedBytes([bodyBytes("[1"), bodyBytes("]")]).buffer);
    expect(joined[1] === joined[0] || joined[2] === joined[1]).toBe(true);
  });

  it("of a long text live in an array of their own", () => {
    const long = bodyBytes("y".repeat(40_000));
    const next = bodyBytes("next");
    expect(long.buffer).not.toBe(next.buffer);
    expect(text(long)).toBe("y".repeat(40_000));
  });

  it("joined, hold the parts in order, short or long, and leave the parts as they were", () => {
    const parts = [bodyBytes("[1"), bodyBytes(",2"), bodyBytes("]")];
    expect(text(joinedBytes(parts))).toBe("[1,2]");
    expect(parts.map(text)).toEqual(["[1", ",2", "]"]);
    const big = Array.from({ length: 200 }, (_, i) => bodyBytes(`${i}`.repeat(300)));
    expect(text(joinedBytes(big))).toBe(big.map(text).join(""));
    expect(joinedBytes([]).byteLength).toBe(0);
    const huge = Array.from({ length: 30 }, (_, i) => bodyBytes(`${i % 10}`.repeat(10_000)));
    expect(text(joinedBytes(huge))).toBe(huge.map(text).join(""));
  });

  it("of a frozen output are a copy: changing one body changes neither the next nor the cache", () => {
    const output = Object.freeze({ IdentityId: "us-east-1:x" });
    const first = outputBytes(output);
    first.fill(0x20);
    expect(text(outputBytes(output))).toBe('{"IdentityId":"us-east-1:x"}');
  });
});
