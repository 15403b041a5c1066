/**
 * `npm run demo`: a walk through a typical flow, every call sent by a real CognitoIdentityClient and answered
 * in-process by the fake. No AWS account, no credentials, no network.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetIdentityPoolRolesCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  SetIdentityPoolRolesCommand,
  TagResourceCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import { createCognitoIdentityFake } from "../src";

const USER_POOL = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Demo1234";
const step = (title: string) => console.log(`\n— ${title}`);
const show = (label: string, value: unknown) =>
  console.log(`  ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`);

async function main(): Promise<void> {
  const fake = createCognitoIdentityFake({ seed: 42, accountId: "111122223333" });
  const client = new CognitoIdentityClient({ region: "eu-west-1" });
  client.middlewareStack.use(fake.plugin());
  console.log("A real CognitoIdentityClient (region eu-west-1, no credentials) with the fake's plug-in.");

  step("CreateIdentityPool: a pool for a mobile app, with a user pool as login provider");
  const pool = await client.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: "mobile app",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: "demoappclient" }],
      IdentityPoolTags: { team: "mobile" },
    }),
  );
  const id = pool.IdentityPoolId as string;
  show("IdentityPoolId", id);
  show("CognitoIdentityProviders", pool.CognitoIdentityProviders);
  show("HTTP status / attempts", [pool.$metadata.httpStatusCode, pool.$metadata.attempts]);

  step("TagResource / ListTagsForResource on the pool's ARN");
  const arn = fake.getIdentityPool(id)?.arn as string;
  show("ARN", arn);
  await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { cost: "42" } }));
  show("Tags", (await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags);

  step("SetIdentityPoolRoles: roles, and a rules-based role mapping for the user pool");
  await client.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: id,
      Roles: {
        authenticated: "arn:aws:iam::111122223333:role/app-user",
        unauthenticated: "arn:aws:iam::111122223333:role/app-guest",
      },
      RoleMappings: {
        [`${USER_POOL}:demoappclient`]: {
          Type: "Rules",
          AmbiguousRoleResolution: "AuthenticatedRole",
          RulesConfiguration: {
            Rules: [
              {
                Claim: "cognito:groups",
                MatchType: "Contains",
                Value: "admins",
                RoleARN: "arn:aws:iam::111122223333:role/app-admin",
              },
            ],
          },
        },
      },
    }),
  );
  show("Roles", (await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }))).Roles);

  step("UpdateIdentityPool is a full replacement: the omitted user-pool provider is gone afterwards");
  await client.send(
    new UpdateIdentityPoolCommand({
      IdentityPoolId: id,
      IdentityPoolName: "mobile app v2",
      AllowUnauthenticatedIdentities: false,
    }),
  );
  const described = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }));
  show("IdentityPoolName", described.IdentityPoolName);
  show("CognitoIdentityProviders", described.CognitoIdentityProviders ?? "(none)");
  show("IdentityPoolTags (kept)", described.IdentityPoolTags);

  step("ListIdentityPools, two pages of one");
  fake.seedIdentityPool({
    IdentityPoolName: "seeded pool",
    AllowUnauthenticatedIdentities: false,
    Region: "eu-west-1",
  });
  const first = await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
  const second = await client.send(
    new ListIdentityPoolsCommand({ MaxResults: 1, NextToken: first.NextToken }),
  );
  show(
    "page 1",
    first.IdentityPools?.map((p) => p.IdentityPoolName),
  );
  show(
    "page 2",
    second.IdentityPools?.map((p) => p.IdentityPoolName),
  );

  step("A validation error, answered as the service answers it");
  try {
    await client.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: "no/slashes allowed",
        AllowUnauthenticatedIdentities: true,
      }),
    );
  } catch (err) {
    const e = err as Error & { $metadata: { httpStatusCode: number } };
    show("error", `${e.name} (HTTP ${e.$metadata.httpStatusCode})`);
    show("message", e.message);
  }

  step("DeleteIdentityPool, then DescribeIdentityPool answers ResourceNotFoundException");
  await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: id }));
  try {
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }));
  } catch (err) {
    show("error", `${(err as Error).name}: ${(err as Error).message}`);
  }

  step("The journal: every request the fake answered");
  for (const call of fake.calls)
    console.log(`  ${call.operation.padEnd(22)} ${call.error ? `✗ ${call.error.name}` : "✓"}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
