/**
 * Per command, through a real CognitoIdentityClient: the fake with its plug-in against the strict floor and
 * the signed floor (see floor.ts), measured in rotating batches of one run; for token commands, one RS512
 * signature in the same rounds; and the same command through the core alone (`dispatch`).
 */
import { type Context, dispatch } from "../src/core";
import { sdkCommand } from "../test/support/helpers";
import { world } from "./fixture";
import { fakeClient, floorDrift, recordingClient, signedFloorClient, strictFloorClient } from "./floor";
import { compareMany, DEFAULT_OPTIONS, type MeasureOptions, medianOfRounds, timeSync } from "./harness";
import { type BenchOperation, OPERATIONS_UNDER_TEST } from "./operations";
import { rs512Signer } from "./signature";

/** The SDK command of an operation, from its input. */
export const command = sdkCommand;

/** Fewer calls for operations that create pools (1,000 per region at most). */
export const optionsFor = (op: BenchOperation, base: MeasureOptions): MeasureOptions =>
  op.creates ? { iterations: 100, repeats: base.repeats, warmup: 50 } : base;

/** The strict-floor target of every command that mints no OpenID token. */
export const FLOOR_TARGET = 1.2;

/** One command's figures, in microseconds per call. */
export interface CommandRow {
  readonly name: string;
  /** Why the command could not be measured, when it could not. */
  readonly error?: string;
  readonly strictUs: number;
  readonly signedUs: number;
  /** One RS512 signature over a signing input of the token's size (token commands only). */
  readonly signatureUs?: number;
  readonly fakeUs: number;
  /** The fake's own cost: fake − strict floor (− one signature), median over rounds. */
  readonly ownUs: number;
  /** fake / strict floor, or (fake − signature) / strict floor for token commands; median over rounds. */
  readonly ratio: number;
  /** signed floor / strict floor, median over rounds. */
  readonly signedRatio: number;
  readonly target: string;
  readonly met: boolean;
  /** The same command through `dispatch` alone (validation included), state carried forward. */
  readonly coreUs: number;
}

/** The command rows, and what differs between the plug-in's client stack and the strict floor's (nothing, when fair). */
export async function cases(quick: boolean): Promise<{ rows: CommandRow[]; drift: string[] }> {
  const base: MeasureOptions = quick ? { iterations: 100, repeats: 3, warmup: 50 } : DEFAULT_OPTIONS;
  const rows: CommandRow[] = [];
  for (const op of OPERATIONS_UNDER_TEST) rows.push(await commandRow(op, optionsFor(op, base), quick));
  return { rows, drift: floorDrift(world(1).fake) };
}

async function commandRow(op: BenchOperation, options: MeasureOptions, quick: boolean): Promise<CommandRow> {
  const w = world(1000);
  const recorder = recordingClient(w.fake);
  try {
    await recorder.client.send(command(op.operation, op.input(w, 0)));
  } catch (err) {
    const nan = Number.NaN;
    const failed = { strictUs: nan, signedUs: nan, fakeUs: nan, ownUs: nan, ratio: nan, signedRatio: nan };
    return {
      name: op.name,
      error: `fails: ${(err as Error).name}`,
      ...failed,
      target: "",
      met: false,
      coreUs: nan,
    };
  }
  const strict = strictFloorClient(recorder.last());
  const signed = signedFloorClient(recorder.last());
  const client = fakeClient(w.fake);
  const signature = op.mintsToken ? rs512Signer(recorder.last()) : undefined;
  const { us, rounds } = await compareMany(
    [
      (i) => client.send(command(op.operation, op.input(w, i))),
      (i) => strict.send(command(op.operation, op.input(w, i))),
      (i) => signed.send(command(op.operation, op.input(w, i))),
      ...(signature ? [signature] : []),
    ],
    options,
  );
  const [fakeUs, strictUs, signedUs, signatureUs] = us as [number, number, number, number | undefined];
  const sig = (t: readonly number[]) => (signature ? (t[3] as number) : 0);
  const ratio = medianOfRounds(rounds, (t) => ((t[0] as number) - sig(t)) / (t[1] as number));
  return {
    name: op.name,
    strictUs,
    signedUs,
    ...(signatureUs === undefined ? {} : { signatureUs }),
    fakeUs,
    ownUs: medianOfRounds(rounds, (t) => (t[0] as number) - (t[1] as number) - sig(t)),
    ratio,
    signedRatio: medianOfRounds(rounds, (t) => (t[2] as number) / (t[1] as number)),
    target: signature ? `≤ ${FLOOR_TARGET}x + sig` : `≤ ${FLOOR_TARGET}x`,
    met: ratio <= FLOOR_TARGET,
    coreUs: coreUs(op, quick),
  };
}

/** The core alone: `dispatch` on the state, carried forward across calls; microseconds per call. */
function coreUs(op: BenchOperation, quick: boolean): number {
  const w = world(1000);
  const ctx = (): Context => ({ accountId: "123456789012", region: "us-east-1", now: w.now() });
  let state = w.fake.state;
  const options = optionsFor(
    op,
    quick ? { iterations: 200, repeats: 3, warmup: 50 } : { iterations: 2000, repeats: 7, warmup: 500 },
  );
  return timeSync((i) => {
    const input = op.input(w, i);
    const answer = dispatch(state, op.operation, input, ctx());
    if (!answer.result.ok)
      throw new Error(`${op.name}: ${answer.result.error.type} ${answer.result.error.message}`);
    state = answer.state;
  }, options);
}
