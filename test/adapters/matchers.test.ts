/**
 * The matchers the jest entry registers: the new ones (pools, credentials per identity, operations with an
 * input, developer users), failure messages that list the operations received with their outcomes and changes,
 * and operation names checked at once.
 */
import {
  CognitoIdentityClient,
  DeleteIdentitiesCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from "@aws-sdk/client-cognito-identity";
import type { OperationName } from "../../src";
import { useCognitoIdentityFake } from "../../src/jest";
import { matchers } from "../../src/matchers/matchers";

const fake = useCognitoIdentityFake({ seed: 5, now: () => new Date("2026-01-01T00:00:00Z") });
const GUEST = "arn:aws:iam::123456789012:role/guest";
const OTHER = "arn:aws:iam::123456789012:role/other";
const NOPE = "us-east-1:00000000-0000-4000-8000-000000000000";

function seedPool() {
  return fake.seedIdentityPool({
    IdentityPoolName: "app",
    AllowUnauthenticatedIdentities: true,
    DeveloperProviderName: "login.app",
    Roles: { unauthenticated: GUEST },
  });
}

async function signInAsGuest(poolId: string): Promise<string> {
  const client = new CognitoIdentityClient({});
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
  await client.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  return IdentityId as string;
}

describe("toHaveIdentityPool", () => {
  it("finds a pool by name or by id, in any region", () => {
    const pool = seedPool();
    const eu = fake.seedIdentityPool({
      IdentityPoolName: "eu",
      AllowUnauthenticatedIdentities: true,
      Region: "eu-west-1",
    });
    expect(fake).toHaveIdentityPool("app");
    expect(fake).toHaveIdentityPool(pool.IdentityPoolId);
    expect(fake).toHaveIdentityPool(eu.IdentityPoolId);
    expect(fake).not.toHaveIdentityPool("missing");
    expect(matchers.toHaveIdentityPool(fake, "missing").message()).toMatch(
      new RegExp(
        `^expected an identity pool named or with id 'missing'; pools: ${pool.IdentityPoolId} "app", `,
      ),
    );
  });
});

describe("toHaveIssuedCredentialsFor", () => {
  it("matches credentials issued to an identity, and with a role when given", async () => {
    const pool = seedPool();
    const id = await signInAsGuest(pool.IdentityPoolId);
    expect(fake).toHaveIssuedCredentialsFor(id);
    expect(fake).toHaveIssuedCredentialsFor(id, GUEST);
    expect(fake).not.toHaveIssuedCredentialsFor(id, OTHER);
    expect(fake).not.toHaveIssuedCredentialsFor("us-east-1:00000000-0000-4000-8000-000000000000");
    expect(matchers.toHaveIssuedCredentialsFor(fake, id, OTHER).message()).toMatch(
      `expected credentials issued to ${id} with role ${OTHER}; issued: ${JSON.stringify([[id, GUEST]])}`,
    );
  });
});

describe("toHaveReceivedOperationWith", () => {
  it("matches a received input by its members, nested and with asymmetric matchers", async () => {
    const pool = seedPool();
    await signInAsGuest(pool.IdentityPoolId);
    expect(fake).toHaveReceivedOperationWith("GetId", { IdentityPoolId: pool.IdentityPoolId });
    expect(fake).toHaveReceivedOperationWith("GetCredentialsForIdentity", {
      IdentityId: expect.stringMatching(/^us-east-1:/),
    });
    expect(fake).not.toHaveReceivedOperationWith("GetId", { IdentityPoolId: "us-east-1:other" });
    expect(fake).not.toHaveReceivedOperationWith("GetId", { Logins: {} });
    expect(fake).not.toHaveReceivedOperationWith("DescribeIdentity", {});
    const message = matchers.toHaveReceivedOperationWith(fake, "GetId", { IdentityPoolId: "x" }).message();
    expect(message).toContain(
      `expected to have received GetId with {"IdentityPoolId":"x"}; received GetId with:\n  {"IdentityPoolId":"${pool.IdentityPoolId}"}`,
    );
  });

  it("compares arrays item by item", async () => {
    const pool = seedPool();
    const a = fake.seedIdentity({ IdentityPoolId: pool.IdentityPoolId }).IdentityId;
    const client = new CognitoIdentityClient({});
    await client.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [a] }));
    expect(fake).toHaveReceivedOperationWith("DeleteIdentities", { IdentityIdsToDelete: [a] });
    expect(fake).not.toHaveReceivedOperationWith("DeleteIdentities", { IdentityIdsToDelete: [a, a] });
  });
});

describe("toHaveLinkedDeveloperUser", () => {
  it("finds a developer user linked in a pool", async () => {
    const pool = seedPool();
    const client = new CognitoIdentityClient({});
    await client.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { "login.app": "u-1" },
      }),
    );
    expect(fake).toHaveLinkedDeveloperUser(pool.IdentityPoolId, "u-1");
    expect(fake).not.toHaveLinkedDeveloperUser(pool.IdentityPoolId, "u-2");
    expect(matchers.toHaveLinkedDeveloperUser(fake, pool.IdentityPoolId, "u-2").message()).toMatch(
      `expected developer user 'u-2' to be linked in ${pool.IdentityPoolId}, but it is not (the pool has 1 linked developer users)`,
    );
    expect(matchers.toHaveLinkedDeveloperUser(fake, "us-east-1:nope", "u-1").message()).toMatch(
      "expected developer user 'u-1' to be linked in us-east-1:nope, but the pool does not exist",
    );
  });
});

describe("a failing matcher explains what happened", () => {
  it("lists the operations received in the test, their outcomes and what each changed", async () => {
    const pool = seedPool();
    const id = await signInAsGuest(pool.IdentityPoolId);
    const client = new CognitoIdentityClient({});
    await expect(client.send(new GetIdCommand({ IdentityPoolId: NOPE }))).rejects.toThrow();
    let thrown = "";
    try {
      expect(fake).toHaveIdentityWithLogin("graph.facebook.com", "fb-1");
    } catch (err) {
      thrown = (err as Error).message;
    }
    expect(thrown).toBe(
      [
        "expected an identity with graph.facebook.com login 'fb-1', but none has it",
        "",
        "Operations received (3):",
        "  1. GetId (us-east-1): ok",
        `       identity ${id} created in pool ${pool.IdentityPoolId}`,
        "  2. GetCredentialsForIdentity (us-east-1): ok",
        `  3. GetId (us-east-1): ResourceNotFoundException: IdentityPool '${NOPE}' not found.`,
      ].join("\n"),
    );
  });

  it("shows the latest 30 operations and counts the earlier ones", async () => {
    const pool = seedPool();
    const client = new CognitoIdentityClient({});
    for (let i = 0; i < 32; i++) await client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
    const message = matchers.toHaveReceivedOperation(fake, "ListIdentities").message();
    expect(message).toContain(
      "Operations received (32):\n  (2 earlier not shown)\n  3. GetId (us-east-1): ok",
    );
    expect(message).toContain("  32. GetId (us-east-1): ok");
  });
});

describe("copies of the library", () => {
  it("matchers of one copy recognize a fake made by another (an entry bundled with its own copy)", () => {
    let other: { matchers: typeof matchers } | undefined;
    jest.isolateModules(() => {
      other = jest.requireActual<{ matchers: typeof matchers }>("../../src/matchers/matchers");
    });
    expect(other?.matchers).not.toBe(matchers);
    seedPool();
    expect(other?.matchers.toHaveIdentityPool(fake, "app").pass).toBe(true);
    expect(other?.matchers.toHaveIdentityPool({ calls: [], changesOf: () => ({}) }, "app").pass).toBe(false);
  });
});

describe("operation names", () => {
  it("an unknown name throws at once, naming the nearest one", () => {
    expect(() => expect(fake).toHaveReceivedOperation("GetID" as OperationName)).toThrow(
      'Unknown operation "GetID". Did you mean "GetId"?',
    );
    expect(() =>
      matchers.toHaveReceivedOperationWith(fake, "DescribeIdentityPools" as OperationName, {}),
    ).toThrow('Unknown operation "DescribeIdentityPools". Did you mean "DescribeIdentityPool"?');
    // @ts-expect-error: not an operation of the service
    expect(() => expect(fake).not.toHaveReceivedOperation("ListUserPools")).toThrow(TypeError);
  });

  it("the three original matchers keep working", async () => {
    const pool = seedPool();
    const id = await signInAsGuest(pool.IdentityPoolId);
    expect(fake).toHaveReceivedOperation("GetId", 1);
    expect(fake).toHaveIssuedCredentialsWithRole(GUEST, id);
    expect(fake).not.toHaveIdentityWithLogin("graph.facebook.com", "nobody");
  });
});
