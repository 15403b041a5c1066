import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Timing utilities of the benchmark: warm-up, repetitions, medians. Every figure is a median over `repeats`
 * batches of `iterations` calls, in microseconds per call.
 */

/** How long to measure. */
export interface MeasureOptions {
  readonly iterations: number;
  readonly repeats: number;
  readonly warmup: number;
}

/** The repository root, whether this runs from `bench/` (tsx) or from the bundle in `bench/.build/`. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    if (dirname(dir) === dir)
      throw new Error(`no package.json above ${__dirname}: run the bench from the repository`);
    dir = dirname(dir);
  }
  return dir;
}

export const DEFAULT_OPTIONS: MeasureOptions = { iterations: 300, repeats: 5, warmup: 100 };

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Median microseconds per call of an async function. */
export async function timeAsync(
  fn: (i: number) => Promise<unknown>,
  options: MeasureOptions = DEFAULT_OPTIONS,
): Promise<number> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const samples: number[] = [];
  let n = options.warmup;
  for (let r = 0; r < options.repeats; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < options.iterations; i++) await fn(n++);
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / options.iterations);
  }
  return median(samples);
}

/**
 * Several functions measured in rounds of one batch each, in an order that rotates from round to round, so
 * that drift in the machine's state (GC, JIT, other load) falls on all alike. `rounds[r][k]` is the
 * microseconds per call of function `k` in round `r`: a ratio taken within one round is the figure least
 * moved by drift (see {@link medianOfRounds}).
 */
export async function compareMany(
  fns: readonly ((i: number) => unknown)[],
  options: MeasureOptions = DEFAULT_OPTIONS,
): Promise<{ us: number[]; rounds: number[][] }> {
  for (let i = 0; i < options.warmup; i++) for (const fn of fns) await fn(i);
  const batch = Math.max(10, Math.floor(options.iterations / 10));
  const rounds: number[][] = [];
  let n = options.warmup;
  for (let r = 0; r < options.repeats * 10; r++) {
    const times = new Array<number>(fns.length).fill(0);
    for (let j = 0; j < fns.length; j++) {
      // Rotate the starting function and reverse every other round: each one runs first, last, and after each other one.
      const offset = (r >> 1) % fns.length;
      const k = r % 2 === 0 ? (j + offset) % fns.length : (fns.length - 1 - j + offset) % fns.length;
      const fn = fns[k] as (i: number) => unknown;
      const start = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) await fn(n + i);
      times[k] = Number(process.hrtime.bigint() - start) / 1000 / batch;
    }
    rounds.push(times);
    n += batch;
  }
  const us = fns.map((_, k) => median(rounds.map((round) => round[k] as number)));
  return { us, rounds };
}

/** The median over rounds of a figure computed within each round (such as a ratio of two of its times). */
export function medianOfRounds(
  rounds: readonly number[][],
  figure: (round: readonly number[]) => number,
): number {
  return median(rounds.map(figure));
}

/**
 * Two async functions measured in alternating batches (see {@link compareMany}): the median microseconds per
 * call of each, and the median of the per-round ratios a/b.
 */
export async function compareAsync(
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
  options: MeasureOptions = DEFAULT_OPTIONS,
): Promise<{ a: number; b: number; ratio: number }> {
  const { us, rounds } = await compareMany([a, b], options);
  return {
    a: us[0] as number,
    b: us[1] as number,
    ratio: medianOfRounds(rounds, (t) => (t[0] as number) / (t[1] as number)),
  };
}

/** Median microseconds per call of a synchronous function. */
export function timeSync(fn: (i: number) => unknown, options: MeasureOptions = DEFAULT_OPTIONS): number {
  for (let i = 0; i < options.warmup; i++) fn(i);
  const samples: number[] = [];
  let n = options.warmup;
  for (let r = 0; r < options.repeats; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < options.iterations; i++) fn(n++);
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / options.iterations);
  }
  return median(samples);
}

/** Milliseconds one call takes, median of `repeats`, each after `setup` (not timed). */
export function timeOnce<T>(setup: () => T, fn: (value: T) => unknown, repeats = 5): number {
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const value = setup();
    const start = process.hrtime.bigint();
    fn(value);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** One printed row. */
export interface Row {
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The figure divided by its baseline (lower is better), when there is one. */
  readonly ratio?: number;
  readonly baseline?: string;
  /** The target the figure is held to, as text. */
  readonly target?: string;
  readonly met?: boolean;
  /** The ratio the row is held to, when its target is one (see {@link ratioLimit}). */
  readonly limit?: number;
}

/**
 * The members of a row held to a ratio: the limit, its text, and whether `ratio` meets it.
 *
 * @example
 * ```ts
 * rows.push({ group: "jest", name: "…", value: ms, unit: "ms", ratio, ...ratioLimit(ratio, 1.2) });
 * ```
 */
export const ratioLimit = (ratio: number, limit: number): Pick<Row, "limit" | "target" | "met"> => ({
  limit,
  target: `≤ ${limit}x`,
  met: ratio <= limit,
});

/** A figure as printed: three significant digits or fewer decimals past 10 and 100; "–" for NaN, "" for none. */
export const figureText = (n: number | undefined): string =>
  n === undefined
    ? ""
    : Number.isNaN(n)
      ? "–"
      : n >= 100
        ? n.toFixed(0)
        : n >= 10
          ? n.toFixed(1)
          : n.toFixed(2);

/**
 * A ratio as printed: three decimals where two would print its limit itself (against 1.2, 1.204 is missed and
 * 1.196 met; both would print "1.20x").
 *
 * @example
 * ```ts
 * ratioText(1.204, 1.2); // "1.204x"
 * ratioText(1.31, 1.2); // "1.31x"
 * ```
 */
export const ratioText = (ratio: number, limit?: number): string =>
  `${ratio.toFixed(limit !== undefined && ratio.toFixed(2) === limit.toFixed(2) ? 3 : 2)}x`;

/** Prints rows as an aligned table. */
export function printTable(rows: readonly Row[]): void {
  const lines = rows.map((r) => [
    r.group,
    r.name,
    `${figureText(r.value)} ${r.unit}`,
    r.ratio === undefined ? "" : `${ratioText(r.ratio, r.limit)} ${r.baseline ?? ""}`.trim(),
    r.target ? `${r.target} ${r.met ? "met" : "MISSED"}` : "",
  ]);
  const header = ["group", "case", "figure", "ratio", "target"];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(line(l));
}
