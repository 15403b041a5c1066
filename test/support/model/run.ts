/**
 * Running one step: plan, execute, compare answers, state, invariants and snapshots.
 */

import { coreStateOf } from "../../../src/internal";
import { compareOutput, compareState, learnIds } from "./compare";
import { execute } from "./execute";
import { checkInvariants, digest } from "./invariants";
import { plan } from "./planTables";
import type { Spec } from "./specs";
import type { World } from "./world";

export async function runStep(world: World, spec: Spec, path: "sdk" | "wire"): Promise<void> {
  world.clock.now += 1000;
  if (spec.op === "Checkpoint") {
    world.checkpoint = {
      snap: world.fake.snapshot(),
      model: world.model.clone(),
      poolIds: [...world.poolIds],
      identityIds: [...world.identityIds],
    };
    return;
  }
  if (spec.op === "Restore") {
    const cp = world.checkpoint;
    if (!cp) return;
    world.fake.restore(cp.snap);
    if (coreStateOf(world.fake) !== coreStateOf(cp.snap))
      throw new Error("restore did not bring back the snapshot's state");
    world.model = cp.model.clone();
    world.poolIds = [...cp.poolIds];
    world.identityIds = [...cp.identityIds];
    compareState(world);
    return;
  }
  const p = plan(world, spec);
  world.stats.steps++;
  world.stats[path]++;
  const before = coreStateOf(world.fake);
  const expected = p.model(world.model);
  const next = world.model.takeNext();
  const actual = await execute(world, p, path);
  const label = `${p.op} → ${actual.ok ? "ok" : actual.name}`;
  if (process.env.FAKE_PROPERTY_TRACE && !actual.ok)
    console.log(`${label} ${actual.message} ${JSON.stringify(p.input)}`);
  world.stats.answers.set(label, (world.stats.answers.get(label) ?? 0) + 1);
  if (!expected.ok || !actual.ok) {
    if (expected.ok !== actual.ok || (!expected.ok && !actual.ok && expected.name !== actual.name)) {
      throw new Error(
        `${p.op} in ${p.region} ${JSON.stringify(p.input)}\n  fake:  ${JSON.stringify(actual)}\n  model: ${JSON.stringify(expected)}`,
      );
    }
    if (!expected.ok && !actual.ok && expected.message !== undefined && expected.message !== actual.message) {
      throw new Error(`${p.op}: message\n  fake:  ${actual.message}\n  model: ${expected.message}`);
    }
  }
  if (!actual.ok) {
    world.stats.failures++;
    if (coreStateOf(world.fake) !== before)
      throw new Error(`${p.op} failed (${actual.name}) but changed the state`);
  } else if (expected.ok) {
    learnIds(world, expected, actual.output);
    compareOutput(world, p, expected, actual.output, next);
    if (p.readOnly && coreStateOf(world.fake) !== before)
      throw new Error(`${p.op} only reads, but changed the state`);
  }
  world.model = next;
  checkInvariants(coreStateOf(world.fake));
  compareState(world);
  const taken = { snap: world.fake.snapshot(), digest: digest(coreStateOf(world.fake)) };
  world.snapshots.push(taken);
  const earlier = world.snapshots[(world.stats.steps * 7919) % world.snapshots.length];
  if (earlier && digest(coreStateOf(earlier.snap)) !== earlier.digest)
    throw new Error("an earlier snapshot changed");
}
