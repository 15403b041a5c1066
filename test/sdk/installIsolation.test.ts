import type * as JestEntry from "../../src/jest";
import { CREDENTIALS, type FakeModule, load, type Sdk, traces } from "../support/fixtures/isolation";
import { guardSockets, NO_SOCKETS, rejection } from "../support/helpers";

describe("install() then uninstall()", () => {
  let sdk: Sdk;
  let nested: Sdk;
  let createCognitoIdentityFake: FakeModule["createCognitoIdentityFake"];
  beforeAll(() => {
    ({ sdk, nested, createCognitoIdentityFake } = load());
  });
  let guard: ReturnType<typeof guardSockets>;
  beforeEach(() => {
    guard = guardSockets();
  });
  afterEach(() => guard.restore());

  it("leaves no trace: send, environment, registry and prototypes are as before; fresh clients go to the network", async () => {
    const before = traces(sdk);
    const beforeNested = traces(nested);
    const fake = createCognitoIdentityFake();
    const pool = fake.seedIdentityPool({ IdentityPoolName: "p", AllowUnauthenticatedIdentities: true });
    const uninstall = fake.install();
    const during = new sdk.CognitoIdentityClient({});
    try {
      await during.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 }));
      await new nested.CognitoIdentityClient({}).send(
        new nested.GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }),
      );
      expect(fake.calls).toHaveLength(2);
      expect(traces(sdk)).not.toEqual(before);
    } finally {
      uninstall();
    }
    expect(traces(sdk)).toEqual(before);
    expect(traces(nested)).toEqual(beforeNested);

    for (const { Client, Command } of [
      { Client: sdk.CognitoIdentityClient, Command: sdk.GetIdCommand },
      { Client: nested.CognitoIdentityClient, Command: nested.GetIdCommand },
    ]) {
      const fresh = new Client({ region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
      const err = await rejection(fresh.send(new Command({ IdentityPoolId: pool.IdentityPoolId })));
      expect(err.message).toContain(NO_SOCKETS);
      fresh.destroy();
    }
    // A client made while installed was never modified; once uninstalled it is an ordinary client again
    // (with no region of its own it now fails resolving one).
    expect(during.middlewareStack.identify().some((m) => m.startsWith("cognitoIdentityFake"))).toBe(false);
    const err = await rejection(during.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 })));
    expect(err.message).toBe("Region is missing");
    expect(guard.attempts()).toBeGreaterThan(0);
    expect(fake.calls).toHaveLength(2);
  });

  it("a hundred install/uninstall cycles of two fakes stack nothing", async () => {
    const before = traces(sdk);
    const a = createCognitoIdentityFake();
    const b = createCognitoIdentityFake();
    for (let i = 0; i < 100; i++) {
      const fake = i % 2 === 0 ? a : b;
      fake.install();
      try {
        fake.install(); // the same fake again: a no-op
        expect(() => (fake === a ? b : a).install()).toThrow(/another fake is already installed/);
      } finally {
        fake.uninstall();
      }
      fake.uninstall(); // not installed any more: a no-op
    }
    expect(traces(sdk)).toEqual(before);
    a.install();
    try {
      await new sdk.CognitoIdentityClient({}).send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 }));
      await fetch("https://cognito-identity.us-east-1.amazonaws.com/", {
        method: "POST",
        headers: { "x-amz-target": "AWSCognitoIdentityService.ListIdentityPools" },
        body: '{"MaxResults":1}',
      });
    } finally {
      a.uninstall();
    }
    expect([a.calls.length, b.calls.length]).toEqual([2, 0]);
    const after = traces(sdk);
    expect(after).toEqual(before);
    expect(after.transports.every((value, i) => Object.is(value, before.transports[i]))).toBe(true);
  });

  it("one fake's install never answers another fake's explicitly plugged client, and ends cleanly", async () => {
    const installed = createCognitoIdentityFake();
    const plugged = createCognitoIdentityFake();
    const client = new sdk.CognitoIdentityClient({ region: "eu-west-1", maxAttempts: 1 });
    client.middlewareStack.use(plugged.plugin());
    installed.install();
    try {
      await client.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 }));
      await new sdk.CognitoIdentityClient({}).send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 }));
    } finally {
      installed.uninstall();
    }
    expect(plugged.calls.map((c) => c.region)).toEqual(["eu-west-1"]);
    expect(installed.calls.map((c) => c.region)).toEqual(["us-east-1"]);
    await client.send(new sdk.ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect([plugged.calls.length, installed.calls.length]).toEqual([2, 1]);
    expect(guard.attempts()).toBe(0);
  });
});

describe("useCognitoIdentityFake after jest.resetModules() (a new file's registry)", () => {
  // The jest entry and the SDK both come from a fresh registry, as in a new test file.
  jest.resetModules();
  const entry = require("../../src/jest") as typeof JestEntry;
  const fake = entry.useCognitoIdentityFake({ seed: 9 });

  it("answers a client of the fresh SDK copy with no region, credentials or plug-in", async () => {
    const { sdk } = load();
    const guard = guardSockets();
    try {
      const pool = fake.seedIdentityPool({ IdentityPoolName: "fresh", AllowUnauthenticatedIdentities: true });
      const out = await new sdk.CognitoIdentityClient({}).send(
        new sdk.GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }),
      );
      expect(fake.getIdentity(out.IdentityId as string)?.IdentityPoolId).toBe(pool.IdentityPoolId);
      expect(guard.attempts()).toBe(0);
    } finally {
      guard.restore();
    }
  });

  it("resets between tests and its matchers are registered", () => {
    expect(fake.calls).toEqual([]);
    expect(fake.listIdentityPools()).toEqual([]);
    expect(fake).not.toHaveReceivedOperation("GetId");
  });
});

describe("useCognitoIdentityFake from an isolated registry (jest.isolateModules)", () => {
  let entry: typeof JestEntry | undefined;
  let sdk: Sdk | undefined;
  jest.isolateModules(() => {
    entry = require("../../src/jest");
    sdk = require("@aws-sdk/client-cognito-identity");
  });
  const isolated = sdk as Sdk;
  // The isolated SDK copy is not the one the registry in force resolves: name its client class.
  const fake = (entry as typeof JestEntry).useCognitoIdentityFake({
    install: { clients: [isolated.CognitoIdentityClient] },
  });

  it("is a separate copy of the library and the SDK", () => {
    expect(isolated.CognitoIdentityClient).not.toBe(
      require("@aws-sdk/client-cognito-identity").CognitoIdentityClient,
    );
  });

  it("answers the isolated copy's clients", async () => {
    const guard = guardSockets();
    try {
      const out = await new isolated.CognitoIdentityClient({}).send(
        new isolated.ListIdentityPoolsCommand({ MaxResults: 5 }),
      );
      expect(out.IdentityPools).toEqual([]);
      expect(fake.calls.map((c) => c.operation)).toEqual(["ListIdentityPools"]);
      expect(guard.attempts()).toBe(0);
    } finally {
      guard.restore();
    }
  });

  it("copies of the library share one install registry: a second copy's fake cannot install over it", () => {
    const other = (require("../../src") as FakeModule).createCognitoIdentityFake();
    expect(() => other.install()).toThrow(/another fake is already installed/);
  });
});

describe("a registry reset in the middle of a file", () => {
  const entry = require("../../src/jest") as typeof JestEntry;
  const fake = entry.useCognitoIdentityFake();

  it("a fresh SDK copy loaded after install() and not handed over is answered at the transport, no socket opened", async () => {
    jest.resetModules();
    const fresh = require("@aws-sdk/client-cognito-identity") as Sdk;
    const guard = guardSockets();
    try {
      // Not hooked, so the client signs and sends over https.request: install()'s transport answers it.
      const client = new fresh.CognitoIdentityClient({
        region: "us-east-1",
        credentials: CREDENTIALS,
        maxAttempts: 1,
      });
      const out = await client.send(new fresh.ListIdentityPoolsCommand({ MaxResults: 1 }));
      expect(out.IdentityPools).toEqual([]);
      expect(fake.calls.map((c) => c.operation)).toEqual(["ListIdentityPools"]);
      expect(guard.attempts()).toBe(0);
      client.destroy();
    } finally {
      guard.restore();
    }
  });

  it("a fresh SDK copy loaded after install() is answered once its class is handed to install()", async () => {
    jest.resetModules();
    const fresh = require("@aws-sdk/client-cognito-identity") as Sdk;
    // install() hooks the SDK copies it can see when it runs; a copy loaded later needs naming (see the report).
    fake.install({ clients: [fresh.CognitoIdentityClient] });
    const guard = guardSockets();
    try {
      await new fresh.CognitoIdentityClient({}).send(new fresh.ListIdentityPoolsCommand({ MaxResults: 1 }));
      expect(fake.calls).toHaveLength(1);
      expect(guard.attempts()).toBe(0);
    } finally {
      guard.restore();
    }
  });
});
