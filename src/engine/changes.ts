/**
 * What changed between two states, as plain data and as text: the answer to "what did this call do?". Cheap
 * whatever the state's size: the store's tries share every unchanged subtree, so only the pool entries that
 * changed are visited, and inside them only the identities that changed.
 */
import { isDeepStrictEqual } from "node:util";
import type { CoreState, PoolEntry, StoredIdentity } from "../core/state";
import { loginOwner } from "../core/store/identities";
import { poolRecord } from "../core/views";

/**
 * A pool member (`Roles`, `RoleMappings`, `IdentityPoolTags`, `IdentityPoolName`…) before and after.
 *
 * @example
 * ```ts
 * const change: MemberChange = { member: "Roles", before: {}, after: { authenticated: roleArn } };
 * ```
 */
export interface MemberChange {
  readonly member: string;
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * One change to the state. Ids and names are those of the records (`IdentityPoolId`, `IdentityId`); the
 * change records themselves, like the journal, are the library's own (camelCase).
 *
 * @example
 * ```ts
 * const linked = fake.changesOf(call).changes.filter((c) => c.kind === "loginLinked");
 * ```
 */
export type StateChange =
  | { readonly kind: "poolCreated"; readonly identityPoolId: string; readonly identityPoolName: string }
  | {
      readonly kind: "poolUpdated";
      readonly identityPoolId: string;
      readonly members: readonly MemberChange[];
    }
  | {
      readonly kind: "poolDeleted";
      readonly identityPoolId: string;
      readonly identityPoolName: string;
      /** Identities deleted with it. */
      readonly identities: number;
    }
  | { readonly kind: "identityCreated"; readonly identityId: string; readonly identityPoolId: string }
  | { readonly kind: "identityDeleted"; readonly identityId: string; readonly identityPoolId: string }
  | { readonly kind: "identityDisabled"; readonly identityId: string; readonly identityPoolId: string }
  | {
      readonly kind: "identityMerged";
      readonly identityId: string;
      readonly identityPoolId: string;
      /** The identity its logins and developer users moved to. */
      readonly into: string;
    }
  | {
      readonly kind: "loginLinked" | "loginUnlinked";
      readonly identityId: string;
      readonly provider: string;
      readonly userIdentifier: string;
    }
  | {
      readonly kind: "developerUserLinked" | "developerUserUnlinked";
      readonly identityId: string;
      readonly developerUserIdentifier: string;
    };

/**
 * What a call changed: the list of changes (pool by pool, oldest first: the pool's own change, then its
 * identities', oldest first) and the same as text, one line per change and per changed pool member
 * (`"no changes"` when nothing changed).
 *
 * @example
 * ```ts
 * const changes: StateChanges = fake.changesOf(fake.calls[0]!);
 * changes.text; // 'pool us-east-1:… "app" created'
 * ```
 */
export interface StateChanges {
  readonly changes: readonly StateChange[];
  readonly text: string;
}

/** The changes of one identity (absent `before`: created; absent `after`: deleted). */
function identityChanges(
  before: StoredIdentity | undefined,
  after: StoredIdentity | undefined,
  ownerAfter: (provider: string | undefined, user: string) => string | undefined,
  out: StateChange[],
): void {
  const identity = (after ?? before) as StoredIdentity;
  const { identityId, identityPoolId } = identity;
  if (!before) out.push({ kind: "identityCreated", identityId, identityPoolId });
  if (!after) {
    out.push({ kind: "identityDeleted", identityId, identityPoolId });
    return;
  }
  if (before && !before.disabled && after.disabled) {
    const moved = [
      ...Object.entries(before.logins).map(([provider, user]) => ownerAfter(provider, user)),
      ...before.developerUserIdentifiers.map((user) => ownerAfter(undefined, user)),
    ].find((owner) => owner !== undefined && owner !== identityId);
    if (moved !== undefined) {
      out.push({ kind: "identityMerged", identityId, identityPoolId, into: moved });
      return;
    }
  }
  const oldLogins = before?.logins ?? {};
  for (const [provider, user] of Object.entries(after.logins)) {
    if (oldLogins[provider] !== user) {
      out.push({ kind: "loginLinked", identityId, provider, userIdentifier: user });
    }
  }
  for (const [provider, user] of Object.entries(oldLogins)) {
    if (after.logins[provider] !== user) {
      out.push({ kind: "loginUnlinked", identityId, provider, userIdentifier: user });
    }
  }
  const oldUsers = before?.developerUserIdentifiers ?? [];
  for (const user of after.developerUserIdentifiers) {
    if (!oldUsers.includes(user)) {
      out.push({ kind: "developerUserLinked", identityId, developerUserIdentifier: user });
    }
  }
  for (const user of oldUsers) {
    if (!after.developerUserIdentifiers.includes(user)) {
      out.push({ kind: "developerUserUnlinked", identityId, developerUserIdentifier: user });
    }
  }
  if (before && !before.disabled && after.disabled) {
    out.push({ kind: "identityDisabled", identityId, identityPoolId });
  }
}

/** The members of a pool record that differ. */
function memberChanges(before: PoolEntry, after: PoolEntry): MemberChange[] {
  if (before.pool === after.pool) return [];
  const a = poolRecord(before.pool) as unknown as Record<string, unknown>;
  const b = poolRecord(after.pool) as unknown as Record<string, unknown>;
  const members = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: MemberChange[] = [];
  for (const member of members) {
    if (!isDeepStrictEqual(a[member], b[member])) out.push({ member, before: a[member], after: b[member] });
  }
  return out;
}

/** The changes inside one pool entry that exists on both sides, or only after (created). */
function entryChanges(before: PoolEntry | undefined, after: PoolEntry, out: StateChange[]): void {
  const { pool } = after;
  if (!before) {
    out.push({
      kind: "poolCreated",
      identityPoolId: pool.identityPoolId,
      identityPoolName: pool.config.IdentityPoolName,
    });
  } else {
    const members = memberChanges(before, after);
    if (members.length > 0) out.push({ kind: "poolUpdated", identityPoolId: pool.identityPoolId, members });
  }
  const ownerAfter = (provider: string | undefined, user: string) =>
    provider === undefined ? after.developerUsers.get(user) : loginOwner(after, provider, user);
  const changed = before
    ? [...after.identities.diff(before.identities)]
    : [...after.identities].map(([id, identity]) => [id, undefined, identity] as const);
  const order = (identity: StoredIdentity | undefined) => identity?.seq ?? 0;
  changed.sort((x, y) => order(x[2] ?? x[1]) - order(y[2] ?? y[1]));
  for (const [, old, now] of changed) identityChanges(old, now, ownerAfter, out);
}

/**
 * The changes from `before` to `after` (two states of the same fake).
 *
 * @example
 * ```ts
 * describeChanges(call.before, call.after).changes; // [{ kind: "identityCreated", … }]
 * ```
 */
export function describeChanges(before: CoreState, after: CoreState): StateChanges {
  const out: StateChange[] = [];
  const entries = [...after.pools.diff(before.pools)].sort(
    (x, y) => ((x[2] ?? x[1])?.pool.listSeq ?? 0) - ((y[2] ?? y[1])?.pool.listSeq ?? 0),
  );
  for (const [, old, now] of entries) {
    if (now) entryChanges(old, now, out);
    else if (old) {
      out.push({
        kind: "poolDeleted",
        identityPoolId: old.pool.identityPoolId,
        identityPoolName: old.pool.config.IdentityPoolName,
        identities: old.identities.size,
      });
    }
  }
  return Object.freeze({ changes: Object.freeze(out), text: out.map(changeText).join("\n") || "no changes" });
}

/** Compact JSON of a value for a line of text (long values cut). */
function brief(value: unknown): string {
  const text = value === undefined ? "(none)" : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * One line of text per change.
 *
 * @example
 * ```ts
 * changeText({ kind: "identityDisabled", identityId: "us-east-1:1", identityPoolId: "us-east-1:p" });
 * // "identity us-east-1:1 disabled"
 * ```
 */
export function changeText(change: StateChange): string {
  switch (change.kind) {
    case "poolCreated":
      return `pool ${change.identityPoolId} "${change.identityPoolName}" created`;
    case "poolUpdated":
      return change.members
        .map((m) => `pool ${change.identityPoolId} ${m.member}: ${brief(m.before)} -> ${brief(m.after)}`)
        .join("\n");
    case "poolDeleted":
      return `pool ${change.identityPoolId} "${change.identityPoolName}" deleted (with ${change.identities} ${
        change.identities === 1 ? "identity" : "identities"
      })`;
    case "identityCreated":
      return `identity ${change.identityId} created in pool ${change.identityPoolId}`;
    case "identityDeleted":
      return `identity ${change.identityId} deleted`;
    case "identityDisabled":
      return `identity ${change.identityId} disabled`;
    case "identityMerged":
      return `identity ${change.identityId} merged into ${change.into} (disabled)`;
    case "loginLinked":
      return `identity ${change.identityId} linked ${change.provider} user "${change.userIdentifier}"`;
    case "loginUnlinked":
      return `identity ${change.identityId} unlinked ${change.provider} user "${change.userIdentifier}"`;
    case "developerUserLinked":
      return `identity ${change.identityId} linked developer user "${change.developerUserIdentifier}"`;
    case "developerUserUnlinked":
      return `identity ${change.identityId} unlinked developer user "${change.developerUserIdentifier}"`;
  }
}
