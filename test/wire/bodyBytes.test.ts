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
    for (const body of bodies) body.fill(0x20);
    const fresh = Array.from({ length: 2000 }, (_, i) => bodyBytes(`{"n":${i}}`));
    expect(fresh.map(text)).toEqual(fresh.map((_, i) => `{"n":${i}}`));
    for (const body of bodies) expect(body.every((byte) => byte === 0x20)).toBe(true);
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
  });

  it("of a frozen output are a copy: changing one body changes neither the next nor the cache", () => {
    const output = Object.freeze({ IdentityId: "us-east-1:x" });
    const first = outputBytes(output);
    first.fill(0x20);
    expect(text(outputBytes(output))).toBe('{"IdentityId":"us-east-1:x"}');
  });
});
