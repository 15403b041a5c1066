/**
 * Per command, through a real CognitoIdentityClient: the fake with its plug-in against the strict floor and
 * the signed floor (see floor.ts), measured in rotating batches of one run; for a command with one
 * cryptographic step (an RS512 signature for a new OpenID token, an RS256 verification for a login token not
 * seen before), that step in the same rounds, on its own and right after a strict-floor call (the fake runs it
 * between SDK calls, where it costs more than call after call); and the same command through the core alone
 * (`dispatch`).
 */
import { type Context, dispatch } from "../src/core";
import { coreStateOf } from "../src/internal";
import { sdkCommand } from "../test/support/helpers";
import { ACCOUNT, type World, world } from "./fixture";
import {
  fakeClient,
  floorDrift,
  recordingClient,
  signedFloorClient,
  strictFloorClient,
  wireOnlyClient,
} from "./floor";
import { compareMany, type MeasureOptions, medianOfRounds } from "./harness";
import { type BenchOperation, OPERATIONS_UNDER_TEST } from "./operations";
import { rs256Verifier, rs512Signer } from "./signature";

/** The SDK command of an operation, from its input. */
export const command = sdkCommand;

/**
 * A command row's measurement: 150 rounds of 30 calls after 1,000 calls of warm-up per function. On this
 * class of VM the floor of one command moves by up to 2x between runs minutes apart, and with 50 rounds a
 * row's median ratio moved by up to ±0.1; three times the rounds narrow the median's spread. 1,000 calls let
 * V8 optimize the fake's code for the command, as the SDK's code already is from earlier rows (with 100, a row
 * measured the same command at 1.34x in a fresh process and at 1.11x right after).
 */
export const COMMAND_OPTIONS: MeasureOptions = { iterations: 300, repeats: 15, warmup: 1000 };

/** Fewer calls for operations that create pools (1,000 per region at most). */
export const optionsFor = (op: BenchOperation, base: MeasureOptions): MeasureOptions =>
  op.creates ? { iterations: 100, repeats: Math.min(base.repeats, 5), warmup: 50 } : base;

/** The strict-floor target of every command that mints no OpenID token. */
export const FLOOR_TARGET = 1.2;

/** One command's figures, in microseconds per call. */
export interface CommandRow {
  readonly name: string;
  /** Why the command could not be measured, when it could not. */
  readonly error?: string;
  readonly strictUs: number;
  readonly signedUs: number;
  /** The command's one cryptographic step, if any: an RS512 signature (`sig`) or an RS256 verification. */
  readonly crypto?: "sig" | "verify";
  /**
   * That step as the fake pays it: made right after a strict-floor call, less that call (caches as the SDK
   * leaves them). A signature is taken off the fake's time before the ratio; a verification is only shown.
   */
  readonly cryptoUs?: number;
  /** The same step on its own, call after call (warm caches): a lower figure. */
  readonly cryptoAloneUs?: number;
  readonly fakeUs: number;
  /** The fake's own cost: fake − strict floor (− one signature as the fake pays it), median over rounds. */
  readonly ownUs: number;
  /** fake / strict floor, or (fake − signature) / strict floor for token commands; median over rounds. */
  readonly ratio: number;
  /** signed floor / strict floor, median over rounds. */
  readonly signedRatio: number;
  readonly target: string;
  readonly met: boolean;
  /** The same command through `dispatch` alone (validation included, state carried forward; − one signature). */
  readonly coreUs: number;
  /** What the wire-only answerer (floor.ts) costs over the strict floor: the protocol alone, µs per call. */
  readonly wireUs: number;
  /** wire-only answerer / strict floor, median over rounds: the part of the ratio no in-process fake avoids. */
  readonly wireRatio: number;
}

/** The command rows, and what differs between the plug-in's client stack and the strict floor's (nothing, when fair). */
export async function cases(quick: boolean): Promise<{ rows: CommandRow[]; drift: string[] }> {
  const base: MeasureOptions = quick ? { iterations: 100, repeats: 3, warmup: 50 } : COMMAND_OPTIONS;
  const rows: CommandRow[] = [];
  for (const op of OPERATIONS_UNDER_TEST) rows.push(await commandRow(op, optionsFor(op, base)));
  return { rows, drift: floorDrift(world(1).fake) };
}

async function commandRow(op: BenchOperation, options: MeasureOptions): Promise<CommandRow> {
  const w = world(1000, op.worldTokens);
  const recorder = recordingClient(w.fake);
  try {
    await recorder.client.send(command(op.operation, op.input(w, 0)));
    const strict = strictFloorClient(recorder.last());
    const signed = signedFloorClient(recorder.last());
    const client = fakeClient(w.fake);
    const wireOnly = wireOnlyClient(recorder.last());
    // The one cryptographic step of the command, measured on its own and right after a strict-floor call: the
    // fake runs it between SDK calls, where it costs more than call after call (caches as the SDK left them).
    const crypto = op.mintsToken
      ? rs512Signer(recorder.last())
      : op.verifiesToken
        ? rs256Verifier(w.token(1))
        : undefined;
    const strictCall = (i: number) => strict.send(command(op.operation, op.input(w, i)));
    // The functions measured, by their place in each round (the crypto ones only when the command has a step).
    const [FAKE, STRICT, SIGNED, CORE, WIRE, CRYPTO_ALONE, CRYPTO_AFTER_STRICT] = [
      0, 1, 2, 3, 4, 5, 6,
    ] as const;
    const at = (t: readonly number[], k: number) => t[k] as number;
    const { us, rounds } = await compareMany(
      [
        (i) => client.send(command(op.operation, op.input(w, i))),
        strictCall,
        (i) => signed.send(command(op.operation, op.input(w, i))),
        coreDispatch(op, w),
        (i) => wireOnly.send(command(op.operation, op.input(w, i))),
        ...(crypto
          ? [
              crypto,
              async (i: number) => {
                const out = await strictCall(i);
                crypto();
                return out;
              },
            ]
          : []),
      ],
      options,
    );
    const [fakeUs, strictUs, signedUs] = [at(us, FAKE), at(us, STRICT), at(us, SIGNED)];
    const overStrict = (t: readonly number[], k: number) => at(t, k) - at(t, STRICT);
    const inContext = (t: readonly number[]) => overStrict(t, CRYPTO_AFTER_STRICT);
    // A new OpenID token is held to the floor plus one signature as the fake pays it; the core signs call after
    // call, as the signature alone is measured. A verification is shown, not taken off.
    const sig = (t: readonly number[]) => (op.mintsToken ? inContext(t) : 0);
    const sigAlone = (t: readonly number[]) => (op.mintsToken ? at(t, CRYPTO_ALONE) : 0);
    const ratio = medianOfRounds(rounds, (t) => (at(t, FAKE) - sig(t)) / at(t, STRICT));
    return {
      name: op.name,
      strictUs,
      signedUs,
      ...(crypto
        ? {
            crypto: op.mintsToken ? "sig" : "verify",
            cryptoUs: medianOfRounds(rounds, inContext),
            cryptoAloneUs: at(us, CRYPTO_ALONE),
          }
        : {}),
      fakeUs,
      ownUs: medianOfRounds(rounds, (t) => overStrict(t, FAKE) - sig(t)),
      ratio,
      signedRatio: medianOfRounds(rounds, (t) => at(t, SIGNED) / at(t, STRICT)),
      target: op.mintsToken ? `≤ ${FLOOR_TARGET}x + sig` : `≤ ${FLOOR_TARGET}x`,
      met: ratio <= FLOOR_TARGET,
      coreUs: medianOfRounds(rounds, (t) => at(t, CORE) - sigAlone(t)),
      wireUs: medianOfRounds(rounds, (t) => overStrict(t, WIRE)),
      wireRatio: medianOfRounds(rounds, (t) => at(t, WIRE) / at(t, STRICT)),
    };
  } catch (err) {
    const nan = Number.NaN;
    const failed = { strictUs: nan, signedUs: nan, fakeUs: nan, ownUs: nan, ratio: nan, signedRatio: nan };
    const error = `fails: ${(err as Error).name} ${(err as Error).message}`.slice(0, 100);
    return {
      name: op.name,
      error,
      ...failed,
      target: "",
      met: false,
      coreUs: nan,
      wireUs: nan,
      wireRatio: nan,
    };
  }
}

/**
 * Call numbers of the core are this far from the plug-in's, so that the two never present the same login
 * token within the 4,096 the verifier remembers (with the 4,200-token world, half a cycle apart).
 */
const CORE_OFFSET = 2100;

/**
 * The core alone: `dispatch` on a state of its own (the world's, then carried forward across calls), with the
 * world's inputs and clock.
 */
function coreDispatch(op: BenchOperation, w: World): (i: number) => void {
  let state = coreStateOf(w.fake);
  return (i) => {
    const ctx: Context = { accountId: ACCOUNT, region: "us-east-1", now: w.now() };
    const answer = dispatch(state, op.operation, op.input(w, i + CORE_OFFSET), ctx);
    if (!answer.result.ok)
      throw new Error(`${op.name}: ${answer.result.error.type} ${answer.result.error.message}`);
    state = answer.state;
  };
}
