/**
 * Other JavaScript clients pointed at the server by endpoint: the v2 SDK (`AWS.CognitoIdentity`,
 * `AWS.CognitoIdentityCredentials`) and Amplify v6 (`Auth.Cognito.identityPoolEndpoint`, over global fetch).
 */
import { Amplify } from "aws-amplify";
import { fetchAuthSession } from "aws-amplify/auth";
import AWS from "aws-sdk";
import type { CognitoIdentityFake, FakeServer } from "../../../src";
import { CREDENTIALS, POOL_ID, served } from "./support";

const GUEST = "arn:aws:iam::123456789012:role/guest";
let fake: CognitoIdentityFake;
let server: FakeServer;

beforeAll(async () => {
  ({ fake, server } = await served());
});
beforeEach(() => {
  fake.reset();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: GUEST },
  });
});
afterAll(() => server.close());

test("the v2 SDK with endpoint: AWS.CognitoIdentity and AWS.CognitoIdentityCredentials", async () => {
  const v2 = new AWS.CognitoIdentity({ region: "us-east-1", endpoint: server.url, credentials: CREDENTIALS });
  const pools = await v2.listIdentityPools({ MaxResults: 10 }).promise();
  expect(pools.IdentityPools).toEqual([{ IdentityPoolId: POOL_ID, IdentityPoolName: "app" }]);
  const missing = await v2
    .describeIdentityPool({ IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000" })
    .promise()
    .catch((err: AWS.AWSError) => err);
  expect((missing as AWS.AWSError).code).toBe("ResourceNotFoundException");
  // The second argument configures the CognitoIdentity client the provider builds (its type names fewer fields).
  const clientConfig: AWS.CognitoIdentity.ClientConfiguration = { region: "us-east-1", endpoint: server.url };
  const credentials = new AWS.CognitoIdentityCredentials({ IdentityPoolId: POOL_ID }, clientConfig);
  await credentials.getPromise();
  expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
  expect(fake.issuedCredentials.map((c) => c.roleArn)).toEqual([GUEST]);
});

test("Amplify v6 with identityPoolEndpoint gets guest credentials", async () => {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  Amplify.configure({
    Auth: { Cognito: { identityPoolId: POOL_ID, allowGuestAccess: true, identityPoolEndpoint: server.url } },
  });
  const session = await fetchAuthSession();
  expect(session.credentials?.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
  expect(session.identityId).toMatch(/^us-east-1:/);
  expect(fake.calls.map((c) => c.operation)).toEqual(["GetId", "GetCredentialsForIdentity"]);
  expect(String(warn.mock.calls[0])).toContain("custom Amazon Amazon Cognito Identity Pool endpoint");
  warn.mockRestore();
});
