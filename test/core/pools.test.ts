/** CreateIdentityPool, DescribeIdentityPool, UpdateIdentityPool and DeleteIdentityPool through the real SDK client. */
import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  InvalidParameterException,
  LimitExceededException,
  paginateListIdentityPools,
  ResourceNotFoundException,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import { coreStateOf } from "../../src/internal";

import { CLIENT_ID, rejection, setup, USER_POOL } from "../support/helpers";

const base = { IdentityPoolName: "app pool", AllowUnauthenticatedIdentities: true };

describe("CreateIdentityPool / DescribeIdentityPool", () => {
  it("creates a pool with a region-prefixed lower-case GUID and describes it as created", async () => {
    const { client } = setup();
    const created = await client.send(
      new CreateIdentityPoolCommand({
        ...base,
        AllowClassicFlow: false,
        SupportedLoginProviders: { "graph.facebook.com": "123456789" },
        DeveloperProviderName: "login.myapp",
        OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/auth.example.com"],
        CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
        SamlProviderARNs: ["arn:aws:iam::123456789012:saml-provider/corp"],
        IdentityPoolTags: { team: "mobile" },
      }),
    );
    expect(created.IdentityPoolId).toMatch(
      /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    const { $metadata: _m1, ...createdBody } = created;
    expect(createdBody).toEqual({
      IdentityPoolId: created.IdentityPoolId,
      IdentityPoolName: "app pool",
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
      SupportedLoginProviders: { "graph.facebook.com": "123456789" },
      DeveloperProviderName: "login.myapp",
      OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/auth.example.com"],
      CognitoIdentityProviders: [
        { ProviderName: USER_POOL, ClientId: CLIENT_ID, ServerSideTokenCheck: false },
      ],
      SamlProviderARNs: ["arn:aws:iam::123456789012:saml-provider/corp"],
      IdentityPoolTags: { team: "mobile" },
    });
    const described = await client.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId }),
    );
    const { $metadata: _m2, ...describedBody } = described;
    expect(describedBody).toEqual(createdBody);
  });

  it("omits unset optional members but always returns IdentityPoolTags", async () => {
    const { client } = setup();
    const created = await client.send(new CreateIdentityPoolCommand(base));
    const { $metadata: _m, ...body } = created;
    expect(body).toEqual({
      IdentityPoolId: created.IdentityPoolId,
      IdentityPoolName: "app pool",
      AllowUnauthenticatedIdentities: true,
      IdentityPoolTags: {},
    });
  });

  it("generates the same ids for the same seed and different ids for another seed", async () => {
    const a = await setup({ seed: 7 }).client.send(new CreateIdentityPoolCommand(base));
    const b = await setup({ seed: 7 }).client.send(new CreateIdentityPoolCommand(base));
    const c = await setup({ seed: 8 }).client.send(new CreateIdentityPoolCommand(base));
    expect(a.IdentityPoolId).toBe(b.IdentityPoolId);
    expect(c.IdentityPoolId).not.toBe(a.IdentityPoolId);
  });

  it("answers ResourceNotFoundException with the real message for an unknown pool", async () => {
    const { client } = setup();
    const err = await rejection(
      client.send(
        new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000" }),
      ),
    );
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.name).toBe("ResourceNotFoundException");
    expect(err.message).toBe("IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.");
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it("keeps pools per region: a pool of another region is not found", async () => {
    const { client, clientIn } = setup();
    const created = await client.send(new CreateIdentityPoolCommand(base));
    const err = await rejection(
      clientIn("eu-west-1").send(new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId })),
    );
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe(`IdentityPool '${created.IdentityPoolId}' not found.`);
    const euPool = await clientIn("eu-west-1").send(new CreateIdentityPoolCommand(base));
    expect(euPool.IdentityPoolId).toMatch(/^eu-west-1:/);
  });

  it.each([
    [
      { SupportedLoginProviders: { "login.example.com": "app" } },
      "login.example.com is not a supported login provider.",
    ],
    [{ CognitoIdentityProviders: [{ ClientId: CLIENT_ID }] }, "Invalid Cognito Identity Provider"],
    [{ CognitoIdentityProviders: [{ ProviderName: USER_POOL }] }, "Invalid Cognito Identity Provider"],
    [
      { CognitoIdentityProviders: [{ ProviderName: "accounts.google.com", ClientId: "x" }] },
      "Invalid Cognito Identity Provider",
    ],
    [
      { OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:role/not-oidc"] },
      "Invalid OpenIdConnectProviderARN: arn:aws:iam::123456789012:role/not-oidc",
    ],
    [
      { SamlProviderARNs: ["arn:aws:iam::123456789012:role/not-saml"] },
      "Invalid SamlProviderARN: arn:aws:iam::123456789012:role/not-saml",
    ],
    [
      { IdentityPoolTags: { "aws:reserved": "x" } },
      "Tag keys starting with 'aws:' are reserved: aws:reserved",
    ],
  ])("refuses a bad provider or tag configuration %j", async (extra, message) => {
    const { client, fake } = setup();
    const before = fake.state;
    const err = await rejection(client.send(new CreateIdentityPoolCommand({ ...base, ...extra })));
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe(message);
    expect(fake.state).toBe(before);
  });

  it("answers LimitExceededException past 1,000 pools in a region, other regions unaffected", async () => {
    const { client, fake, clientIn } = setup();
    for (let i = 0; i < 1000; i++) fake.seedIdentityPool({ ...base, IdentityPoolName: `p${i}` });
    const err = await rejection(client.send(new CreateIdentityPoolCommand(base)));
    expect(err).toBeInstanceOf(LimitExceededException);
    expect(err.$metadata.attempts).toBe(1);
    await expect(clientIn("eu-west-1").send(new CreateIdentityPoolCommand(base))).resolves.toBeDefined();
  });

  it("counts the pools a region holds now: after a deletion one more can be created, and it lists last", async () => {
    const { client, fake } = setup();
    const seeded = Array.from({ length: 1000 }, (_, i) =>
      fake.seedIdentityPool({ ...base, IdentityPoolName: `p${i}` }),
    );
    const deleted = seeded[500]?.IdentityPoolId;
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: deleted }));
    const created = await client.send(new CreateIdentityPoolCommand({ ...base, IdentityPoolName: "new" }));
    await expect(client.send(new CreateIdentityPoolCommand(base))).rejects.toBeInstanceOf(
      LimitExceededException,
    );
    const listed: string[] = [];
    for await (const page of paginateListIdentityPools({ client }, { MaxResults: 60 }))
      for (const pool of page.IdentityPools ?? []) listed.push(pool.IdentityPoolId as string);
    expect(listed).toHaveLength(1000);
    expect(listed).not.toContain(deleted);
    expect(listed.slice(0, 3)).toEqual(seeded.slice(0, 3).map((p) => p.IdentityPoolId));
    expect(listed.at(-1)).toBe(created.IdentityPoolId);
  });
});

describe("UpdateIdentityPool", () => {
  it("replaces the whole configuration: omitted members go back to their defaults", async () => {
    const { client } = setup();
    const { IdentityPoolId } = await client.send(
      new CreateIdentityPoolCommand({
        ...base,
        AllowClassicFlow: true,
        CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
        SupportedLoginProviders: { "accounts.google.com": "gid" },
      }),
    );
    const updated = await client.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId,
        IdentityPoolName: "renamed",
        AllowUnauthenticatedIdentities: false,
      }),
    );
    const { $metadata: _m, ...body } = updated;
    expect(body).toEqual({
      IdentityPoolId,
      IdentityPoolName: "renamed",
      AllowUnauthenticatedIdentities: false,
      IdentityPoolTags: {},
    });
    const described = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId }));
    expect(described.CognitoIdentityProviders).toBeUndefined();
    expect(described.AllowClassicFlow).toBeUndefined();
  });

  it("keeps a set DeveloperProviderName when omitted and refuses to change it", async () => {
    const { client, fake } = setup();
    const { IdentityPoolId } = await client.send(
      new CreateIdentityPoolCommand({ ...base, DeveloperProviderName: "login.app" }),
    );
    const kept = await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId, ...base }));
    expect(kept.DeveloperProviderName).toBe("login.app");
    const before = fake.state;
    const err = await rejection(
      client.send(
        new UpdateIdentityPoolCommand({ IdentityPoolId, ...base, DeveloperProviderName: "login.other" }),
      ),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe("Once you have set a developer provider name, you cannot change it.");
    expect(fake.state).toBe(before);
  });

  it("keeps tags when IdentityPoolTags is omitted and replaces them when given", async () => {
    const { client } = setup();
    const { IdentityPoolId } = await client.send(
      new CreateIdentityPoolCommand({ ...base, IdentityPoolTags: { a: "1" } }),
    );
    expect(
      (await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId, ...base }))).IdentityPoolTags,
    ).toEqual({ a: "1" });
    const replaced = await client.send(
      new UpdateIdentityPoolCommand({ IdentityPoolId, ...base, IdentityPoolTags: { b: "2" } }),
    );
    expect(replaced.IdentityPoolTags).toEqual({ b: "2" });
  });

  it("answers ResourceNotFoundException for an unknown pool", async () => {
    const { client } = setup();
    const id = "us-east-1:11111111-1111-4111-8111-111111111111";
    const err = await rejection(client.send(new UpdateIdentityPoolCommand({ IdentityPoolId: id, ...base })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe(`IdentityPool '${id}' not found.`);
  });
});

describe("DeleteIdentityPool", () => {
  it("deletes the pool; a second delete and a describe answer not found", async () => {
    const { client, fake } = setup();
    const { IdentityPoolId } = await client.send(new CreateIdentityPoolCommand(base));
    const out = await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(fake.getIdentityPool(IdentityPoolId as string)).toBeUndefined();
    const err = await rejection(client.send(new DeleteIdentityPoolCommand({ IdentityPoolId })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe(`IdentityPool '${IdentityPoolId}' not found.`);
  });
});

describe("DeleteIdentityPool and its identities", () => {
  it("drops the pool's identities and every index entry pointing at them", async () => {
    const { client, fake } = setup();
    const doomed = fake.seedIdentityPool({ ...base, IdentityPoolName: "doomed" });
    const kept = fake.seedIdentityPool({ ...base, IdentityPoolName: "kept" });
    const gone = fake.seedIdentities(
      Array.from({ length: 50 }, () => ({ IdentityPoolId: doomed.IdentityPoolId })),
    );
    const stays = fake.seedIdentity({ IdentityPoolId: kept.IdentityPoolId });
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: doomed.IdentityPoolId }));
    expect(gone.every((i) => fake.getIdentity(i.IdentityId) === undefined)).toBe(true);
    expect([...coreStateOf(fake).identityPools]).toEqual([[stays.IdentityId, kept.IdentityPoolId]]);
  });
});
