/**
 * The matchers with `import { expect } from "@jest/globals"`: registered by the jest entry and typed on
 * `expect`'s Matchers, so both the calls and the wrong calls below are checked by the compiler (npm run
 * typecheck), as the Vitest suite checks them on Vitest's expect.
 */
import { CognitoIdentityClient, ListIdentityPoolsCommand } from "@aws-sdk/client-cognito-identity";
import { describe, expect, it } from "@jest/globals";
import { matchers, useCognitoIdentityFake } from "../../src/jest";

const fake = useCognitoIdentityFake({ seed: 4 });

describe("matchers on @jest/globals' expect", () => {
  it("are registered and typed", async () => {
    await new CognitoIdentityClient({}).send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    expect(fake).toHaveReceivedOperation("ListIdentityPools", 1);
    expect(fake).not.toHaveIdentityWithLogin("graph.facebook.com", "nobody");
    expect(fake).not.toHaveIssuedCredentialsWithRole("arn:aws:iam::123456789012:role/x");
    // @ts-expect-error the operation is a string, not a number
    expect(() => expect(fake).toHaveReceivedOperation(42)).toThrow();
  });

  it("are the plain matchers object, for any runner's expect.extend", () => {
    expect(matchers.toHaveReceivedOperation(fake, "GetId", 0).pass).toBe(true);
  });
});
