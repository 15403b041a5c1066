/**
 * Case 5 (state): snapshot(), restore() and reset() at 1,000 and 100,000 identities; constant time means a
 * ratio near 1.
 */
import { world } from "./fixture";
import { type Row, timeSync } from "./harness";

export function stateRows(quick: boolean): Row[] {
  const options = quick
    ? { iterations: 1000, repeats: 3, warmup: 100 }
    : { iterations: 10_000, repeats: 7, warmup: 1000 };
  const small = world(1000);
  const large = world(100_000);
  const rows: Row[] = [];
  const measure = (name: string, fn: (w: typeof small) => () => void) => {
    const a = timeSync(fn(small), options);
    const b = timeSync(fn(large), options);
    // These are reference assignments: tens of nanoseconds, where a ratio measures noise. The target is an
    // absolute bound that any per-entry work at 100,000 identities would break by orders of magnitude.
    rows.push({
      group: "state",
      name: `${name} @100k (1k: ${a.toFixed(3)} µs)`,
      value: b,
      unit: "µs",
      ratio: b / a,
      baseline: "of 1k",
      target: "constant: < 1 µs at 100k",
      met: b < 1,
    });
  };
  measure("snapshot()", (w) => () => w.fake.snapshot());
  measure("restore()", (w) => {
    const snap = w.fake.snapshot();
    return () => w.fake.restore(snap);
  });
  measure("reset()", (w) => {
    const snap = w.fake.snapshot();
    return () => {
      w.fake.reset();
      w.fake.restore(snap);
    };
  });
  return rows;
}
