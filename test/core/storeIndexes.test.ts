/**
 * The store's indexes seen from the API: listings after deletions, the providers an identity description
 * names, the per-region pool count after a pool is deleted, and the key set of a pool in a custom region.
 */

import { inspect } from "node:util";
import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
} from "@aws-sdk/client-cognito-identity";
import { setup } from "../support/helpers";
import { storedIdentity } from "../support/stored";

const FB = "graph.facebook.com";

it("lists a pool's identities in creation order without the deleted ones", async () => {
  const { fake, client } = setup();
  const pool = fake.seedIdentityPool({ IdentityPoolName: "list", AllowUnauthenticatedIdentities: true });
  const ids = fake.seedIdentities([0, 1, 2].map(() => ({ IdentityPoolId: pool.IdentityPoolId })));
  await client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [ids[1]?.IdentityId as string] }));
  expect(fake.listIdentities(pool.IdentityPoolId).map((i) => i.IdentityId)).toEqual([
    ids[0]?.IdentityId,
    ids[2]?.IdentityId,
  ]);
});

it("names the developer provider in an identity's description only when a developer user is linked", async () => {
  const { fake, client } = setup();
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "names",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: "login.names",
    SupportedLoginProviders: { [FB]: "fb-app" },
  });
  const [fbOnly, both] = fake.seedIdentities([
    { IdentityPoolId: pool.IdentityPoolId, Logins: { [FB]: "fb-user" } },
    { IdentityPoolId: pool.IdentityPoolId, Logins: { [FB]: "fb-other" }, DeveloperUserIdentifiers: ["dev"] },
  ]);
  const logins = async (id: string | undefined) =>
    (await client.send(new DescribeIdentityCommand({ IdentityId: id }))).Logins;
  expect(await logins(fbOnly?.IdentityId)).toEqual([FB]);
  expect(await logins(both?.IdentityId)).toEqual([FB, "login.names"]);
});

it("counts no deleted pool toward the 1,000 pools of a region", async () => {
  const { fake, client } = setup();
  const pools = Array.from({ length: 1000 }, (_, i) =>
    fake.seedIdentityPool({ IdentityPoolName: `p${i}`, AllowUnauthenticatedIdentities: true }),
  );
  await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: pools[500]?.IdentityPoolId }));
  const created = await client.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: "one more", AllowUnauthenticatedIdentities: true }),
  );
  expect(created.IdentityPoolId).toMatch(/^us-east-1:/);
});

it("publishes the key of a pool's custom region while the pool exists", () => {
  const { fake } = setup();
  const kids = () => fake.jwks().keys.map((k) => k.kid);
  expect(kids()).not.toContain("local-11");
  fake.seedIdentityPool({
    IdentityPoolName: "local",
    AllowUnauthenticatedIdentities: true,
    Region: "local-1",
  });
  expect(kids()).toContain("local-11");
  expect(kids().filter((kid) => kid === "local-11")).toHaveLength(1);
});

it("reads the state views as maps: string keys only, has, and [Map(n)] below the depth printed", () => {
  const { fake } = setup();
  const pool = fake.seedIdentityPool({ IdentityPoolName: "views", AllowUnauthenticatedIdentities: true });
  const pools = fake.state.IdentityPools;
  expect(pools.has(pool.IdentityPoolId)).toBe(true);
  expect(pools.has("us-east-1:00000000-0000-4000-8000-000000000000")).toBe(false);
  expect(pools.get(7 as unknown as string)).toBeUndefined();
  expect(inspect({ pools }, { depth: 0 })).toBe("{ pools: [Map(1)] }");
  expect(inspect(pools, { depth: 0 })).toMatch(/^Map\(1\) \{/);
});

it("shares one frozen empty map and list among identity records (identities are many, empties common)", async () => {
  const { fake } = setup();
  const pool = fake.seedIdentityPool({ IdentityPoolName: "empties", AllowUnauthenticatedIdentities: true });
  const [a, b] = fake.seedIdentities([
    { IdentityPoolId: pool.IdentityPoolId },
    { IdentityPoolId: pool.IdentityPoolId },
  ]);
  const first = storedIdentity(fake, a?.IdentityId as string);
  const second = storedIdentity(fake, b?.IdentityId as string);
  expect(first?.developerUserIdentifiers).toBe(second?.developerUserIdentifiers);
  expect(first?.logins).toBe(second?.logins);
  expect(first?.loginClaims).toBe(first?.logins);
  expect(Object.isFrozen(first?.developerUserIdentifiers)).toBe(true);
});
