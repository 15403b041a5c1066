/**
 * Misspelt names the library refuses at once, each naming the nearest real one: failNext's error names (a typo
 * would turn a retried throttling into a non-retried unknown error and leave the scripted failure queued; the
 * object form takes any name), and seed input members (camelCase is not the service's vocabulary).
 */
import { GetIdCommand } from "@aws-sdk/client-cognito-identity";
import { setup } from "../support/helpers";

const POOL_ID = "us-east-1:00000000-0000-4000-8000-0000000000fa";

test("a misspelt error name throws at once, naming the nearest one, and scripts nothing", async () => {
  const { fake, client } = setup();
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "p",
    AllowUnauthenticatedIdentities: true,
  });
  // @ts-expect-error: not an error name of the service
  expect(() => fake.failNext("GetId", "TooManyRequestException")).toThrow(
    'Unknown error name "TooManyRequestException". Did you mean "TooManyRequestsException"?',
  );
  await expect(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }))).resolves.toHaveProperty(
    "IdentityId",
  );
});

test("every modeled and front-end error name is accepted, and the object form takes any name", async () => {
  const { fake, client } = setup();
  for (const name of ["ValidationException", "ThrottlingException", "ExternalServiceException"] as const) {
    expect(() => fake.failNext("GetId", name)).not.toThrow();
  }
  fake.failNext("*", { name: "MyOwnException", message: "scripted" }, { times: 1 });
  const errors: string[] = [];
  for (let i = 0; i < 4; i++) {
    await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })).catch((e: Error) => errors.push(e.name));
  }
  expect(errors).toEqual([
    "ValidationException",
    "ThrottlingException",
    "ExternalServiceException",
    "MyOwnException",
  ]);
});

test("a seed input member the fake does not know throws at once, naming the nearest member", () => {
  const { fake } = setup();
  const camel = { identityPoolName: "app", AllowUnauthenticatedIdentities: true };
  // @ts-expect-error: camelCase is not the service's vocabulary
  expect(() => fake.seedIdentityPool(camel)).toThrow(
    'seedIdentityPool: unknown member "identityPoolName". Did you mean "IdentityPoolName"?',
  );
  const pool = fake.seedIdentityPool({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true });
  // @ts-expect-error: not a member
  expect(() => fake.seedIdentities([{ IdentityPoolId: pool.IdentityPoolId, logins: {} }])).toThrow(
    'seedIdentity: unknown member "logins". Did you mean "Logins"?',
  );
  expect(fake.listIdentities(pool.IdentityPoolId)).toEqual([]);
});
