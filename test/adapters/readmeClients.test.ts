/**
 * The README's "API", "Credential providers", "Amplify JS v6", "AWS SDK v2", "msw" and "Which role" blocks,
 * verbatim but for the imports, each
 * followed by the assertions its comments state (readmeBlocks.test.ts checks that the copies stay verbatim).
 */

import { CognitoIdentityClient, GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { Amplify } from "aws-amplify";
import { fetchAuthSession } from "aws-amplify/auth";
import { cognitoCredentialsProvider } from "aws-amplify/auth/cognito";
import AWS from "aws-sdk";
import { setupServer } from "msw/node";
import { type CognitoIdentityFake, createCognitoIdentityFake, createProviderCache } from "../../src";
import { cognitoIdentityHandlers } from "../../src/msw";

const GUEST = "arn:aws:iam::123456789012:role/guest";
let installed: CognitoIdentityFake | undefined;
afterEach(() => installed?.uninstall());

/** A fake with one guest pool in the pool id's region. */
function withPool(POOL_ID: string): CognitoIdentityFake {
  const fake = createCognitoIdentityFake({ region: POOL_ID.slice(0, POOL_ID.indexOf(":")) });
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "readme",
    AllowUnauthenticatedIdentities: true,
    Roles: { unauthenticated: GUEST },
  });
  installed = fake;
  return fake;
}

test("API: the options of createCognitoIdentityFake", () => {
  const fake = createCognitoIdentityFake({
    accountId: "123456789012", // default
    region: "us-east-1", // default region for seeding and for clients that resolve none
    seed: 1, // deterministic IDs, keys and secrets; same seed -> same values
    now: () => new Date(), // the clock; the default follows Date, so jest fake timers apply
  });
  expect(fake.listIdentityPools()).toEqual([]);
});

test("Amplify JS v6", async () => {
  const POOL_ID = "us-east-1:11111111-2222-4333-8444-55555555aaaa";
  const fake = withPool(POOL_ID);
  Amplify.configure({ Auth: { Cognito: { identityPoolId: POOL_ID, allowGuestAccess: true } } });
  cognitoCredentialsProvider.clearCredentialsAndIdentityId(); // from "aws-amplify/auth/cognito"
  fake.install();
  const session = await fetchAuthSession();
  session.identityId; // "us-east-1:…", and session.credentials holds the fake's guest credentials
  expect(session.identityId).toMatch(/^us-east-1:/);
  expect(fake.credentialsFor(session.credentials?.accessKeyId ?? "")?.roleArn).toBe(GUEST);
});

test("AWS SDK v2", async () => {
  const POOL_ID = "eu-west-1:11111111-2222-4333-8444-55555555bbbb";
  const fake = withPool(POOL_ID);
  fake.install();
  const credentials = new AWS.CognitoIdentityCredentials(
    { IdentityPoolId: POOL_ID },
    { region: "eu-west-1" },
  );
  await credentials.getPromise();
  fake.credentialsFor(credentials.accessKeyId)?.roleArn; // the pool's unauthenticated role
  expect(fake.credentialsFor(credentials.accessKeyId)?.roleArn).toBe(GUEST);
});

test("Which role", async () => {
  const POOL_ID = "us-east-1:11111111-2222-4333-8444-55555555cccc";
  withPool(POOL_ID).install();
  const guestCredentials = () =>
    fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: createProviderCache() })();
  const sts = new STSClient({ region: "us-east-1", credentials: await guestCredentials() });
  const who = await sts.send(new GetCallerIdentityCommand({}));
  who.Arn; // "arn:aws:sts::123456789012:assumed-role/guest/CognitoIdentityCredentials"
  who.UserId; // "AROA…:CognitoIdentityCredentials" (a stable id per role)
  expect(who.Arn).toBe("arn:aws:sts::123456789012:assumed-role/guest/CognitoIdentityCredentials");
  expect(who.UserId).toMatch(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/);
});

test("Credential providers without install()", async () => {
  const POOL_ID = "us-east-1:11111111-2222-4333-8444-55555555dddd";
  const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123";
  const fake = createCognitoIdentityFake();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "readme",
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: "web" }],
    Roles: { authenticated: "arn:aws:iam::123456789012:role/user" },
  });
  const credentials = await fromCognitoIdentityPool({
    identityPoolId: POOL_ID,
    logins: {
      [USER_POOL]: fake.loginToken.userPool({
        userPoolId: "us-east-1_Abc123",
        clientId: "web",
        sub: "alice",
      }),
    },
    cache: createProviderCache(),
    clientConfig: { requestHandler: fake.requestHandler(), region: "us-east-1" },
  })();
  expect(fake.credentialsFor(credentials.accessKeyId)?.roleArn).toBe("arn:aws:iam::123456789012:role/user");
});

describe("msw", () => {
  const POOL_ID = "us-east-1:11111111-2222-4333-8444-55555555eeee";
  const fake = createCognitoIdentityFake();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "readme",
    AllowUnauthenticatedIdentities: true,
  });

  const server = setupServer(...cognitoIdentityHandlers(fake));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  test("an SDK v3 client with no plug-in is answered through msw", async () => {
    const client = new CognitoIdentityClient({ region: "us-east-1" });
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect(fake.getIdentity(IdentityId ?? "")?.IdentityPoolId).toBe(POOL_ID);
  });
});
