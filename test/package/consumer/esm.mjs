// An ES module script, as a project that installed the packed tarball writes it.
import { strict as assert } from "node:assert";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  ListIdentityPoolsCommand,
} from "@aws-sdk/client-cognito-identity";
import { createCognitoIdentityFake } from "cognito-identity-fake";
import * as core from "cognito-identity-fake/core";

const fake = createCognitoIdentityFake({ seed: 1 });
const client = new CognitoIdentityClient({ region: "us-east-1" });
client.middlewareStack.use(fake.plugin());

const pool = await client.send(
  new CreateIdentityPoolCommand({ IdentityPoolName: "esm", AllowUnauthenticatedIdentities: true }),
);
const listed = await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));

assert.match(pool.IdentityPoolId, /^us-east-1:[0-9a-f-]{36}$/);
assert.deepEqual(
  listed.IdentityPools?.map((p) => p.IdentityPoolName),
  ["esm"],
);
assert.ok(Object.keys(core).length > 0, "cognito-identity-fake/core exports nothing");
console.log("esm consumer ok");
