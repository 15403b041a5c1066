/**
 * `stateFile` / `--state`: the state survives a restart (pools with roles, mappings, tags and principal-tag
 * maps; identities with logins, developer links, dates and the disabled flag; the ID sequence), is written
 * atomically, and a corrupt or incompatible file is refused and left untouched.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetIdCommand, UnlinkIdentityCommand } from "@aws-sdk/client-cognito-identity";
import { createCognitoIdentityFake } from "../../../src";
import { coreStateOf } from "../../../src/internal";
import { clientOf, controlCall, POOL_ID, served } from "./support";

const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123";
const ROLE = "arn:aws:iam::123456789012:role/user";
const dir = mkdtempSync(join(tmpdir(), "cif-state-"));
let n = 0;
const freshPath = () => join(dir, `state-${++n}.json`);

async function richState(stateFile: string) {
  const { fake, server } = await served({ stateFile });
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: "web" }],
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    DeveloperProviderName: "login.myapp",
    IdentityPoolTags: { team: "a" },
    Roles: { authenticated: ROLE },
    RoleMappings: { [`${USER_POOL}:web`]: { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" } },
    PrincipalTagAttributeMaps: {
      [USER_POOL]: { UseDefaults: false, PrincipalTags: { team: "custom:team" } },
    },
  });
  fake.seedIdentityPool({
    IdentityPoolName: "eu",
    AllowUnauthenticatedIdentities: true,
    Region: "eu-west-1",
  });
  fake.seedIdentity({ IdentityPoolId: POOL_ID, DeveloperUserIdentifiers: ["bob"] });
  const client = clientOf(server);
  const token = fake.loginToken.userPool({ userPoolId: "us-east-1_Abc123", clientId: "web", sub: "alice" });
  await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: { [USER_POOL]: token } }));
  const fb = await client.send(
    new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: { "graph.facebook.com": "fb" } }),
  );
  await client.send(
    new UnlinkIdentityCommand({
      IdentityId: fb.IdentityId,
      Logins: { "graph.facebook.com": "fb" },
      LoginsToRemove: ["graph.facebook.com"],
    }),
  );
  return { fake, server };
}

test("a restarted server has the same pools, identities and ID sequence", async () => {
  const path = freshPath();
  const first = await richState(path);
  const pools = ["us-east-1", "eu-west-1"].map((r) => first.fake.listIdentityPools(r));
  const identities = first.fake.listIdentities(POOL_ID);
  await first.server.close();
  const doc = JSON.parse(readFileSync(path, "utf8"));
  expect(doc).toMatchObject({ format: "cognito-identity-fake/state", version: 1, accountId: "123456789012" });

  const second = await served({ stateFile: path });
  expect(["us-east-1", "eu-west-1"].map((r) => second.fake.listIdentityPools(r))).toEqual(pools);
  expect(second.fake.listIdentities(POOL_ID)).toEqual(identities);
  expect(coreStateOf(second.fake).idPosition).toBe(coreStateOf(first.fake).idPosition);
  const client = clientOf(second.server);
  const token = second.fake.loginToken.userPool({
    userPoolId: "us-east-1_Abc123",
    clientId: "web",
    sub: "alice",
  });
  const again = await client.send(
    new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: { [USER_POOL]: token } }),
  );
  expect(second.fake.listIdentities(POOL_ID)).toHaveLength(identities.length);
  expect(JSON.stringify(identities)).toContain(again.IdentityId as string);
  const next = await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
  const third = createCognitoIdentityFake();
  third.restore(first.fake.snapshot());
  third.seedIdentity({ IdentityPoolId: POOL_ID }); // draws the ID the restarted server drew
  expect(JSON.stringify(third.listIdentities(POOL_ID))).toContain(next.IdentityId as string);
  await second.server.close();
});

test("the file lists a pool's identities in creation order", async () => {
  const path = freshPath();
  const { fake, server } = await served({ stateFile: path });
  fake.seedIdentityPool({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "many",
    AllowUnauthenticatedIdentities: true,
  });
  const created = fake.seedIdentities(Array.from({ length: 70 }, () => ({ IdentityPoolId: POOL_ID })));
  await server.close();
  const doc = JSON.parse(readFileSync(path, "utf8"));
  const listed = doc.pools[0].Identities as { IdentityId: string; Seq: number }[];
  expect(listed.map((identity) => identity.IdentityId)).toEqual(
    created.map((identity) => identity.IdentityId),
  );
  expect(listed.map((identity) => identity.Seq)).toEqual(listed.map((_, i) => i));
});

test("POST /_fake/save writes the file atomically, leaving no temporary file", async () => {
  const path = freshPath();
  const { server } = await served({ stateFile: path });
  await controlCall(server, "/pools", {
    IdentityPoolId: POOL_ID,
    IdentityPoolName: "saved",
    AllowUnauthenticatedIdentities: true,
  });
  const saved = await controlCall(server, "/save", {});
  expect(saved.json).toEqual({ path });
  expect(readFileSync(path, "utf8")).toContain('"saved"');
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  await server.close();
});

test.each([
  ["not JSON", "{oops", /it is not JSON/],
  ["another format", '{"format":"other"}', /it is not a cognito-identity-fake\/state document/],
  [
    "another version",
    '{"format":"cognito-identity-fake/state","version":99}',
    /version 99 is not the supported version 1/,
  ],
  [
    "another account",
    '{"format":"cognito-identity-fake/state","version":1,"accountId":"999999999999","seed":1,"idPosition":0,"pools":[]}',
    /holds account 999999999999/,
  ],
  [
    "a broken pool",
    '{"format":"cognito-identity-fake/state","version":1,"accountId":"123456789012","seed":1,"idPosition":0,"pools":[{"IdentityPoolId":"x"}]}',
    /pools\[0\]\.Region must be non-empty text/,
  ],
])("a state file with %s is refused and never overwritten", async (_what, content, message) => {
  const path = freshPath();
  writeFileSync(path, content);
  const fake = createCognitoIdentityFake();
  await expect(fake.listen({ stateFile: path })).rejects.toThrow(message);
  await expect(fake.listen({ stateFile: path })).rejects.toThrow(
    `State file ${path} is refused (left untouched)`,
  );
  expect(readFileSync(path, "utf8")).toBe(content);
});

test("two identities linking one login are refused", async () => {
  const path = freshPath();
  const first = await richState(path);
  await first.server.close();
  const doc = JSON.parse(readFileSync(path, "utf8"));
  const [a, b] = doc.pools[0].Identities;
  b.Logins = { ...a.Logins, [USER_POOL]: "alice" };
  a.Logins = { [USER_POOL]: "alice" };
  writeFileSync(path, JSON.stringify(doc));
  await expect(createCognitoIdentityFake().listen({ stateFile: path })).rejects.toThrow(
    /Identities: a login is linked to two identities/,
  );
});
