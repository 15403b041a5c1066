import { CREDENTIALS, type FakeModule, load, type Sdk } from "../support/fixtures/isolation";
import { guardSockets, NO_SOCKETS, rejection } from "../support/helpers";

describe("two fakes in one process", () => {
  let sdk: Sdk;
  let createCognitoIdentityFake: FakeModule["createCognitoIdentityFake"];
  beforeAll(() => {
    ({ sdk, createCognitoIdentityFake } = load());
  });
  const clientOf = (fake: ReturnType<FakeModule["createCognitoIdentityFake"]>, region = "us-east-1") => {
    const client = new sdk.CognitoIdentityClient({ region, maxAttempts: 1 });
    client.middlewareStack.use(fake.plugin());
    return client;
  };

  it("share no state: pools, identities, journal, credentials, scripted failures, snapshots", async () => {
    const a = createCognitoIdentityFake({ seed: 1 });
    const b = createCognitoIdentityFake({ seed: 1 });
    const [clientA, clientB] = [clientOf(a), clientOf(b)];
    const stateB = b.state;
    const pool = await clientA.send(
      new sdk.CreateIdentityPoolCommand({
        IdentityPoolName: "only-in-a",
        AllowUnauthenticatedIdentities: true,
      }),
    );
    const poolId = pool.IdentityPoolId as string;
    expect(b.state).toBe(stateB);
    expect(b.listIdentityPools()).toEqual([]);
    expect(b.getIdentityPool(poolId)).toBeUndefined();
    const err = await rejection(
      clientB.send(new sdk.DescribeIdentityPoolCommand({ IdentityPoolId: poolId })),
    );
    expect(err).toBeInstanceOf(sdk.ResourceNotFoundException);

    // Same seed, same sequence: B makes the same id, but its own pool with its own contents.
    const poolB = await clientB.send(
      new sdk.CreateIdentityPoolCommand({
        IdentityPoolName: "only-in-b",
        AllowUnauthenticatedIdentities: false,
      }),
    );
    expect(poolB.IdentityPoolId).toBe(poolId);
    expect(a.getIdentityPool(poolId)?.IdentityPoolName).toBe("only-in-a");
    expect(b.getIdentityPool(poolId)?.IdentityPoolName).toBe("only-in-b");

    a.seedIdentityPool({
      IdentityPoolName: "roles",
      AllowUnauthenticatedIdentities: true,
      Roles: { unauthenticated: "arn:aws:iam::123456789012:role/u" },
    });
    const guest = await clientA.send(new sdk.GetIdCommand({ IdentityPoolId: poolId }));
    expect(b.getIdentity(guest.IdentityId as string)).toBeUndefined();
    await rejection(clientB.send(new sdk.GetIdCommand({ IdentityPoolId: poolId })));

    expect(a.calls.map((c) => c.operation)).toEqual(["CreateIdentityPool", "GetId"]);
    expect(b.calls.map((c) => c.operation)).toEqual(["DescribeIdentityPool", "CreateIdentityPool", "GetId"]);

    a.failNext("ListIdentityPools", "TooManyRequestsException");
    const listedB = await clientB.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 5 }));
    expect(listedB.IdentityPools).toHaveLength(1);
    await expect(clientA.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 5 }))).rejects.toThrow();

    const snapB = b.snapshot();
    a.reset();
    expect(b.state).toBe(snapB.state);
    expect(b.calls).toHaveLength(4);
    b.restore(snapB);
    expect(a.state.IdentityPools.size).toBe(0);
    expect(a.issuedCredentials).toEqual([]);
    expect(b.issuedCredentials).toEqual([]);
  });

  it("a client plugged into one never reaches the other, even with hundreds of calls in flight", async () => {
    const a = createCognitoIdentityFake({ seed: 5 });
    const b = createCognitoIdentityFake({ seed: 6 });
    const poolA = a.seedIdentityPool({ IdentityPoolName: "a", AllowUnauthenticatedIdentities: true });
    const poolB = b.seedIdentityPool({ IdentityPoolName: "b", AllowUnauthenticatedIdentities: true });
    const [clientA, clientB] = [clientOf(a), clientOf(b, "us-east-1")];
    const answers = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? clientA.send(new sdk.GetIdCommand({ IdentityPoolId: poolA.IdentityPoolId }))
          : clientB.send(new sdk.GetIdCommand({ IdentityPoolId: poolB.IdentityPoolId })),
      ),
    );
    expect(answers.every((s) => s.status === "fulfilled")).toBe(true);
    expect(a.calls).toHaveLength(150);
    expect(b.calls).toHaveLength(150);
    expect(
      a.calls.every((c) => (c.input as { IdentityPoolId: string }).IdentityPoolId === poolA.IdentityPoolId),
    ).toBe(true);
    expect(
      b.calls.every((c) => (c.input as { IdentityPoolId: string }).IdentityPoolId === poolB.IdentityPoolId),
    ).toBe(true);
    expect(a.listIdentities(poolA.IdentityPoolId)).toHaveLength(150);
    expect(b.listIdentities(poolB.IdentityPoolId)).toHaveLength(150);

    // Through request handlers too.
    const viaHandler = new sdk.CognitoIdentityClient({
      region: "us-east-1",
      maxAttempts: 1,
      credentials: CREDENTIALS,
      requestHandler: b.requestHandler(),
    });
    await viaHandler.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(b.calls).toHaveLength(151);
    expect(a.calls).toHaveLength(150);
  });

  it("plugging a second fake into a client replaces the first; removing it leaves the network path", async () => {
    const a = createCognitoIdentityFake();
    const b = createCognitoIdentityFake();
    const client = new sdk.CognitoIdentityClient({
      region: "us-east-1",
      maxAttempts: 1,
      credentials: CREDENTIALS,
    });
    client.middlewareStack.use(a.plugin());
    client.middlewareStack.use(b.plugin());
    await client.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect([a.calls.length, b.calls.length]).toEqual([0, 1]);
    expect(client.middlewareStack.identify().filter((m) => m.startsWith("cognitoIdentityFake"))).toHaveLength(
      1,
    );
    client.middlewareStack.remove("cognitoIdentityFake");
    const guard = guardSockets();
    try {
      const err = await rejection(client.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 })));
      expect(err.message).toContain(NO_SOCKETS);
      expect(guard.attempts()).toBeGreaterThan(0);
    } finally {
      guard.restore();
      client.destroy();
    }
    expect([a.calls.length, b.calls.length]).toEqual([0, 1]);
  });
});
