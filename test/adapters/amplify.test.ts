/**
 * Amplify JS v6: `fetchAuthSession()` gets guest credentials and an identity id from the fake, through its own
 * client over global `fetch`, under `install()` and under the msw handlers; nothing leaves the process.
 */
import { Amplify } from "aws-amplify";
import { fetchAuthSession } from "aws-amplify/auth";
import { cognitoCredentialsProvider } from "aws-amplify/auth/cognito";
import { setupServer } from "msw/node";
import { createCognitoIdentityFake } from "../../src";
import { cognitoIdentityHandlers } from "../../src/msw";
import { spyNetwork } from "../support/noNetwork";

const POOL_ID = "us-east-1:11111111-2222-4333-8444-555555555555";
const GUEST = "arn:aws:iam::123456789012:role/guest";

function seededFake() {
  const fake = createCognitoIdentityFake();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "web",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: GUEST },
  });
  return fake;
}

let network: ReturnType<typeof spyNetwork>;
beforeAll(() => {
  Amplify.configure({ Auth: { Cognito: { identityPoolId: POOL_ID, allowGuestAccess: true } } });
});
beforeEach(() => {
  // Amplify keeps the identity id and guest credentials in module state: clear them between tests.
  cognitoCredentialsProvider.clearCredentialsAndIdentityId();
  network = spyNetwork();
});
afterEach(() => network.restore());

describe("Amplify v6 under fake.install()", () => {
  it("fetchAuthSession() gets guest credentials and an identity id", async () => {
    const fake = seededFake();
    fake.install();
    try {
      const session = await fetchAuthSession();
      expect(session.identityId).toMatch(/^us-east-1:/);
      expect(session.credentials?.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
      expect(fake.calls.map((c) => c.operation)).toEqual(["GetId", "GetCredentialsForIdentity"]);
      expect(fake.credentialsFor(session.credentials?.accessKeyId ?? "")?.roleArn).toBe(GUEST);
      expect(network.leaks()).toEqual([]);
    } finally {
      fake.uninstall();
    }
  });

  it("a scripted failure reaches Amplify as the service's error", async () => {
    const fake = seededFake();
    fake.install();
    try {
      fake.failNext("GetId", { name: "NotAuthorizedException", message: "nope" });
      await expect(fetchAuthSession()).rejects.toMatchObject({
        name: "NotAuthorizedException",
        message: "nope",
      });
      expect(fake.calls.map((c) => c.error?.name)).toEqual(["NotAuthorizedException"]);
      expect(network.leaks()).toEqual([]);
    } finally {
      fake.uninstall();
    }
  });
});

describe("Amplify v6 under the msw handlers", () => {
  it("fetchAuthSession() gets guest credentials and an identity id", async () => {
    const fake = seededFake();
    const server = setupServer(...cognitoIdentityHandlers(fake));
    server.listen({ onUnhandledRequest: "error" });
    try {
      const session = await fetchAuthSession();
      expect(session.identityId).toMatch(/^us-east-1:/);
      expect(session.credentials?.accessKeyId).toMatch(/^ASIA/);
      expect(fake.issuedCredentials.map((c) => c.identityId)).toEqual([session.identityId]);
      expect(network.leaks()).toEqual([]);
    } finally {
      server.close();
    }
  });
});
