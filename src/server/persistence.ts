/**
 * The state file of `--state file.json`: loaded at start, written atomically (temp file + rename) on exit and on
 * `POST /_fake/save`. A corrupt or incompatible file is refused with a message naming the file and the problem,
 * and is never overwritten.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { CoreState } from "../core/state";
import { StateFileError } from "./stateChecks";
import { restoreDocument, stateDocument } from "./stateDocument";

/**
 * Reads a state file: `undefined` when there is none yet; throws {@link StateFileError} for one that cannot be
 * used (not JSON, another format or version, another account, a broken part).
 *
 * @example
 * ```ts
 * const state = loadStateFile("fake-state.json", "123456789012"); // CoreState | undefined
 * ```
 */
export function loadStateFile(path: string, accountId: string): CoreState | undefined {
  if (!existsSync(path)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new StateFileError(
      `State file ${path} is refused (left untouched): it is not JSON (${(err as Error).message}).`,
    );
  }
  try {
    return restoreDocument(doc, accountId);
  } catch (err) {
    const reason = err instanceof StateFileError ? err.message : String(err);
    throw new StateFileError(`State file ${path} is refused (left untouched): ${reason}.`);
  }
}

/**
 * Writes a state file atomically: a temporary file beside it, then a rename over it.
 *
 * @example
 * ```ts
 * saveStateFile("fake-state.json", engine.state, "123456789012");
 * ```
 */
export function saveStateFile(path: string, state: CoreState, accountId: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(stateDocument(state, accountId), null, 1)}\n`);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
