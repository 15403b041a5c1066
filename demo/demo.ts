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
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  SetIdentityPoolRolesCommand,
  TagResourceCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { createCognitoIdentityFake, createProviderCache } from "../src";

const USER_POOL = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Demo1234";
const step = (title: string) => console.log(`\n— ${title}`);
const show = (label: string, value: unknown) =>
  console.log(`  ${label}: ${typeof value === "string" ? value : JSON.stringify(value)}`);

async function main(): Promise<void> {
  const fake = createCognitoIdentityFake({ seed: 42, accountId: "111122223333", region: "eu-west-1" });
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
  const arn = fake.getIdentityPool(id)?.Arn as string;
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

  step("GetId as a guest, then the guest signs in with a user-pool ID token (fake.loginToken mints one)");
  const guest = await client.send(new GetIdCommand({ IdentityPoolId: id }));
  show("guest IdentityId", guest.IdentityId);
  const guestCreds = await client.send(
    new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId }),
  );
  show("guest AccessKeyId", guestCreds.Credentials?.AccessKeyId);
  const token = fake.loginToken.userPool({
    userPoolId: "eu-west-1_Demo1234",
    clientId: "demoappclient",
    sub: "alice",
    claims: { "cognito:groups": ["admins"] },
  });
  const logins = { [USER_POOL]: token };
  const signedIn = await client.send(
    new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId, Logins: logins }),
  );
  show("same identity, now authenticated", signedIn.IdentityId === guest.IdentityId);
  show("Expiration", signedIn.Credentials?.Expiration?.toISOString());
  show(
    "roles issued so far (fake.issuedCredentials)",
    fake.issuedCredentials.map((c) => c.roleArn),
  );
  const secondDevice = await client.send(new GetIdCommand({ IdentityPoolId: id, Logins: logins }));
  show("second device, same login -> same identity", secondDevice.IdentityId === guest.IdentityId);
  const listed = await client.send(new ListIdentitiesCommand({ IdentityPoolId: id, MaxResults: 10 }));
  show(
    "ListIdentities",
    listed.Identities?.map((i) => ({ id: i.IdentityId, logins: i.Logins })),
  );

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

  step(
    "fake.install(): the SDK's own credential provider, with no client, handler or region, answered in-process",
  );
  const appPool = fake.seedIdentityPool({
    IdentityPoolName: "provider demo",
    AllowUnauthenticatedIdentities: true,
    Region: "eu-west-1",
    Roles: { unauthenticated: "arn:aws:iam::111122223333:role/app-guest" },
  });
  const uninstall = fake.install();
  try {
    const provider = fromCognitoIdentityPool({
      identityPoolId: appPool.IdentityPoolId,
      cache: createProviderCache(),
    });
    const credentials = await provider();
    show("fromCognitoIdentityPool -> accessKeyId", credentials.accessKeyId);
    show("role recorded by the fake", fake.issuedCredentials.at(-1)?.roleArn);
  } finally {
    uninstall();
  }

  step("The journal: every request the fake answered, and what each changed (fake.changesOf)");
  for (const call of fake.calls) {
    console.log(`  ${call.operation.padEnd(26)} ${call.error ? `✗ ${call.error.name}` : "✓"}`);
    const { changes, text } = fake.changesOf(call);
    if (changes.length > 0) console.log(text.replace(/^/gm, "      "));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
