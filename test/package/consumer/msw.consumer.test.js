// msw serving the fake under jest, in CommonJS, with the README's jest config ("msw under jest").
const { CognitoIdentityClient, GetIdCommand } = require("@aws-sdk/client-cognito-identity");
const { setupServer } = require("msw/node");
const { createCognitoIdentityFake } = require("cognito-identity-fake");
const { cognitoIdentityHandlers } = require("cognito-identity-fake/msw");

const fake = createCognitoIdentityFake();
const server = setupServer(...cognitoIdentityHandlers(fake));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

test("msw answers the SDK with the fake", async () => {
  const pool = fake.seedIdentityPool({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true });
  const client = new CognitoIdentityClient({ region: "us-east-1" });
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
  expect(IdentityId).toMatch(/^us-east-1:/);
  expect(fake.calls.map((call) => call.operation)).toEqual(["GetId"]);
});
