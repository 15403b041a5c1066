/**
 * The checks a state file's parts go through: each failure is a {@link StateFileError} naming the part.
 */
import { ServiceError } from "../core/errors";

/** A state file that cannot be used; the message says which file and why. */
export class StateFileError extends Error {}

/** A checked part of a state file. */
export function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new StateFileError(`${where} must be an object`);
  }
  return value as Record<string, unknown>;
}

/** A checked part of a state file. */
export function text(value: unknown, where: string): string {
  if (typeof value !== "string" || value === "") throw new StateFileError(`${where} must be non-empty text`);
  return value;
}

/** A checked part of a state file. */
export function integer(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new StateFileError(`${where} must be a non-negative integer`);
  }
  return value as number;
}

/** A checked part of a state file. */
export function date(value: unknown, where: string): number {
  const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new StateFileError(`${where} must be an ISO 8601 date`);
  return ms;
}

/** A checked part of a state file. */
export function stringMap(value: unknown, where: string): Record<string, string> {
  const map = asRecord(value ?? {}, where);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== "string") throw new StateFileError(`${where}.${key} must be text`);
    out[key] = v;
  }
  return out;
}

/** A checked part of a state file. */
export function checked<T>(run: () => T, where: string): T {
  try {
    return run();
  } catch (err) {
    const message = err instanceof ServiceError ? err.message : String(err);
    throw new StateFileError(`${where}: ${message}`);
  }
}

/** A checked part of a state file. */
export function structuredFreeze<T>(value: T): T {
  const copy = structuredClone(value);
  const freezeDeep = (v: unknown): void => {
    if (typeof v !== "object" || v === null || Object.isFrozen(v)) return;
    for (const child of Object.values(v)) freezeDeep(child);
    Object.freeze(v);
  };
  freezeDeep(copy);
  return copy;
}
