/**
 * The Vitest entry under Vitest's default configuration (no globals): useCognitoIdentityFake with Vitest's
 * hooks, the matchers on Vitest's expect, immediate retries, and retries under vi.useFakeTimers().
 */
import {
  CognitoIdentityClient,
  ListIdentityPoolsCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity";
import { afterEach, describe, expect, it, vi } from "vitest";
import { matchers, useCognitoIdentityFake } from "../../../src/vitest";

const fake = useCognitoIdentityFake({ seed: 7 });
const POOL_ID = "us-east-1:00000000-0000-4000-8000-000000000007";

describe("useCognitoIdentityFake (Vitest)", () => {
  it("answers a client built with no region, credentials or plug-in", async () => {
    fake.seedIdentityPool({
      IdentityPoolId: POOL_ID,
      IdentityPoolName: "app",
      AllowUnauthenticatedIdentities: true,
    });
    const client = new CognitoIdentityClient({});
    const out = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    expect(out.IdentityPools).toEqual([{ IdentityPoolId: POOL_ID, IdentityPoolName: "app" }]);
    expect(fake).toHaveReceivedOperation("ListIdentityPools", 1);
  });

  it("starts each test from an empty state with an empty journal", () => {
    expect(fake.listIdentityPools()).toEqual([]);
    expect(fake).not.toHaveReceivedOperation("ListIdentityPools");
  });

  it("fails with the matcher's message", () => {
    expect(() => expect(fake).toHaveReceivedOperation("GetId", 2)).toThrow(
      "expected to have received GetId 2 times; received it 0 times",
    );
  });

  it("exports the matchers as a plain object", () => {
    expect(Object.keys(matchers)).toContain("toHaveIdentityWithLogin");
    expect(matchers.toHaveReceivedOperation(fake, "GetId").pass).toBe(false);
  });
});

describe("retries (Vitest)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("retry the fake's scripted failures without back-off", async () => {
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
    const out = await new CognitoIdentityClient({}).send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    expect(out.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 0 });
  });

  it("never wait on a timer, so vi.useFakeTimers() cannot stall a retried call", async () => {
    vi.useFakeTimers();
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 3 });
    const failed = new CognitoIdentityClient({}).send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    await expect(failed).rejects.toBeInstanceOf(TooManyRequestsException);
    await expect(failed).rejects.toMatchObject({ $metadata: { attempts: 3, totalRetryDelay: 0 } });
  });
});

describe("matcher types (Vitest)", () => {
  it("are checked by the compiler", () => {
    // @ts-expect-error the operation is a string, not a number
    expect(() => expect(fake).toHaveReceivedOperation(42)).toThrow();
    expect(fake).not.toHaveIdentityWithLogin("graph.facebook.com", "nobody");
    expect(fake).not.toHaveIssuedCredentialsWithRole("arn:aws:iam::123456789012:role/x");
  });
});
