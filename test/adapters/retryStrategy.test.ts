/**
 * fake.retryStrategy(): immediate retries for clients wired to the fake by plugin() or requestHandler(),
 * with no install(): same attempts as the SDK's standard strategy, no back-off, no timer.
 */
import {
  CognitoIdentityClient,
  GetIdCommand,
  ListIdentityPoolsCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity";
import { createCognitoIdentityFake } from "../../src";
import { rejection } from "../support/helpers";

const fake = createCognitoIdentityFake({ seed: 9 });
const POOL_ID = "us-east-1:00000000-0000-4000-8000-000000000009";

afterEach(() => {
  fake.reset();
  jest.useRealTimers();
});

describe("fake.retryStrategy()", () => {
  it("retries a plugged-in client's throttled call at once", async () => {
    const client = new CognitoIdentityClient({ region: "us-east-1", retryStrategy: fake.retryStrategy() });
    client.middlewareStack.use(fake.plugin());
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
    const out = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
  });

  it("takes maxAttempts", async () => {
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      retryStrategy: fake.retryStrategy({ maxAttempts: 2 }),
    });
    client.middlewareStack.use(fake.plugin());
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
    const err = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 10 })));
    expect(err).toBeInstanceOf(TooManyRequestsException);
    expect(err.$metadata).toMatchObject({ httpStatusCode: 429, attempts: 2, totalRetryDelay: 0 });
  });

  it("works for a client built with the fake's request handler", async () => {
    fake.seedIdentityPool({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
    });
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      requestHandler: fake.requestHandler(),
      retryStrategy: fake.retryStrategy(),
    });
    fake.failNext("GetId", "InternalErrorException");
    const out = await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect(out.IdentityId).toMatch(/^us-east-1:/);
    expect(out.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
  });

  it("sets no timer, so jest.useFakeTimers() cannot stall the retried call", async () => {
    jest.useFakeTimers();
    const client = new CognitoIdentityClient({ region: "us-east-1", retryStrategy: fake.retryStrategy() });
    client.middlewareStack.use(fake.plugin());
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
    const out = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
  });
});
