import {
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  InvalidParameterException,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-cognito-identity";
import { ACCOUNT, rejection, setup } from "../support/helpers";

const arnOf = (id: string, region = "us-east-1") =>
  `arn:aws:cognito-identity:${region}:${ACCOUNT}:identitypool/${id}`;

async function pool() {
  const env = setup();
  const { IdentityPoolId } = await env.client.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: "tagged",
      AllowUnauthenticatedIdentities: false,
      IdentityPoolTags: { env: "dev" },
    }),
  );
  return { ...env, id: IdentityPoolId as string, arn: arnOf(IdentityPoolId as string) };
}

describe("TagResource / UntagResource / ListTagsForResource", () => {
  it("adds, overwrites and removes tags, visible in ListTagsForResource and DescribeIdentityPool", async () => {
    const { client, id, arn } = await pool();
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual({
      env: "dev",
    });
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { env: "prod", team: "mobile" } }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual({
      env: "prod",
      team: "mobile",
    });
    await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ["env", "absent"] }));
    expect(
      (await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }))).IdentityPoolTags,
    ).toEqual({ team: "mobile" });
  });

  it("exposes the pool ARN in the state API", async () => {
    const { fake, id, arn } = await pool();
    expect(fake.getIdentityPool(id)?.Arn).toBe(arn);
  });

  it("refuses more than 50 tags with InvalidParameterException and changes nothing", async () => {
    const { client, fake, arn } = await pool();
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    const before = fake.state;
    const err = await rejection(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: tags })));
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe("The number of tags exceeds the limit of 50.");
    expect(fake.state).toBe(before);
  });

  it("reserves the aws: prefix", async () => {
    const { client, arn } = await pool();
    const err = await rejection(
      client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { "AWS:x": "v" } })),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe("Tag keys starting with 'aws:' are reserved: AWS:x");
  });

  it("refuses characters outside the documented tag alphabet", async () => {
    const { client, arn } = await pool();
    const err = await rejection(
      client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { "a#b": "v" } })),
    );
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe("Tag 'a#b' contains characters that are not allowed.");
  });

  it("answers ResourceNotFoundException for the ARN of a pool that does not exist in that account and region", async () => {
    const { client, clientIn, id } = await pool();
    const other = arnOf("us-east-1:22222222-2222-4222-8222-222222222222");
    const missing = await rejection(client.send(new ListTagsForResourceCommand({ ResourceArn: other })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.message).toBe("IdentityPool 'us-east-1:22222222-2222-4222-8222-222222222222' not found.");
    const wrongAccount = `arn:aws:cognito-identity:us-east-1:999999999999:identitypool/${id}`;
    expect(
      await rejection(client.send(new ListTagsForResourceCommand({ ResourceArn: wrongAccount }))),
    ).toBeInstanceOf(ResourceNotFoundException);
    const err = await rejection(
      clientIn("eu-west-1").send(new ListTagsForResourceCommand({ ResourceArn: arnOf(id) })),
    );
    expect(err).toBeInstanceOf(ResourceNotFoundException);
  });

  it("answers InvalidParameterException for an ARN that does not name an identity pool", async () => {
    const { client } = await pool();
    const arn = "arn:aws:iam::123456789012:role/some-role";
    const err = await rejection(client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { a: "b" } })));
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect(err.message).toBe(`Invalid ARN: ${arn}`);
  });
});
