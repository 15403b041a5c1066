/** ListIdentityPools, and error answers with the SDK's retries, through the real SDK client. */
import {
  CognitoIdentityServiceException,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  InvalidParameterException,
  ListIdentityPoolsCommand,
  paginateListIdentityPools,
  ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity";

import { rejection, setup } from "../support/helpers";

const base = { IdentityPoolName: "app pool", AllowUnauthenticatedIdentities: true };

describe("ListIdentityPools", () => {
  it("pages in creation order with an opaque NextToken, and paginateListIdentityPools walks every page", async () => {
    const { client, fake } = setup();
    const ids = Array.from(
      { length: 7 },
      (_, i) => fake.seedIdentityPool({ ...base, IdentityPoolName: `pool${i}` }).IdentityPoolId,
    );
    const first = await client.send(new ListIdentityPoolsCommand({ MaxResults: 3 }));
    expect(first.IdentityPools?.map((p) => p.IdentityPoolId)).toEqual(ids.slice(0, 3));
    expect(first.IdentityPools?.[0]).toEqual({ IdentityPoolId: ids[0], IdentityPoolName: "pool0" });
    expect(typeof first.NextToken).toBe("string");
    const seen: string[] = [];
    for await (const page of paginateListIdentityPools({ client, pageSize: 3 }, { MaxResults: 3 })) {
      for (const p of page.IdentityPools ?? []) seen.push(p.IdentityPoolId as string);
    }
    expect(seen).toEqual(ids);
    const last = await client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(last.NextToken).toBeUndefined();
  });

  it("resumes after the last item even when earlier pools were deleted between pages", async () => {
    const { client, fake } = setup();
    const ids = Array.from(
      { length: 4 },
      (_, i) => fake.seedIdentityPool({ ...base, IdentityPoolName: `p${i}` }).IdentityPoolId,
    );
    const first = await client.send(new ListIdentityPoolsCommand({ MaxResults: 2 }));
    await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: ids[1] }));
    const second = await client.send(
      new ListIdentityPoolsCommand({ MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.IdentityPools?.map((p) => p.IdentityPoolId)).toEqual(ids.slice(2));
  });

  it("refuses a token of another region's listing", async () => {
    const { client, clientIn, fake } = setup();
    for (const Region of ["us-east-1", "eu-west-1"])
      for (let i = 0; i < 2; i++) fake.seedIdentityPool({ ...base, IdentityPoolName: `p${i}`, Region });
    const first = await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(first.NextToken).toBeDefined();
    const err = await rejection(
      clientIn("eu-west-1").send(new ListIdentityPoolsCommand({ MaxResults: 1, NextToken: first.NextToken })),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe("Invalid pagination token.");
  });

  it("refuses a token it did not issue", async () => {
    const { client } = setup();
    const err = await rejection(
      client.send(new ListIdentityPoolsCommand({ MaxResults: 2, NextToken: "bogus" })),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe("Invalid pagination token.");
  });

  it("lists only the pools of the request's region", async () => {
    const { client, fake } = setup();
    fake.seedIdentityPool({ ...base, Region: "eu-west-1" });
    expect((await client.send(new ListIdentityPoolsCommand({ MaxResults: 10 }))).IdentityPools).toEqual([]);
  });
});

describe("error answers and retries", () => {
  it("attempts a non-retryable service error once with the default 3-attempt client", async () => {
    const { client } = setup({ maxAttempts: 3 });
    const err = await rejection(
      client.send(
        new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:00000000-0000-4000-8000-000000000000" }),
      ),
    );
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.$metadata.attempts).toBe(1);
  });

  it("lets the SDK retry a scripted throttling error and then succeeds", async () => {
    const { client, fake } = setup({ maxAttempts: 3 });
    fake.failNext("ListIdentityPools", "TooManyRequestsException", { times: 2 });
    const out = await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(out.$metadata.attempts).toBe(3);
    expect(fake.calls.map((c) => c.error?.name ?? "ok")).toEqual([
      "TooManyRequestsException",
      "TooManyRequestsException",
      "ok",
    ]);
  });

  it("surfaces a ValidationException as the SDK's service exception with name ValidationException", async () => {
    const { client } = setup();
    const err = await rejection(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "nope" })));
    expect(err).toBeInstanceOf(CognitoIdentityServiceException);
    expect(err.name).toBe("ValidationException");
    expect(err.$fault).toBe("client");
    expect(err.message).toBe(
      "1 validation error detected: Value 'nope' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    );
  });
});
