/**
 * fake.attachTo(mock) with aws-sdk-client-mock 4: the mock's own behaviours win, the fake answers every other
 * command through the SDK stack (typed outputs and errors, $metadata, retries), aws-sdk-client-mock-jest's
 * matchers see every call, it survives mock.reset(), and it does not matter whether install() ran before or
 * after mockClient(). Overrides reach the credential providers' internal client through its own class.
 */
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  ResourceNotFoundException,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import {
  GetCredentialsForIdentityCommand,
  CognitoIdentityClient as NestedCognitoIdentityClient,
} from "@aws-sdk/nested-clients/cognito-identity";
import { STSClient } from "@aws-sdk/nested-clients/sts";
import { type AwsClientStub, mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-jest";
import { type CognitoIdentityFake, createCognitoIdentityFake, createProviderCache } from "../../src";
import "../../src/jest";
import { rejection } from "../support/helpers";

const POOL_ID = "us-east-1:00000000-0000-4000-8000-00000000000a";
const MISSING = "us-east-1:00000000-0000-4000-8000-0000000000ff";
const GUEST = "arn:aws:iam::123456789012:role/guest";
const client = () => new CognitoIdentityClient({ region: "us-east-1" });

function fakeWithPool(): CognitoIdentityFake {
  const fake = createCognitoIdentityFake({ seed: 10, immediateRetries: true });
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: GUEST },
  });
  return fake;
}

let fake: CognitoIdentityFake;
let mock: AwsClientStub<CognitoIdentityClient>;
beforeEach(() => {
  fake = fakeWithPool();
  mock = fake.attachTo(mockClient(CognitoIdentityClient));
});
afterEach(() => {
  mock.restore();
  fake.uninstall();
});

describe("fake.attachTo(mockClient(CognitoIdentityClient))", () => {
  it("lets the mock's behaviours win and the fake answer the rest", async () => {
    mock.on(GetOpenIdTokenCommand).resolves({ IdentityId: "scripted", Token: "scripted-token" });
    const { IdentityId } = await client().send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    const token = await client().send(new GetOpenIdTokenCommand({ IdentityId }));
    expect(token.Token).toBe("scripted-token");
    expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
    expect(mock).toHaveReceivedCommandTimes(GetIdCommand, 1);
    expect(mock).toHaveReceivedCommandWith(GetOpenIdTokenCommand, { IdentityId });
  });

  it("answers errors as the plug-in does: the SDK's classes and $metadata", async () => {
    const err = await rejection(client().send(new DescribeIdentityPoolCommand({ IdentityPoolId: MISSING })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe(`IdentityPool '${MISSING}' not found.`);
    expect(err.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 1 });
    expect(mock).toHaveReceivedCommand(DescribeIdentityPoolCommand);
  });

  it("answers exactly what the plug-in path answers", async () => {
    const twin = fakeWithPool();
    const plugged = new CognitoIdentityClient({ region: "us-east-1" });
    plugged.middlewareStack.use(twin.plugin());
    const run = async (c: CognitoIdentityClient) => ({
      id: await c.send(new GetIdCommand({ IdentityPoolId: POOL_ID })),
      missing: await rejection(c.send(new DescribeIdentityPoolCommand({ IdentityPoolId: MISSING }))),
    });
    const [viaMock, viaPlugin] = [await run(client()), await run(plugged)];
    const varying = new Set(["IdentityId", "requestId"]);
    const normalized = (value: object) =>
      JSON.parse(JSON.stringify(value), (key, v) => (varying.has(key) ? "<varies>" : v));
    expect(normalized(viaMock.id)).toEqual(normalized(viaPlugin.id));
    expect(viaMock.missing.constructor).toBe(viaPlugin.missing.constructor);
    expect(viaMock.missing.message).toBe(viaPlugin.missing.message);
    expect(normalized({ ...viaMock.missing, $response: 0 })).toEqual(
      normalized({ ...viaPlugin.missing, $response: 0 }),
    );
  });

  it("runs the SDK's retries below the mock: one send, three attempts", async () => {
    fake.failNext("GetId", "TooManyRequestsException", { times: 2 });
    const out = await client().send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 3, totalRetryDelay: 0 });
    expect(mock).toHaveReceivedCommandTimes(GetIdCommand, 1);
    expect(fake).toHaveReceivedOperation("GetId", 3);
  });

  it("survives mock.reset()", async () => {
    mock.on(GetIdCommand).rejects(new TooManyRequestsException({ message: "scripted", $metadata: {} }));
    mock.reset();
    mock.on(GetOpenIdTokenCommand).resolves({ Token: "after-reset" });
    const { IdentityId } = await client().send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect(fake.getIdentity(IdentityId ?? "")).toBeDefined();
    expect((await client().send(new GetOpenIdTokenCommand({ IdentityId }))).Token).toBe("after-reset");
    expect(mock).toHaveReceivedCommandTimes(GetIdCommand, 1);
    expect(mock).toHaveReceivedCommandTimes(GetOpenIdTokenCommand, 1);
  });

  it("attaches to a mock of one client instance too", async () => {
    const single = client();
    const instanceMock = fake.attachTo(mockClient(single));
    try {
      instanceMock.on(GetOpenIdTokenCommand).resolves({ Token: "instance" });
      const { IdentityId } = await single.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
      expect((await single.send(new GetOpenIdTokenCommand({ IdentityId }))).Token).toBe("instance");
      expect(instanceMock).toHaveReceivedCommandTimes(GetIdCommand, 1);
      expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
    } finally {
      instanceMock.restore();
    }
  });

  it("answers callback-style sends too", async () => {
    const output = await new Promise((resolve, reject) =>
      client().send(new GetIdCommand({ IdentityPoolId: POOL_ID }), (err, out) =>
        err ? reject(err) : resolve(out),
      ),
    );
    expect(output).toMatchObject({ IdentityId: expect.stringMatching(/^us-east-1:/) });
  });
});

describe("attachTo and install(), in either order", () => {
  it("install() after mockClient()", async () => {
    fake.install();
    mock.on(GetOpenIdTokenCommand).resolves({ Token: "scripted-token" });
    const { IdentityId } = await client().send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect((await client().send(new GetOpenIdTokenCommand({ IdentityId }))).Token).toBe("scripted-token");
    expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
  });

  it("install() before mockClient()", async () => {
    mock.restore();
    fake.install();
    mock = fake.attachTo(mockClient(CognitoIdentityClient));
    mock.on(GetOpenIdTokenCommand).resolves({ Token: "scripted-token" });
    const { IdentityId } = await client().send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect((await client().send(new GetOpenIdTokenCommand({ IdentityId }))).Token).toBe("scripted-token");
    expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
  });

  it("the attached fake answers even while another fake is installed", async () => {
    const other = createCognitoIdentityFake({ seed: 11 });
    other.install();
    try {
      await client().send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
      expect(fake).toHaveReceivedOperation("GetId", 1);
      expect(other.calls).toEqual([]);
    } finally {
      other.uninstall();
    }
  });
});

describe("the credential providers' internal client", () => {
  it("takes overrides from a mock of its own class; the fake answers the rest", async () => {
    const nested = fake.attachTo(mockClient(NestedCognitoIdentityClient));
    try {
      const Expiration = new Date("2030-01-01T00:00:00Z");
      nested.on(GetCredentialsForIdentityCommand).resolves({
        IdentityId: "us-east-1:scripted",
        Credentials: { AccessKeyId: "ASIASCRIPTED", SecretKey: "secret", SessionToken: "token", Expiration },
      });
      const getCredentials = fromCognitoIdentityPool({
        identityPoolId: POOL_ID,
        clientConfig: { region: "us-east-1" },
        cache: createProviderCache(),
      });
      expect((await getCredentials()).accessKeyId).toBe("ASIASCRIPTED");
      expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
      expect(nested).toHaveReceivedCommandTimes(GetCredentialsForIdentityCommand, 1);
    } finally {
      nested.restore();
    }
  });
});

describe("attachTo refuses what it cannot answer", () => {
  it("a value that is not a mock", () => {
    expect(() => fake.attachTo({} as never)).toThrow(/takes the mock mockClient\(\) returns/);
  });

  it("a mock of another service's client", async () => {
    const sts = fake.attachTo(mockClient(STSClient));
    try {
      await expect(new STSClient({ region: "us-east-1" }).send({} as never)).rejects.toThrow(
        /answers Cognito Identity clients only/,
      );
    } finally {
      sts.restore();
    }
  });
});
