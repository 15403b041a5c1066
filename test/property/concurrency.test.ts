/**
 * Concurrency: many commands in flight at once, through the plug-in and through request-handler adapters that
 * await between their own steps. The engine answers each command in one synchronous step, so every command is
 * atomic: concurrent sign-ins of one login make one identity, and any interleaving of merges, unlinks and
 * sign-ins leaves a state that satisfies the invariants and equals the serial replay of the journal.
 */
import {
  CognitoIdentityClient,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  UnlinkDeveloperIdentityCommand,
} from "@aws-sdk/client-cognito-identity";
import fc from "fast-check";
import { type CognitoIdentityFake, createCognitoIdentityFake } from "../../src";
import type { CoreState } from "../../src/core";
import { coreStateOf } from "../../src/internal";
import { checkInvariants } from "../support/model/invariants";

const NOW = new Date("2026-03-01T00:00:00Z");
const REGION = "us-east-1";
const USER_POOL_ID = "us-east-1_Concurrent1";
const USER_POOL = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
const CLIENT_ID = "concurrentclient";
const DEV = "login.concurrent";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

type Handler = ReturnType<CognitoIdentityFake["requestHandler"]>;

/** Resolves after `turns` trips through the event loop (macrotasks, so other requests really run meanwhile). */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * A transport adapter that awaits before handing the request over and again before answering, the way an HTTP
 * server adapter reads a body in chunks and writes the response later. `delay` picks the turns per request.
 */
function awaitingHandler(inner: Handler, delay: () => number): Handler {
  return {
    ...inner,
    handle: async (request) => {
      await turns(delay());
      const answer = await inner.handle(request);
      await turns(delay());
      return answer;
    },
  };
}

/** A deterministic stream of small delays. */
function delays(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 16) % 4;
  };
}

function world(seed = 1) {
  const fake = createCognitoIdentityFake({ seed, now: () => NOW });
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "concurrent",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    DeveloperProviderName: DEV,
  });
  const plugged = new CognitoIdentityClient({ region: REGION, maxAttempts: 1 });
  plugged.middlewareStack.use(fake.plugin());
  const viaHandler = new CognitoIdentityClient({
    region: REGION,
    maxAttempts: 1,
    credentials: CREDENTIALS,
    requestHandler: awaitingHandler(fake.requestHandler(), delays(seed)),
  });
  /** Alternates between the plug-in and the awaiting adapter. */
  const client = (i: number) => (i % 2 === 0 ? plugged : viaHandler);
  return { fake, poolId: pool.IdentityPoolId, client };
}

/** Every index agrees with the records and each login belongs to one identity. */
function expectInvariants(state: CoreState): void {
  expect(() => checkInvariants(state)).not.toThrow();
}

describe("concurrent commands", () => {
  it("1,000 simultaneous GetId calls with the same login make one identity", async () => {
    const { fake, poolId, client } = world();
    const token = fake.loginToken.userPool({
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      sub: "same-user",
    });
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        client(i).send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [USER_POOL]: token } })),
      ),
    );
    const ids = new Set(answers.map((a) => a.IdentityId));
    expect(ids.size).toBe(1);
    const identities = fake.listIdentities(poolId);
    expect(identities).toHaveLength(1);
    expect(identities[0]?.IdentityId).toBe([...ids][0]);
    expect(identities[0]?.Logins).toEqual({ [USER_POOL]: "same-user" });
    expect(fake.calls.filter((c) => c.operation === "GetId" && c.output)).toHaveLength(1000);
    expectInvariants(coreStateOf(fake));
  });

  it("1,000 simultaneous GetOpenIdTokenForDeveloperIdentity calls for one developer user make one identity", async () => {
    const { fake, poolId, client } = world(2);
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        client(i).send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId: poolId,
            Logins: { [DEV]: "dev-user-1" },
          }),
        ),
      ),
    );
    const ids = new Set(answers.map((a) => a.IdentityId));
    expect(ids.size).toBe(1);
    const [id] = ids;
    for (const { Token } of answers) {
      const claims = JSON.parse(
        Buffer.from(String(Token).split(".")[1] as string, "base64url").toString("utf8"),
      );
      expect(claims.sub).toBe(id);
    }
    expect(fake.listIdentities(poolId).map((i) => [i.IdentityId, i.DeveloperUserIdentifiers])).toEqual([
      [id, ["dev-user-1"]],
    ]);
    expectInvariants(coreStateOf(fake));
  });

  it("concurrent merges, unlinks and sign-ins keep the invariants and equal the serial replay of the journal", async () => {
    const users = Array.from({ length: 12 }, (_, i) => `dev-${i}`);
    const fbUsers = Array.from({ length: 6 }, (_, i) => `fb-${i}`);
    const commandOf = fc.oneof(
      fc
        .tuple(fc.constantFrom(...users), fc.constantFrom(...users))
        .map(([source, destination]) => ({ op: "Merge" as const, source, destination })),
      fc.constantFrom(...users).map((user) => ({ op: "Unlink" as const, user })),
      fc
        .tuple(fc.constantFrom(...users), fc.option(fc.constantFrom(...fbUsers), { nil: undefined }))
        .map(([user, fb]) => ({ op: "Developer" as const, user, fb })),
      fc.constantFrom(...fbUsers).map((fb) => ({ op: "GetId" as const, fb })),
    );
    for (const seed of [11, 12, 13, 14, 15]) {
      const { fake, poolId, client } = world(seed);
      // A starting population: every developer user and Facebook user on some identity.
      users.forEach((user, i) => {
        fake.seedIdentity({
          IdentityPoolId: poolId,
          DeveloperUserIdentifiers: [user],
          ...(i < fbUsers.length ? { Logins: { "graph.facebook.com": fbUsers[i] as string } } : {}),
        });
      });
      const seeded = fake.snapshot();
      const commands = fc.sample(commandOf, { numRuns: 400, seed });
      const ownerOf = (user: string) =>
        fake.listIdentities(poolId).find((i) => i.DeveloperUserIdentifiers.includes(user))?.IdentityId;
      const settled = await Promise.allSettled(
        commands.map((c, i) => {
          switch (c.op) {
            case "Merge":
              return client(i).send(
                new MergeDeveloperIdentitiesCommand({
                  IdentityPoolId: poolId,
                  DeveloperProviderName: DEV,
                  SourceUserIdentifier: c.source,
                  DestinationUserIdentifier: c.destination,
                }),
              );
            case "Unlink":
              return client(i).send(
                new UnlinkDeveloperIdentityCommand({
                  IdentityPoolId: poolId,
                  IdentityId: ownerOf(c.user) ?? "us-east-1:00000000-0000-4000-8000-000000000000",
                  DeveloperProviderName: DEV,
                  DeveloperUserIdentifier: c.user,
                }),
              );
            case "Developer":
              return client(i).send(
                new GetOpenIdTokenForDeveloperIdentityCommand({
                  IdentityPoolId: poolId,
                  Logins: { [DEV]: c.user, ...(c.fb ? { "graph.facebook.com": c.fb } : {}) },
                }),
              );
            default:
              return client(i).send(
                new GetIdCommand({ IdentityPoolId: poolId, Logins: { "graph.facebook.com": c.fb } }),
              );
          }
        }),
      );
      // Every rejection is a service answer, and both outcomes happen.
      for (const s of settled) {
        if (s.status === "rejected") expect((s.reason as { $fault?: string }).$fault).toBe("client");
      }
      const succeeded = new Set(
        commands.filter((_, i) => settled[i]?.status === "fulfilled").map((c) => c.op),
      );
      expect([...succeeded].sort()).toEqual(["Developer", "GetId", "Merge", "Unlink"]);
      expect(settled.some((s) => s.status === "rejected")).toBe(true);
      // Merges really moved users: some identity ended up with several developer users.
      expect(fake.listIdentities(poolId).some((i) => i.DeveloperUserIdentifiers.length > 1)).toBe(true);
      expectInvariants(coreStateOf(fake));

      // Replaying the journal one command at a time, from the same starting state, gives the same answers and
      // the same final state: the concurrent run is equivalent to the serial order the engine recorded.
      const journal = [...fake.calls];
      expect(journal).toHaveLength(commands.length);
      const concurrentState = coreStateOf(fake);
      fake.restore(seeded);
      const serial = fake.requestHandler();
      for (const call of journal) {
        const { response } = await serial.handle({
          protocol: "https:",
          hostname: `cognito-identity.${call.region}.amazonaws.com`,
          method: "POST",
          path: "/",
          headers: { "x-amz-target": `AWSCognitoIdentityService.${call.operation}` },
          body: JSON.stringify(call.input),
        });
        const { statusCode, body } = response as { statusCode: number; body: Uint8Array };
        const answer = JSON.parse(new TextDecoder().decode(body));
        if (call.output) {
          expect(statusCode).toBe(200);
          expect(answer).toEqual(JSON.parse(JSON.stringify(call.output)));
        } else {
          expect({ name: answer.__type, message: answer.message }).toEqual(call.error);
        }
      }
      expect(sameState(coreStateOf(fake), concurrentState)).toBe(true);
    }
  }, 60_000); // five seeds of 400 commands each, then their serial replays: seconds on a loaded 2-core machine

  it("an adapter that awaits between its steps cannot split a command: check-then-create races make one identity", async () => {
    // 200 callers race to create the identity of the same new logins, each through an adapter that yields to
    // the event loop before and after handing its request over, interleaved with plug-in calls.
    const { fake, poolId, client } = world(3);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        client(i).send(
          new GetIdCommand({
            IdentityPoolId: poolId,
            Logins: { "graph.facebook.com": `racer-${i % 5}` },
          }),
        ),
      ),
    );
    const byLogin = new Map<string, Set<string | undefined>>();
    answers.forEach((a, i) => {
      const key = `racer-${i % 5}`;
      byLogin.set(key, (byLogin.get(key) ?? new Set()).add(a.IdentityId));
    });
    expect([...byLogin.values()].map((ids) => ids.size)).toEqual([1, 1, 1, 1, 1]);
    expect(fake.listIdentities(poolId)).toHaveLength(5);
    // The journal's order is the order the engine answered in: each login's first call created its identity.
    const firstOutputs = new Map<string, unknown>();
    for (const call of fake.calls) {
      const login = (call.input as { Logins: Record<string, string> }).Logins["graph.facebook.com"] as string;
      if (!firstOutputs.has(login)) firstOutputs.set(login, call.output?.IdentityId);
    }
    for (const [login, id] of firstOutputs) expect(byLogin.get(login)).toEqual(new Set([id]));
    expectInvariants(coreStateOf(fake));
  });
});

/** Two states hold the same data (compared as sorted entries: maps built in other orders iterate differently). */
function sameState(a: CoreState, b: CoreState): boolean {
  const text = (state: CoreState) => {
    const sorted = <K, V>(map: Iterable<[K, V]>) =>
      [...map].sort(([x], [y]) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0));
    return JSON.stringify({
      idPosition: state.idPosition,
      identityPools: sorted(state.identityPools),
      pools: sorted(state.pools).map(([id, e]) => [
        id,
        e.pool,
        e.nextSeq,
        sorted(e.identities),
        sorted(e.logins),
        sorted(e.developerUsers),
        sorted(e.order),
      ]),
    });
  };
  return text(a) === text(b);
}
