// The README's Vitest example, verbatim but for the import path: it must keep passing.
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { expect, test, vi } from "vitest";
import { useCognitoIdentityFake } from "../../../src/vitest";

const fake = useCognitoIdentityFake(); // installed for this file, reset after each test

test("a throttled call is retried at once, even under fake timers", async () => {
  vi.useFakeTimers();
  fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
  const out = await new CognitoIdentityClient({}).send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
  expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
  expect(fake).toHaveReceivedOperation("ListIdentityPools", 3);
  vi.useRealTimers();
});
