// A CommonJS jest test, as a project that installed the packed tarball writes it: the fake answers the
// credential provider's own clients, the matchers are registered on jest's expect, and `listen()` serves the
// same fake over HTTP (the CommonJS build must load the server without a dynamic `import()`, which jest's
// module runtime refuses).
const {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  SetIdentityPoolRolesCommand,
} = require("@aws-sdk/client-cognito-identity");
const { fromCognitoIdentityPool } = require("@aws-sdk/credential-providers");
const { useCognitoIdentityFake } = require("cognito-identity-fake/jest");

const fake = useCognitoIdentityFake({ seed: 1 });
const ROLE = "arn:aws:iam::123456789012:role/guest";

test("a guest gets credentials through the credential provider", async () => {
  const client = new CognitoIdentityClient({ region: "us-east-1" });
  const pool = await client.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true }),
  );
  await client.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: pool.IdentityPoolId,
      Roles: { unauthenticated: ROLE },
    }),
  );

  const credentials = await fromCognitoIdentityPool({
    identityPoolId: pool.IdentityPoolId,
    clientConfig: { region: "us-east-1" },
  })();

  expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
  expect(fake).toHaveReceivedOperation("GetCredentialsForIdentity", 1);
});

test("the same fake serves over HTTP from a jest test (listen())", async () => {
  const server = await fake.listen();
  try {
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSCognitoIdentityService.CreateIdentityPool",
      },
      body: JSON.stringify({ IdentityPoolName: "served", AllowUnauthenticatedIdentities: true }),
    });
    expect(response.status).toBe(200);
    const { IdentityPoolId } = await response.json();
    expect(fake.listIdentityPools().map((pool) => pool.IdentityPoolId)).toContain(IdentityPoolId);
  } finally {
    await server.close();
  }
});
