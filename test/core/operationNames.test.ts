/**
 * Typed operation names: `failNext` takes an `OperationName` (or "*"), and a name that is not one of the
 * service's operations throws at once, naming the nearest real one, so an error-path test cannot pass without
 * its failure ever firing.
 */
import {
  GetIdCommand,
  ListIdentityPoolsCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity";
import type { OperationName } from "../../src";
import { nearestOperation } from "../../src/engine/operationName";
import { rejection, setup } from "../support/helpers";

describe("failNext", () => {
  it("refuses an unknown operation at once, with the nearest name, and scripts nothing", async () => {
    const { fake, client } = setup();
    // @ts-expect-error: "GetID" is not an operation of the service
    expect(() => fake.failNext("GetID", "TooManyRequestsException")).toThrow(
      new TypeError('Unknown operation "GetID". Did you mean "GetId"?'),
    );
    expect(() => fake.failNext("" as OperationName, "TooManyRequestsException")).toThrow(TypeError);
    const pool = fake.seedIdentityPool({ IdentityPoolName: "app", AllowUnauthenticatedIdentities: true });
    await client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
    expect(fake.calls.map((c) => c.error)).toEqual([undefined]);
  });

  it("takes every operation of the service, and * for any", async () => {
    const { fake, client } = setup();
    fake.failNext("*", "TooManyRequestsException");
    fake.failNext("ListIdentityPools", { name: "InternalErrorException", message: "scripted" });
    await expect(client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }))).rejects.toBeInstanceOf(
      TooManyRequestsException,
    );
    expect((await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 1 })))).message).toBe(
      "scripted",
    );
    const operation: OperationName | undefined = fake.calls[0]?.operation as OperationName;
    expect(operation).toBe("ListIdentityPools");
  });
});

describe("nearestOperation", () => {
  it.each([
    ["GetID", "GetId"],
    ["getcredentialsforidentity", "GetCredentialsForIdentity"],
    ["ListIdentityPool", "ListIdentityPools"],
    ["DescribeIdentityPools", "DescribeIdentityPool"],
    ["UnlinkDeveloperIdentities", "UnlinkDeveloperIdentity"],
    ["GetOpenIdTokenForDeveloper", "GetOpenIdTokenForDeveloperIdentity"],
    ["TagResouce", "TagResource"],
  ])("%s -> %s", (typo, nearest) => {
    expect(nearestOperation(typo)).toBe(nearest);
  });
});
