/**
 * fake.install(): every Cognito Identity client of the process — public and nested — answered by the fake,
 * with no region, credentials or plug-in, and no socket opened; uninstall restores everything.
 */
import {
  CognitoIdentityClient,
  type CognitoIdentityClientConfig,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";
import {
  GetIdCommand,
  CognitoIdentityClient as NestedClient,
} from "@aws-sdk/nested-clients/cognito-identity";
import { createCognitoIdentityFake } from "../../src";
import { guardSockets, NO_SOCKETS, rejection } from "../support/helpers";

const baseSend = Object.getPrototypeOf(CognitoIdentityClient.prototype).send;
// The nested client may be built on another copy of @smithy/smithy-client than the public client (an older
// client-cognito-identity beside newer credential providers), so its base send is its own.
const nestedBaseSend = Object.getPrototypeOf(NestedClient.prototype).send;

describe("fake.install()", () => {
  let guard: ReturnType<typeof guardSockets>;
  beforeEach(() => {
    guard = guardSockets();
  });
  afterEach(() => guard.restore());

  it("answers a fresh client with no region, credentials or plug-in, and opens no socket", async () => {
    const fake = createCognitoIdentityFake({ region: "eu-west-1" });
    const uninstall = fake.install();
    try {
      const client = new CognitoIdentityClient({});
      const created = await client.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: "installed",
          AllowUnauthenticatedIdentities: true,
        }),
      );
      expect(created.IdentityPoolId).toMatch(/^eu-west-1:/);
      const listed = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
      expect(listed.IdentityPools).toEqual([
        { IdentityPoolId: created.IdentityPoolId, IdentityPoolName: "installed" },
      ]);
      expect(fake.calls.map((c) => [c.operation, c.region])).toEqual([
        ["CreateIdentityPool", "eu-west-1"],
        ["ListIdentityPools", "eu-west-1"],
      ]);
      const error = await rejection(
        client.send(
          new DescribeIdentityPoolCommand({
            IdentityPoolId: "eu-west-1:00000000-0000-4000-8000-000000000000",
          }),
        ),
      );
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(guard.attempts()).toBe(0);
    } finally {
      uninstall();
    }
  });

  it("keeps a client's own region", async () => {
    const fake = createCognitoIdentityFake();
    fake.install();
    try {
      const client = new CognitoIdentityClient({ region: "ap-south-1" });
      await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
      expect(fake.calls[0]?.region).toBe("ap-south-1");
    } finally {
      fake.uninstall();
    }
  });

  it("answers the internal client of @aws-sdk/nested-clients too", async () => {
    const fake = createCognitoIdentityFake();
    const pool = fake.seedIdentityPool({ IdentityPoolName: "nested", AllowUnauthenticatedIdentities: true });
    fake.install();
    try {
      const nested = new NestedClient({});
      const out = await nested.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
      expect(out.IdentityId).toMatch(/^us-east-1:/);
      expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
      expect(guard.attempts()).toBe(0);
    } finally {
      fake.uninstall();
    }
  });

  it("does not modify the clients it answered, and uninstall restores send exactly", async () => {
    const fake = createCognitoIdentityFake();
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials: { accessKeyId: "A", secretAccessKey: "S" },
    });
    const before = client.middlewareStack.identify();
    const uninstall = fake.install();
    expect(Object.getPrototypeOf(CognitoIdentityClient.prototype).send).not.toBe(baseSend);
    await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    uninstall();
    expect(Object.getPrototypeOf(CognitoIdentityClient.prototype).send).toBe(baseSend);
    expect(Object.getPrototypeOf(NestedClient.prototype).send).toBe(nestedBaseSend);
    expect(client.middlewareStack.identify()).toEqual(before);
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBeUndefined();

    // After uninstall the same client goes to the network path: the guard refuses the connection.
    const error = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 1 })));
    expect(error.message).toContain(NO_SOCKETS);
    expect(guard.attempts()).toBeGreaterThan(0);
    expect(fake.calls).toHaveLength(1);
    client.destroy();
  });

  it("after uninstall a fresh client goes to the network path", async () => {
    const fake = createCognitoIdentityFake();
    fake.install();
    fake.uninstall();
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials: { accessKeyId: "A", secretAccessKey: "S" },
      maxAttempts: 1,
    });
    const error = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 1 })));
    expect(error.message).toContain(NO_SOCKETS);
    expect(fake.calls).toHaveLength(0);
    client.destroy();
  });

  it("leaves other services' clients alone", async () => {
    const fake = createCognitoIdentityFake();
    fake.install();
    try {
      const other = new CognitoIdentityClient({
        region: "us-east-1",
        credentials: { accessKeyId: "A", secretAccessKey: "S" },
        maxAttempts: 1,
        serviceId: "Not Cognito Identity",
        endpoint: "https://sts.us-east-1.amazonaws.com",
      } as CognitoIdentityClientConfig);
      const error = await rejection(other.send(new ListIdentityPoolsCommand({ MaxResults: 1 })));
      expect(error.message).toContain(NO_SOCKETS);
      expect(fake.calls).toHaveLength(0);
      other.destroy();
    } finally {
      fake.uninstall();
    }
  });

  it("an explicit plug-in on a client wins over the installed fake", async () => {
    const installed = createCognitoIdentityFake();
    const explicit = createCognitoIdentityFake();
    installed.install();
    try {
      const client = new CognitoIdentityClient({});
      client.middlewareStack.use(explicit.plugin());
      await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
      expect(explicit.calls).toHaveLength(1);
      expect(installed.calls).toHaveLength(0);
      expect(explicit.calls[0]?.region).toBe("us-east-1");
    } finally {
      installed.uninstall();
    }
  });

  it("one fake at a time: a second install throws, the same one again is a no-op", async () => {
    const first = createCognitoIdentityFake();
    const second = createCognitoIdentityFake();
    const uninstall = first.install();
    try {
      expect(() => second.install()).toThrow(/another fake is already installed/);
      const again = first.install();
      expect(typeof again).toBe("function");
      second.uninstall(); // not installed: no-op
      await new CognitoIdentityClient({}).send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
      expect(first.calls).toHaveLength(1);
    } finally {
      uninstall();
    }
    expect(() => second.install()).not.toThrow();
    second.uninstall();
  });

  it("keeps AWS_EC2_METADATA_DISABLED as it found it", () => {
    const fake = createCognitoIdentityFake();
    process.env.AWS_EC2_METADATA_DISABLED = "false";
    try {
      fake.install();
      expect(process.env.AWS_EC2_METADATA_DISABLED).toBe("false");
      fake.uninstall();
      expect(process.env.AWS_EC2_METADATA_DISABLED).toBe("false");
    } finally {
      delete process.env.AWS_EC2_METADATA_DISABLED;
    }
    fake.install();
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBe("true");
    fake.uninstall();
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBeUndefined();
  });
});
