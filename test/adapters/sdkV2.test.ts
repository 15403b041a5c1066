/**
 * The AWS SDK v2: `CognitoIdentityCredentials.getPromise()` and `CognitoIdentity.getId()` answered by the fake
 * over `https.request`, under `install()` and under the msw handlers; nothing leaves the process.
 */
import AWS from "aws-sdk";
import { setupServer } from "msw/node";
import { createCognitoIdentityFake } from "../../src";
import { cognitoIdentityHandlers } from "../../src/msw";
import { spyNetwork } from "../support/noNetwork";

const POOL_ID = "eu-west-1:11111111-2222-4333-8444-555555555555";
const GUEST = "arn:aws:iam::123456789012:role/guest";

function seededFake() {
  const fake = createCognitoIdentityFake({ region: "eu-west-1" });
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "legacy",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: GUEST },
  });
  return fake;
}

/** A guest identity from `getId()`, then another guest's credentials from `CognitoIdentityCredentials`. */
async function v2Calls(): Promise<{ identityId: string; accessKeyId: string }> {
  const { IdentityId } = await new AWS.CognitoIdentity({ region: "eu-west-1" })
    .getId({ IdentityPoolId: POOL_ID })
    .promise();
  expect(IdentityId).toMatch(/^eu-west-1:/);
  const credentials = new AWS.CognitoIdentityCredentials(
    { IdentityPoolId: POOL_ID },
    { region: "eu-west-1" },
  );
  await credentials.getPromise();
  expect(credentials.identityId).not.toBe(IdentityId);
  return { identityId: credentials.identityId, accessKeyId: credentials.accessKeyId };
}

let network: ReturnType<typeof spyNetwork>;
beforeEach(() => {
  network = spyNetwork();
});
afterEach(() => network.restore());

describe("SDK v2 under fake.install()", () => {
  it("CognitoIdentity.getId() and CognitoIdentityCredentials.getPromise() are answered", async () => {
    const fake = seededFake();
    fake.install();
    try {
      const { identityId, accessKeyId } = await v2Calls();
      expect(identityId).toMatch(/^eu-west-1:/);
      expect(fake.credentialsFor(accessKeyId)).toMatchObject({ identityId, roleArn: GUEST });
      expect(fake.calls.map((c) => [c.operation, c.region])).toEqual([
        ["GetId", "eu-west-1"],
        ["GetId", "eu-west-1"],
        ["GetCredentialsForIdentity", "eu-west-1"],
      ]);
      expect(network.leaks()).toEqual([]);
    } finally {
      fake.uninstall();
    }
  });

  it("a service error reaches v2 as its AWSError", async () => {
    const fake = seededFake();
    fake.install();
    try {
      const error = await new AWS.CognitoIdentity({ region: "eu-west-1", maxRetries: 0 })
        .getId({ IdentityPoolId: "eu-west-1:00000000-0000-4000-8000-000000000000" })
        .promise()
        .catch((err: AWS.AWSError) => err);
      expect(error).toMatchObject({
        code: "ResourceNotFoundException",
        statusCode: 400,
        message: "IdentityPool 'eu-west-1:00000000-0000-4000-8000-000000000000' not found.",
      });
      expect(network.leaks()).toEqual([]);
    } finally {
      fake.uninstall();
    }
  });
});

describe("SDK v2 under the msw handlers", () => {
  it("CognitoIdentity.getId() and CognitoIdentityCredentials.getPromise() are answered", async () => {
    const fake = seededFake();
    const server = setupServer(...cognitoIdentityHandlers(fake));
    server.listen({ onUnhandledRequest: "error" });
    try {
      const { identityId, accessKeyId } = await v2Calls();
      expect(fake.credentialsFor(accessKeyId)?.identityId).toBe(identityId);
      expect(network.leaks()).toEqual([]);
    } finally {
      server.close();
    }
  });
});
