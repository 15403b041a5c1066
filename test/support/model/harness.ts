/**
 * The model-based property test's machinery, one section a file: command specs (`specs.ts`, `specList.ts`),
 * steps and the prelude (`steps.ts`), the world (`world.ts`), resolution of specs against the current model
 * (`resolve.ts`), plans — a real API input plus the reference model's call (`planTables.ts`, `planPools.ts`,
 * `planIdentities.ts`) —, execution through the real SDK client with the plug-in or through the fake's request
 * handler (`execute.ts`), and the comparison of answers, state and invariants after every step (`compare.ts`,
 * `run.ts`). This file is the entry the property tests import.
 */
export { BASE_TIME } from "./constants";
export { plain } from "./execute";
export type { Spec } from "./specs";
export { PRELUDE, SDK_SHARE, Step, stepArbitraries } from "./steps";
export { createWorld, finishRun, type Stats, startRun, tamper, type World } from "./world";
