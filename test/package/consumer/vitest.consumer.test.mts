// A Vitest test (default config, no globals), as a project that installed the packed tarball writes it.
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetIdCommand,
} from "@aws-sdk/client-cognito-identity";
import { useCognitoIdentityFake } from "cognito-identity-fake/vitest";
import { expect, test } from "vitest";

const fake = useCognitoIdentityFake({ seed: 1 });

test("a guest identity through a client with no region and no plug-in", async () => {
  const client = new CognitoIdentityClient({});
  const pool = await client.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true }),
  );
  await client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
  expect(fake).toHaveReceivedOperation("GetId", 1);
  expect(fake.listIdentities(pool.IdentityPoolId as string)).toHaveLength(1);
});
