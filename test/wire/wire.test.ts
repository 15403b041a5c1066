/**
 * The wire layer: malformed requests get the service's framework errors, through the real SDK stack
 * (a build-step middleware tampers with the serialized request before the fake answers it).
 */
import {
  CognitoIdentityServiceException,
  CreateIdentityPoolCommand,
  ListIdentityPoolsCommand,
} from "@aws-sdk/client-cognito-identity";
import fc from "fast-check";
import { createCognitoIdentityFake } from "../../src";
import { outputBytes, readRequest, regionOfHost, writeResponse } from "../../src/wire/protocol";
import { rejection, setup } from "../support/helpers";

/** The text of an output body. */
const outputJson = (output: Readonly<Record<string, unknown>>): string =>
  Buffer.from(outputBytes(output)).toString("utf8");

function tamper(
  client: ReturnType<typeof setup>["client"],
  change: (request: { headers: Record<string, string>; body: unknown }) => void,
) {
  client.middlewareStack.add(
    (next) => async (args) => {
      change(args.request as { headers: Record<string, string>; body: unknown });
      return next(args);
    },
    { step: "build", name: "tamper" },
  );
}

describe("wire protocol", () => {
  it.each([
    ["not JSON", "{nope", "SerializationException"],
    ["a JSON array", "[1,2]", "SerializationException"],
    ["a JSON string", '"text"', "SerializationException"],
    ["a string where an integer belongs", '{"MaxResults":"5"}', "SerializationException"],
    ["a float where an integer belongs", '{"MaxResults":1.5}', "SerializationException"],
  ])("answers %s with the service's framework error, state unchanged", async (_label, body, type) => {
    const { client, fake } = setup();
    tamper(client, (r) => {
      r.body = body;
    });
    const before = fake.state;
    const err = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 5 })));
    expect(err).toBeInstanceOf(CognitoIdentityServiceException);
    expect(err.name).toBe(type);
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(fake.state).toBe(before);
  });

  it("names the JSON token and the expected type in a SerializationException", async () => {
    const { client } = setup();
    tamper(client, (r) => {
      r.body = '{"MaxResults":"5"}';
    });
    const err = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 5 })));
    expect(err.message).toBe("VALUE_STRING can not be converted to an Integer");
  });

  it.each([
    ["an unknown operation", "AWSCognitoIdentityService.StealEverything"],
    ["another service's target", "AWSCognitoIdentityProviderService.ListUserPools"],
    ["no target", ""],
  ])("answers %s with UnknownOperationException", async (_label, target) => {
    const { client, fake } = setup();
    tamper(client, (r) => {
      if (target) r.headers["x-amz-target"] = target;
      else delete r.headers["x-amz-target"];
    });
    const err = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 5 })));
    expect(err).toBeInstanceOf(CognitoIdentityServiceException);
    expect(err.name).toBe("UnknownOperationException");
    expect(fake.calls[0]?.error?.name).toBe("UnknownOperationException");
  });

  it("ignores unknown members, as the service does", async () => {
    const { client } = setup();
    tamper(client, (r) => {
      r.body = JSON.stringify({
        IdentityPoolName: "p",
        AllowUnauthenticatedIdentities: true,
        Extra: { a: 1 },
      });
    });
    const out = await client.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "p", AllowUnauthenticatedIdentities: true }),
    );
    expect(out.IdentityPoolName).toBe("p");
    expect(out).not.toHaveProperty("Extra");
  });

  it("keeps prototype-pollution keys as plain data", async () => {
    const { client, fake } = setup();
    tamper(client, (r) => {
      r.body =
        '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":true,"IdentityPoolTags":{"__proto__":"x","constructor":"y"}}';
    });
    const out = await client.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "p", AllowUnauthenticatedIdentities: true }),
    );
    expect(Object.keys(fake.getIdentityPool(out.IdentityPoolId as string)?.IdentityPoolTags ?? {})).toEqual([
      "__proto__",
      "constructor",
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("writes outputs exactly as JSON.stringify does, frozen list items included, on first and later use", () => {
    const deepFreeze = (value: unknown): unknown => {
      if (typeof value === "object" && value !== null) {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
      }
      return value;
    };
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.boolean(), (output, freeze) => {
        const value = freeze ? (deepFreeze(output) as Record<string, unknown>) : output;
        expect(outputJson(value)).toBe(JSON.stringify(value));
        expect(outputJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it("reads the region from the endpoint host", () => {
    expect(regionOfHost("cognito-identity.eu-central-1.amazonaws.com")).toBe("eu-central-1");
    expect(regionOfHost("cognito-identity-fips.us-east-1.amazonaws.com")).toBe("us-east-1");
    expect(regionOfHost("cognito-identity.cn-north-1.amazonaws.com.cn")).toBe("cn-north-1");
    expect(regionOfHost("localhost")).toBeUndefined();
  });

  it("writes errors with __type, message, x-amzn-ErrorType and a request id", () => {
    const response = writeResponse(
      { ok: false, error: { type: "NotAuthorizedException", message: "no", statusCode: 400 } },
      "rid",
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers["x-amzn-errortype"]).toBe("NotAuthorizedException:");
    expect(response.headers["x-amzn-requestid"]).toBe("rid");
    expect(JSON.parse(new TextDecoder().decode(response.body))).toEqual({
      __type: "NotAuthorizedException",
      message: "no",
    });
  });

  it("reads an empty body as an empty input", () => {
    expect(
      readRequest({ headers: { "X-Amz-Target": "AWSCognitoIdentityService.ListIdentityPools" }, body: "" }),
    ).toEqual({
      ok: true,
      operation: "ListIdentityPools",
      input: {},
    });
  });

  it("journals every request with its region, input and outcome", async () => {
    const fake = createCognitoIdentityFake({ now: () => new Date("2026-02-02T00:00:00Z") });
    const { CognitoIdentityClient } = await import("@aws-sdk/client-cognito-identity");
    const client = new CognitoIdentityClient({ region: "ap-south-1" });
    client.middlewareStack.use(fake.plugin());
    client.middlewareStack.use(fake.plugin());
    await client.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(fake.calls).toEqual([
      {
        operation: "ListIdentityPools",
        input: { MaxResults: 1 },
        output: { IdentityPools: [] },
        region: "ap-south-1",
        time: new Date("2026-02-02T00:00:00Z"),
      },
    ]);
  });
});
