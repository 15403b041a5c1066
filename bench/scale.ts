/**
 * Cases 3 and 4: each operation with 1,000, 10,000 and 100,000 identities already in the pool (ratio
 * 100k/1k), and seeding 100,000 identities through the public seeding API, with memory per identity.
 */
import { createCognitoIdentityFake, type FakeSnapshot } from "../src";
import { command, optionsFor } from "./cases";
import { CLIENT_ID, PROVIDER, type World, world } from "./fixture";
import { fakeClient } from "./floor";
import { compareAsync, DEFAULT_OPTIONS, type MeasureOptions, type Row, ratioLimit } from "./harness";
import { OPERATIONS_UNDER_TEST } from "./operations";

const SIZES = [1000, 10_000, 100_000] as const;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

export async function scaleRows(quick: boolean): Promise<Row[]> {
  const options: MeasureOptions = quick ? { iterations: 100, repeats: 3, warmup: 50 } : DEFAULT_OPTIONS;
  const rows: Row[] = [];
  const worlds = SIZES.map((size) => world(size));
  const clients = worlds.map((w) => fakeClient(w.fake));
  for (const op of OPERATIONS_UNDER_TEST.filter((o) => o.scaleTarget || o.scaled)) {
    const at = (k: number) => (i: number) =>
      (clients[k] as ReturnType<typeof fakeClient>).send(
        command(op.operation, op.input(worlds[k] as World, i)),
      );
    const snapshots = worlds.map((w) => w.fake.snapshot());
    // Each larger world against the 1k world, in alternating batches: the ratio is drift-proof.
    const restore = () => {
      for (const [k, w] of worlds.entries()) w.fake.restore(snapshots[k] as FakeSnapshot);
    };
    const medium = await compareAsync(at(1), at(0), optionsFor(op, options));
    restore();
    const large = await compareAsync(at(2), at(0), optionsFor(op, options));
    restore();
    rows.push({
      group: "scale",
      name: `${op.name} @1k / 10k / 100k`,
      value: large.a,
      unit: `µs/call (${large.b.toFixed(0)} / ${medium.a.toFixed(0)} / ${large.a.toFixed(0)}; 10k/1k ${medium.ratio.toFixed(2)})`,
      ratio: large.ratio,
      baseline: "of 1k",
      ...(op.scaleTarget ? ratioLimit(large.ratio, 1.3) : {}),
    });
  }
  rows.push(...seeding());
  return rows;
}

/** Seeding 100,000 identities with one login each through `seedIdentities`, and the memory they hold. */
function seeding(): Row[] {
  const times: number[] = [];
  let bytes = Number.NaN;
  for (let r = 0; r < 3; r++) {
    const fake = createCognitoIdentityFake({ seed: r });
    const pool = fake.seedIdentityPool({
      IdentityPoolName: "seed",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: CLIENT_ID }],
    });
    const inputs = Array.from({ length: 100_000 }, (_, i) => ({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [PROVIDER]: `user-${i}` },
    }));
    gc();
    const before = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    fake.seedIdentities(inputs);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    gc();
    bytes = (process.memoryUsage().heapUsed - before) / 100_000;
  }
  const ms = [...times].sort((a, b) => a - b)[1] as number;
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === "function";
  return [
    {
      group: "seed",
      name: "seedIdentities: 100,000 identities, one login each",
      value: ms,
      unit: "ms",
      target: "< 1000 ms",
      met: ms < 1000,
    },
    {
      group: "seed",
      name: "memory per identity (one login)",
      value: bytes,
      unit: hasGc ? "bytes" : "bytes (no --expose-gc: rough)",
      target: "≤ 1024 bytes",
      met: bytes <= 1024,
    },
  ];
}
