/**
 * Comparing the fake's answers and state with the reference model.
 */

import { coreStateOf } from "../../../src/internal";
import { plain } from "./execute";
import type { Plan } from "./planTables";
import type { ModelResult, ReferenceModel } from "./reference";
import { decodePart, type World } from "./world";

/** JSON with sorted keys: equal for equal data whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function same(actual: unknown, expected: unknown, what: string): void {
  if (canonical(actual) === canonical(expected)) return;
  throw new Error(`${what} differs\n  fake:  ${canonical(actual)}\n  model: ${canonical(expected)}`);
}

/** A model output with ids in the fake's terms. */
function translate(world: World, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => translate(world, v));
  if (value !== null && typeof value === "object") {
    if ("$pool" in value) return world.poolIds[(value as { $pool: number }).$pool];
    if ("$identity" in value) return world.identityIds[(value as { $identity: number }).$identity];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(world, v)]));
  }
  return value;
}

const sortLogins = (identity: Record<string, unknown>) => {
  if (Array.isArray(identity.Logins)) identity.Logins = [...(identity.Logins as string[])].sort();
};

export function learnIds(
  world: World,
  expected: ModelResult & { ok: true },
  actual: Record<string, unknown>,
): void {
  const created = expected.created;
  if (created?.pool !== undefined) {
    const id = actual.IdentityPoolId;
    if (typeof id !== "string" || world.poolIds.includes(id))
      throw new Error(`pool created with id ${String(id)}, not a new one`);
    if (world.poolIds.length !== created.pool) throw new Error("pool ids out of step");
    world.poolIds.push(id);
  }
  if (created?.identity !== undefined) {
    const id = actual.IdentityId;
    if (typeof id !== "string" || world.identityIds.includes(id))
      throw new Error(`identity created with id ${String(id)}, not a new one`);
    if (world.identityIds.length !== created.identity) throw new Error("identity ids out of step");
    world.identityIds.push(id);
  }
}

export function compareOutput(
  world: World,
  p: Plan,
  expected: ModelResult & { ok: true },
  output: Record<string, unknown>,
  next: ReferenceModel,
): void {
  const want = translate(world, expected.output) as Record<string, unknown>;
  const got = { ...output };
  if (want.NextToken === true) {
    if (typeof got.NextToken !== "string")
      throw new Error(`${p.op}: expected a NextToken, got ${String(got.NextToken)}`);
    delete want.NextToken;
    delete got.NextToken;
  } else if (got.NextToken !== undefined) {
    throw new Error(`${p.op}: unexpected NextToken`);
  }
  if (Array.isArray(got.Identities))
    got.Identities = (got.Identities as Record<string, unknown>[]).map((i) => {
      const copy = { ...i };
      sortLogins(copy);
      return copy;
    });
  if (p.op === "DescribeIdentity") sortLogins(got);
  const list = want.DeveloperUserIdentifierList as { $subsetOf: string[]; size: number } | undefined;
  if (list) {
    const page = got.DeveloperUserIdentifierList as string[];
    if (
      !Array.isArray(page) ||
      page.length !== list.size ||
      page.some((u) => !list.$subsetOf.includes(u)) ||
      new Set(page).size !== page.length
    ) {
      throw new Error(
        `LookupDeveloperIdentity: page ${JSON.stringify(page)} is not ${list.size} of ${JSON.stringify(list.$subsetOf)}`,
      );
    }
    delete want.DeveloperUserIdentifierList;
    delete got.DeveloperUserIdentifierList;
  }
  if (expected.issued) {
    const credentials = got.Credentials as Record<string, unknown>;
    if (
      !/^ASIA[A-Z0-9]{16}$/.test(String(credentials.AccessKeyId)) ||
      String(credentials.SecretKey).length !== 40 ||
      !credentials.SessionToken
    ) {
      throw new Error(`malformed credentials ${JSON.stringify(credentials)}`);
    }
    const issued = world.fake.issuedCredentials.at(-1);
    same(
      issued && { ...issued, expiration: issued.expiration.getTime() / 1000 },
      {
        identityId: world.identityIds[expected.issued.identity],
        identityPoolId: world.poolIds[expected.issued.pool],
        roleArn: expected.issued.roleArn,
        accessKeyId: credentials.AccessKeyId,
        expiration: credentials.Expiration,
        principalTags: expected.issued.tags,
      },
      "issued credential",
    );
    got.Credentials = { Expiration: credentials.Expiration };
  }
  if (expected.token) {
    const token = String(got.Token);
    const [h, body] = token.split(".");
    const header = decodePart(h ?? "");
    const claims = decodePart(body ?? "");
    const t = expected.token;
    const tags =
      Object.keys(t.tags).length > 0
        ? { principal_tags: Object.fromEntries(Object.entries(t.tags).map(([k, v]) => [k, [v]])) }
        : undefined;
    same(
      {
        alg: header.alg,
        sub: claims.sub,
        aud: claims.aud,
        amr: claims.amr,
        iat: claims.iat,
        exp: claims.exp,
        tags: claims["https://aws.amazon.com/tags"],
      },
      {
        alg: "RS512",
        sub: world.identityIds[t.identity],
        aud: world.poolIds[t.pool],
        amr: t.amr,
        iat: t.iat,
        exp: t.exp,
        tags,
      },
      `${p.op} token`,
    );
    next.tokens.set(token, {
      kind: "openid",
      signatureValid: true,
      pool: t.pool,
      identity: t.identity,
      amr: t.amr,
      exp: t.exp,
      tags: t.tags,
    });
    delete got.Token;
  }
  same(got, want, `${p.op} output`);
}

/** The model and the fake's state agree: pools, their configuration, and every identity in order. */
export function compareState(world: World): void {
  const state = coreStateOf(world.fake);
  const pools = world.model.livePools();
  if (state.pools.size !== pools.length)
    throw new Error(`the fake has ${state.pools.size} pools, the model ${pools.length}`);
  for (const pool of pools) {
    const entry = state.pools.get(world.poolIds[pool.m] as string);
    if (!entry) throw new Error(`pool ${pool.m} missing from the fake`);
    same(
      {
        region: entry.pool.region,
        roles: entry.pool.roles,
        roleMappings: plain(entry.pool.roleMappings),
        tagMaps: entry.pool.principalTagMaps,
        tags: entry.pool.config.IdentityPoolTags,
      },
      {
        region: pool.region,
        roles: Object.fromEntries(pool.roles),
        roleMappings: Object.fromEntries(pool.mappings),
        tagMaps: Object.fromEntries(
          [...pool.tagMaps].map(([k, v]) => [k, { useDefaults: v.useDefaults, principalTags: v.tags }]),
        ),
        tags: Object.fromEntries(pool.tags),
      },
      `pool ${pool.m} record`,
    );
    // Both sides built in the same shape and order, so plain JSON compares them (this runs every step).
    const records = [...entry.identities.values()].sort((a, b) => a.seq - b.seq);
    const fake = JSON.stringify(
      records.map((r) => [
        r.identityId,
        Object.entries(r.logins).sort(),
        [...r.developerUserIdentifiers].sort(),
        r.disabled,
        r.creationDate,
        r.lastModifiedDate,
      ]),
    );
    const model = JSON.stringify(
      world.model
        .liveIdentities(pool.m)
        .map((i) => [
          world.identityIds[i.m],
          [...i.logins].sort(),
          [...i.devUsers].sort(),
          i.disabled,
          i.created,
          i.modified,
        ]),
    );
    if (fake !== model)
      throw new Error(`identities of pool ${pool.m} differ\n  fake:  ${fake}\n  model: ${model}`);
  }
}
