/**
 * Which role: `fake.credentialsFor(accessKeyId)`, and STS `GetCallerIdentity` signed with credentials the fake
 * issued, answered under install() for SDK v3 (`@aws-sdk/client-sts`) and the SDK v2 in STS's own wire format;
 * every other STS request passes untouched.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import AWS from "aws-sdk";
import { createCognitoIdentityFake, createProviderCache } from "../../src";
import { rejection } from "../support/helpers";
import { spyNetwork } from "../support/noNetwork";

const POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";
const GUEST = "arn:aws:iam::123456789012:role/app/guest";
let clock = new Date("2026-01-01T00:00:00Z");
const fake = createCognitoIdentityFake({ now: () => clock });

let network: ReturnType<typeof spyNetwork>;
beforeAll(() => fake.install());
afterAll(() => fake.uninstall());
beforeEach(() => {
  clock = new Date("2026-01-01T00:00:00Z");
  fake.reset();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: GUEST },
  });
  network = spyNetwork();
});
afterEach(() => network.restore());

const guestCredentials = () =>
  fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: createProviderCache() })();

it("credentialsFor() returns the record of a key the fake issued, undefined for any other", async () => {
  const credentials = await guestCredentials();
  expect(fake.credentialsFor(credentials.accessKeyId)).toEqual(fake.issuedCredentials[0]);
  expect(fake.credentialsFor(credentials.accessKeyId)?.roleArn).toBe(GUEST);
  expect(fake.credentialsFor("AKIAIOSFODNN7EXAMPLE")).toBeUndefined();
});

it("credentialsFor() finds keys issued after an earlier lookup, and none after reset()", async () => {
  const first = await guestCredentials();
  expect(fake.credentialsFor(first.accessKeyId)).toBeDefined();
  const second = await guestCredentials();
  expect(fake.credentialsFor(second.accessKeyId)).toEqual(fake.issuedCredentials[1]);
  fake.reset();
  expect(fake.credentialsFor(first.accessKeyId)).toBeUndefined();
});

it("GetCallerIdentity through @aws-sdk/client-sts names the assumed role", async () => {
  const sts = new STSClient({ region: "us-east-1", credentials: await guestCredentials() });
  const who = await sts.send(new GetCallerIdentityCommand({}));
  expect(who).toMatchObject({
    Account: "123456789012",
    Arn: "arn:aws:sts::123456789012:assumed-role/guest/CognitoIdentityCredentials",
    UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/),
  });
  expect(network.leaks()).toEqual([]);
});

it("GetCallerIdentity through the SDK v2 answers the same identity", async () => {
  const credentials = await guestCredentials();
  const who = await new AWS.STS({ region: "us-east-1", credentials }).getCallerIdentity().promise();
  const v3 = await new STSClient({ region: "us-east-1", credentials }).send(new GetCallerIdentityCommand({}));
  expect({ Account: who.Account, Arn: who.Arn, UserId: who.UserId }).toEqual({
    Account: v3.Account,
    Arn: v3.Arn,
    UserId: v3.UserId,
  });
});

it("expired credentials answer ExpiredToken", async () => {
  const credentials = await guestCredentials();
  clock = new Date("2026-01-01T02:00:00Z");
  const sts = new STSClient({ region: "us-east-1", credentials, maxAttempts: 1 });
  const err = await rejection(sts.send(new GetCallerIdentityCommand({})));
  expect(err.name).toBe("ExpiredToken");
});

it("every other STS request passes untouched, to the network", async () => {
  const issued = new STSClient({
    region: "us-east-1",
    credentials: await guestCredentials(),
    maxAttempts: 1,
  });
  await rejection(issued.send(new AssumeRoleCommand({ RoleArn: GUEST, RoleSessionName: "s" })));
  const foreign = new STSClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret" },
    maxAttempts: 1,
  });
  await rejection(foreign.send(new GetCallerIdentityCommand({})));
  expect(network.leaks()).toEqual(["socket", "socket"]);
});
