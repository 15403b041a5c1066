// The README's aws-sdk-client-mock example, verbatim but for the import paths: it must keep passing.
import { CognitoIdentityClient, GetIdCommand, GetOpenIdTokenCommand } from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import {
  GetCredentialsForIdentityCommand,
  CognitoIdentityClient as ProvidersClient,
} from "@aws-sdk/nested-clients/cognito-identity";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-jest";
import { createCognitoIdentityFake, createProviderCache } from "../../src";

const fake = createCognitoIdentityFake({ immediateRetries: true });
const mock = fake.attachTo(mockClient(CognitoIdentityClient));
const POOL_ID = "us-east-1:00000000-0000-4000-8000-000000000001";

beforeEach(() => {
  mock.reset(); // drops the mock's behaviours and calls; the fake stays attached
  fake.reset();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
  });
});
afterAll(() => mock.restore());

test("the mock's behaviours win, the fake answers the rest", async () => {
  mock.on(GetOpenIdTokenCommand).resolves({ Token: "scripted" });
  const client = new CognitoIdentityClient({ region: "us-east-1" });
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
  expect((await client.send(new GetOpenIdTokenCommand({ IdentityId }))).Token).toBe("scripted");
  expect(mock).toHaveReceivedCommandTimes(GetIdCommand, 1);
  expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]);
});

test("overrides for the credential providers go on their own client class", async () => {
  const providers = fake.attachTo(mockClient(ProvidersClient));
  providers.on(GetCredentialsForIdentityCommand).rejects(new Error("scripted outage"));
  const getCredentials = fromCognitoIdentityPool({
    identityPoolId: POOL_ID,
    clientConfig: { region: "us-east-1" },
    cache: createProviderCache(),
  });
  await expect(getCredentials()).rejects.toThrow("scripted outage");
  expect(fake.calls.map((c) => c.operation)).toEqual(["GetId"]); // GetId: answered by the fake
  providers.restore();
});
