/**
 * Operation names where the API takes one (`failNext`, the matchers): a name that is not one of the service's
 * operations is refused at once, with the nearest real name, so a typo cannot make a test pass silently.
 */
import { isOperation } from "../core/dispatch";
import { OPERATION_NAMES, type OperationName } from "../core/model/model.generated";

/** Edit distance (insertions, deletions, substitutions and swaps of neighbours) between two strings. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The operation whose name is nearest to `name`: case is ignored first (`GetID` → `GetId`), then the exact
 * spelling breaks ties.
 *
 * @example
 * ```ts
 * nearestOperation("GetCredentialsForIdentities"); // "GetCredentialsForIdentity"
 * ```
 */
export function nearestOperation(name: string): OperationName {
  const lower = name.toLowerCase();
  let best: OperationName = OPERATION_NAMES[0];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of OPERATION_NAMES) {
    const score = distance(lower, candidate.toLowerCase()) * 1000 + distance(name, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * `name` itself when it is one of the service's operations (or `"*"` where `allowAny`); otherwise throws a
 * `TypeError` naming the nearest operation.
 *
 * @example
 * ```ts
 * requireOperation("GetID"); // throws: Unknown operation "GetID". Did you mean "GetId"?
 * ```
 */
export function requireOperation(name: unknown, allowAny = false): OperationName | "*" {
  if (typeof name === "string" && (isOperation(name) || (allowAny && name === "*"))) return name;
  const text = typeof name === "string" ? name : String(name);
  throw new TypeError(`Unknown operation "${text}". Did you mean "${nearestOperation(text)}"?`);
}
