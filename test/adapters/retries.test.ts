/**
 * Immediate retries under the jest helper (which turns them on): the SDK's retries of the fake's scripted
 * failures take no back-off and set no timer, for every client install() routes (credential providers
 * included); a client's own retry strategy is kept; and retried calls resolve under jest.useFakeTimers().
 */
import {
  CognitoIdentityClient,
  GetIdCommand,
  InternalErrorException,
  ListIdentityPoolsCommand,
  NotAuthorizedException,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { createProviderCache } from "../../src";
import { useCognitoIdentityFake } from "../../src/jest";
import { rejection } from "../support/helpers";

const fake = useCognitoIdentityFake({ seed: 5 });
const POOL_ID = "us-east-1:00000000-0000-4000-8000-000000000005";
const list = new ListIdentityPoolsCommand({ MaxResults: 10 });

afterEach(() => {
  jest.useRealTimers();
});

describe("the jest helper's clients retry at once", () => {
  it("retries throttling as the SDK does, with no back-off", async () => {
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
    const out = await new CognitoIdentityClient({}).send(list);
    expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
    expect(fake).toHaveReceivedOperation("ListIdentityPools", 3);
  });

  it("retries a transient server error", async () => {
    fake.failNext("ListIdentityPools", "InternalErrorException");
    const out = await new CognitoIdentityClient({}).send(list);
    expect(out.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
  });

  it("gives up after the client's maxAttempts with the service's exception", async () => {
    fake.failNext("ListIdentityPools", "InternalErrorException", { times: 2 });
    const err = await rejection(new CognitoIdentityClient({ maxAttempts: 2 }).send(list));
    expect(err).toBeInstanceOf(InternalErrorException);
    expect(err.$metadata).toMatchObject({ httpStatusCode: 500, attempts: 2, totalRetryDelay: 0 });
  });

  it("does not retry what the SDK does not retry", async () => {
    fake.failNext("ListIdentityPools", "NotAuthorizedException");
    const err = await rejection(new CognitoIdentityClient({}).send(list));
    expect(err).toBeInstanceOf(NotAuthorizedException);
    expect(err.$metadata).toMatchObject({ attempts: 1, totalRetryDelay: 0 });
  });

  it("covers the credential providers' internal client", async () => {
    fake.seedIdentityPool({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
      Roles: { unauthenticated: "arn:aws:iam::123456789012:role/guest" },
    });
    fake.failNext("GetId", "TooManyRequestsException", { times: 2 });
    const credentials = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: createProviderCache(),
    })();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(fake).toHaveReceivedOperation("GetId", 3);
  });

  it("leaves a client's own retry strategy alone", async () => {
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
    const client = new CognitoIdentityClient({ retryStrategy: new ConfiguredRetryStrategy(3, 1) });
    const out = await client.send(list);
    expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 2 });
  });
});

describe("jest fake timers", () => {
  it("cannot stall a retried call: immediate retries set no timer", async () => {
    jest.useFakeTimers();
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 3 });
    const err = await rejection(new CognitoIdentityClient({}).send(list));
    expect(err).toBeInstanceOf(TooManyRequestsException);
    expect(err.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
  });

  it("with a back-off of your own: run the timers while the call is pending", async () => {
    jest.useFakeTimers();
    fake.failNext("GetId", "TooManyRequestsException", { times: 2 });
    fake.seedIdentityPool({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
    });
    const client = new CognitoIdentityClient({ retryStrategy: new ConfiguredRetryStrategy(3, 1000) });
    const pending = client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    await jest.runAllTimersAsync();
    const out = await pending;
    expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 2000 });
  });
});
