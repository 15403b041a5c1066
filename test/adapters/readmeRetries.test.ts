// The README's retries example, verbatim but for the import path: it must keep passing.
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { createCognitoIdentityFake } from "../../src";

const fake = createCognitoIdentityFake();

test("a plugged-in client retries at once, under fake timers too", async () => {
  jest.useFakeTimers();
  const client = new CognitoIdentityClient({ region: "us-east-1", retryStrategy: fake.retryStrategy() });
  client.middlewareStack.use(fake.plugin());
  fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
  const out = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
  expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
  jest.useRealTimers();
});
