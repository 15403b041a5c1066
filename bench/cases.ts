/**
 * Cases 1 and 2: every operation through a real CognitoIdentityClient with the plug-in, against the SDK's
 * floor (same client, canned response of the same size at the same position); and the same operations
 * through the core alone (`dispatch`), in operations per second.
 */
import { type Context, dispatch } from "../src/core";
import { coreStateOf } from "../src/internal";
import { sdkCommand } from "../test/support/helpers";
import { world } from "./fixture";
import { fakeClient, floorClient, recordingClient } from "./floor";
import { compareAsync, DEFAULT_OPTIONS, type MeasureOptions, type Row, timeSync } from "./harness";
import { type BenchOperation, OPERATIONS_UNDER_TEST } from "./operations";

/** The SDK command of an operation, from its input. */
export const command = sdkCommand;

/** Fewer calls for operations that create pools (1,000 per region at most). */
export const optionsFor = (op: BenchOperation, base: MeasureOptions): MeasureOptions =>
  op.creates ? { iterations: 100, repeats: base.repeats, warmup: 50 } : base;

/** Per operation: the fake through the SDK, the floor, their ratio; and the core alone. */
export async function cases(quick: boolean): Promise<Row[]> {
  const base: MeasureOptions = quick ? { iterations: 100, repeats: 3, warmup: 50 } : DEFAULT_OPTIONS;
  const rows: Row[] = [];
  for (const op of OPERATIONS_UNDER_TEST) {
    const options = optionsFor(op, base);
    const w = world(1000);
    const recorder = recordingClient(w.fake);
    try {
      await recorder.client.send(command(op.operation, op.input(w, 0)));
    } catch (err) {
      rows.push({
        group: "sdk",
        name: op.name,
        value: Number.NaN,
        unit: `µs/call (fails: ${(err as Error).name})`,
      });
      continue;
    }
    const floor = floorClient(recorder.last());
    const client = fakeClient(w.fake);
    const {
      a: fakeUs,
      b: floorUs,
      ratio,
    } = await compareAsync(
      (i) => client.send(command(op.operation, op.input(w, i))),
      (i) => floor.send(command(op.operation, op.input(w, i))),
      options,
    );
    rows.push({ group: "sdk", name: `${op.name} — floor`, value: floorUs, unit: "µs/call" });
    rows.push({
      group: "sdk",
      name: op.name,
      value: fakeUs,
      unit: "µs/call",
      ratio,
      baseline: "of floor",
      target: "≤ 1.3x",
      met: ratio <= 1.3,
    });
    rows.push(coreRow(op, quick));
  }
  return rows;
}

/** The core alone: `dispatch` on the state, carried forward across calls. */
function coreRow(op: BenchOperation, quick: boolean): Row {
  const w = world(1000);
  const ctx: Context = {
    accountId: "123456789012",
    region: "us-east-1",
    now: Date.parse("2026-06-01T00:00:00Z"),
  };
  let state = coreStateOf(w.fake);
  const options = optionsFor(
    op,
    quick ? { iterations: 200, repeats: 3, warmup: 50 } : { iterations: 2000, repeats: 7, warmup: 500 },
  );
  const us = timeSync((i) => {
    const answer = dispatch(state, op.operation, op.input(w, i), ctx);
    if (!answer.result.ok)
      throw new Error(`${op.name}: ${answer.result.error.type} ${answer.result.error.message}`);
    state = answer.state;
  }, options);
  return { group: "core", name: op.name, value: 1e6 / us, unit: "ops/s" };
}
