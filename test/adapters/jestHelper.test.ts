/**
 * The jest entry: useCognitoIdentityFake installs a fake for the file, resets it after each test, and the
 * matchers read its state, journal and issued credentials.
 */
import {
  CognitoIdentityClient,
  GetIdCommand,
  ListIdentityPoolsCommand,
} from "@aws-sdk/client-cognito-identity";
import { useCognitoIdentityFake } from "../../src/jest";
import { matchers } from "../../src/matchers/matchers";

const fake = useCognitoIdentityFake({ seed: 3 });

describe("useCognitoIdentityFake", () => {
  it("answers a client built with no region, credentials or plug-in", async () => {
    const pool = fake.seedIdentityPool({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true });
    const client = new CognitoIdentityClient({});
    const out = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    expect(out.IdentityPools).toEqual([{ IdentityPoolId: pool.IdentityPoolId, IdentityPoolName: "app" }]);
    expect(fake).toHaveReceivedOperation("ListIdentityPools", 1);
  });

  it("starts each test from an empty state with an empty journal", async () => {
    expect(fake.listIdentityPools()).toEqual([]);
    expect(fake.calls).toEqual([]);
    expect(fake).not.toHaveReceivedOperation("ListIdentityPools");
  });

  it("matches identities by linked login", async () => {
    const pool = fake.seedIdentityPool({
      IdentityPoolName: "social",
      AllowUnauthenticatedIdentities: false,
      SupportedLoginProviders: { "graph.facebook.com": "app-id" },
    });
    const client = new CognitoIdentityClient({});
    await client.send(
      new GetIdCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { "graph.facebook.com": "fb-token-1" },
      }),
    );
    expect(fake).toHaveIdentityWithLogin("graph.facebook.com", "fb-token-1");
    expect(fake).not.toHaveIdentityWithLogin("graph.facebook.com", "someone-else");
  });
});

describe("matcher messages", () => {
  it("say what was expected and what was found", () => {
    const found = matchers.toHaveReceivedOperation(fake, "GetId", 2);
    expect(found.pass).toBe(false);
    const none = "\n\nNo operations received.";
    expect(found.message()).toBe(`expected to have received GetId 2 times; received it 0 times${none}`);
    const role = matchers.toHaveIssuedCredentialsWithRole(fake, "arn:aws:iam::123456789012:role/x");
    expect(role.pass).toBe(false);
    expect(role.message()).toBe(
      `expected credentials with role arn:aws:iam::123456789012:role/x; issued: []${none}`,
    );
    const login = matchers.toHaveIdentityWithLogin(fake, "graph.facebook.com", "nobody");
    expect(login.message()).toBe(
      `expected an identity with graph.facebook.com login 'nobody', but none has it${none}`,
    );
  });

  it("refuse a value that is not a fake", () => {
    expect(matchers.toHaveReceivedOperation({}, "GetId").message()).toBe(
      "toHaveReceivedOperation: the received value is not a cognito-identity fake",
    );
  });
});
