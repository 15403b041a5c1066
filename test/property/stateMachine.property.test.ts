/**
 * Model-based property test: random command sequences over all 23 operations, run against the fake and against a
 * small reference model (`test/support/model/reference.ts`). After every step the answers agree (outputs, error names,
 * and the exact message wherever the model knows it), the whole state agrees with the model, the state's
 * invariants hold (`test/support/model/invariants.ts`), a failed command left the state object identical, a read left it
 * identical, and every snapshot taken earlier still describes its state.
 *
 * About a quarter of the steps go through the real SDK client with the plug-in; the rest through the fake's
 * request handler (engine + wire layer + core dispatch, no SDK), which costs a fraction of an SDK round trip.
 *
 * `FAKE_PROPERTY_STEPS` sets the number of steps (requests; default 10,000), e.g. `FAKE_PROPERTY_STEPS=1000000`
 * for a nightly run. `FAKE_PROPERTY_SEED=<seed fast-check printed>` replays a failing batch;
 * `FAKE_PROPERTY_VERBOSE=1` prints how often each operation answered what, `FAKE_PROPERTY_TRACE=1` every error.
 */
import fc from "fast-check";
import { OPERATION_NAMES } from "../../src/core";
import {
  createWorld,
  finishRun,
  PRELUDE,
  startRun,
  stepArbitraries,
  type World,
} from "../support/model/harness";
import { report } from "../support/report";

const TARGET_STEPS = Number(process.env.FAKE_PROPERTY_STEPS ?? 10_000);
const SEED =
  process.env.FAKE_PROPERTY_SEED === undefined ? undefined : Number(process.env.FAKE_PROPERTY_SEED);
const MAX_COMMANDS = 60;

/** Runs the property until `target` steps ran; one fc.assert per batch of sequences (about 35 steps each). */
async function runUntil(world: World, target: number): Promise<void> {
  let batch = 0;
  while (world.stats.steps < target) {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(stepArbitraries, { maxCommands: MAX_COMMANDS, size: "max" }),
        async (commands) => {
          startRun(world);
          for (const step of PRELUDE) await step.run(world, world);
          await fc.asyncModelRun(() => ({ model: world, real: world }), commands);
          finishRun(world);
        },
      ),
      {
        numRuns: Math.min(100, Math.max(5, Math.ceil((target - world.stats.steps) / 35))),
        ...(SEED === undefined ? {} : { seed: SEED + batch }),
      },
    );
    batch++;
  }
}

describe("the fake against the reference model", () => {
  const world = createWorld();

  it(
    `agrees step by step over at least ${TARGET_STEPS} random steps`,
    async () => {
      await runUntil(world, TARGET_STEPS);
      const { stats } = world;
      const answered = new Set([...stats.answers.keys()].map((k) => k.split(" ")[0]));
      report(
        `state machine: ${stats.steps} steps in ${stats.runs} sequences; ${stats.sdk} through the SDK client, ` +
          `${stats.wire} through the request handler; ${stats.failures} answered an error; ` +
          `${answered.size} operations exercised`,
      );
      if (process.env.FAKE_PROPERTY_VERBOSE)
        report(
          [...stats.answers]
            .sort()
            .map(([k, n]) => `${k}: ${n}`)
            .join("\n"),
        );
      expect(stats.steps).toBeGreaterThanOrEqual(TARGET_STEPS);
      expect([...answered].sort()).toEqual([...OPERATION_NAMES].sort());
      // Both paths carry a real share, and both outcomes of the sign-in operations occur.
      expect(stats.sdk).toBeGreaterThan(stats.steps / 10);
      for (const op of ["GetId", "GetCredentialsForIdentity", "MergeDeveloperIdentities", "UnlinkIdentity"]) {
        expect(stats.answers.get(`${op} → ok`) ?? 0).toBeGreaterThan(0);
      }
    },
    Math.max(120_000, TARGET_STEPS * 5),
  );
});
