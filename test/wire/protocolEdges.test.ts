/**
 * The JSON 1.1 reader and writer on their own, at the edges the SDK never reaches: header names in any case,
 * header values that are not text, bodies given as byte views into a larger buffer or as a bare `ArrayBuffer`,
 * whitespace-only bodies, framework errors with and without a message, statuses, non-ASCII error messages in
 * headers, and endpoint hosts that only look like Cognito Identity's.
 */
import {
  outputBytes,
  readRequest,
  regionOfHost,
  TARGET_PREFIX,
  type WireRequest,
  writeResponse,
} from "../../src/wire/protocol";
import { statusOf } from "../../src/wire/status";

/** The text of an output body. */
const outputJson = (output: Readonly<Record<string, unknown>>): string =>
  Buffer.from(outputBytes(output)).toString("utf8");

const target = (operation: string) => `${TARGET_PREFIX}${operation}`;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const SERIALIZATION = {
  ok: false,
  operation: "GetId",
  type: "SerializationException",
  message: "Unable to parse the request body as JSON.",
};

describe("reading a request", () => {
  it("finds the target header in any case, and prefers the exact lower-case name", () => {
    expect(readRequest({ headers: { "X-AMZ-TARGET": target("GetId") }, body: "{}" })).toEqual({
      ok: true,
      operation: "GetId",
      input: {},
    });
    expect(
      readRequest({
        headers: { "X-Amz-Target": target("ListIdentityPools"), "x-amz-target": target("GetId") },
        body: "{}",
      }).operation,
    ).toBe("GetId");
  });

  it("reads no headers at all, a list of values (joined as Node joins them), and no header named undefined", () => {
    expect(readRequest({ body: "{}" } as unknown as WireRequest)).toMatchObject({
      ok: false,
      type: "UnknownOperationException",
    });
    const list = (values: string[]) => ({ "x-amz-target": values }) as unknown as Record<string, string>;
    expect(readRequest({ headers: list([target("GetId")]), body: "{}" })).toEqual({
      ok: true,
      operation: "GetId",
      input: {},
    });
    expect(readRequest({ headers: list([target("Get"), "Id"]), body: "{}" }).operation).toBe("Get, Id");
    expect(
      readRequest({ headers: { undefined: target("GetId"), "Content-Type": "x" }, body: "{}" }),
    ).toMatchObject({ ok: false, type: "UnknownOperationException" });
    expect(
      readRequest({ headers: { "Content-Type": "x", "X-Amz-Target": target("GetId") }, body: "{}" })
        .operation,
    ).toBe("GetId");
  });

  it("reads a header value that is not text (nor a list of text) as absent", () => {
    const headers = (value: unknown) => ({ "x-amz-target": value }) as unknown as Record<string, string>;
    for (const value of [42, [target("GetId"), 7], { value: target("GetId") }]) {
      expect(readRequest({ headers: headers(value), body: "{}" })).toEqual({
        ok: false,
        operation: "",
        type: "UnknownOperationException",
        message: "",
      });
    }
  });

  it("answers UnknownOperationException naming the target when it lacks the service prefix or the operation", () => {
    for (const value of ["GetId", "AWSCognitoIdentityService.", "xAWSCognitoIdentityService.GetId"]) {
      expect(readRequest({ headers: { "x-amz-target": value }, body: "{}" })).toEqual({
        ok: false,
        operation: value,
        type: "UnknownOperationException",
        message: "",
      });
    }
  });

  it("reads the bytes a view covers, not the whole buffer behind it", () => {
    const whole = new TextEncoder().encode('xx{"IdentityPoolId":"p"}yy');
    const view = whole.subarray(2, whole.length - 2);
    expect(readRequest({ headers: { "x-amz-target": target("GetId") }, body: view })).toEqual({
      ok: true,
      operation: "GetId",
      input: { IdentityPoolId: "p" },
    });
    const dataView = new DataView(whole.buffer, 2, whole.length - 4);
    expect(
      readRequest({ headers: { "x-amz-target": target("GetId") }, body: dataView as unknown as Uint8Array })
        .ok,
    ).toBe(true);
  });

  it("reads a bare ArrayBuffer body", () => {
    const buffer = new TextEncoder().encode('{"MaxResults":3}').buffer;
    expect(
      readRequest({
        headers: { "x-amz-target": target("ListIdentityPools") },
        body: buffer as unknown as Uint8Array,
      }),
    ).toEqual({ ok: true, operation: "ListIdentityPools", input: { MaxResults: 3 } });
  });

  it("reads a whitespace-only body as an empty input, an undefined body too", () => {
    const headers = { "x-amz-target": target("GetId") };
    expect(readRequest({ headers, body: " \n\t " })).toEqual({ ok: true, operation: "GetId", input: {} });
    expect(readRequest({ headers })).toEqual({ ok: true, operation: "GetId", input: {} });
  });

  it("answers SerializationException for a body that is neither text nor bytes, or not JSON", () => {
    const headers = { "x-amz-target": target("GetId") };
    expect(readRequest({ headers, body: 42 as unknown as string })).toEqual(SERIALIZATION);
    expect(readRequest({ headers, body: "{" })).toEqual(SERIALIZATION);
  });
});

describe("writing a response", () => {
  it("answers a result with status 200, the JSON 1.1 content type and the request id", () => {
    const response = writeResponse({ ok: true, output: { IdentityId: "x", Skipped: undefined } }, "rid-1");
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-requestid": "rid-1",
    });
    expect(text(response.body)).toBe('{"IdentityId":"x"}');
  });

  it("writes list items as JSON.stringify does, re-reading items that are not frozen", () => {
    const item: Record<string, unknown> = { a: 1 };
    expect(outputJson({ L: [item, undefined, null, 2] })).toBe('{"L":[{"a":1},null,null,2]}');
    item.a = 2;
    expect(outputJson({ L: [item] })).toBe('{"L":[{"a":2}]}');
  });

  it("reads an output that is not frozen afresh every time, with or without lists", () => {
    for (const output of [{ A: 1 }, { A: 1, L: [Object.freeze({ b: 1 })] }, { A: 1, U: undefined, L: [] }]) {
      expect(outputJson(output)).toBe(JSON.stringify(output));
      output.A = 2;
      expect(outputJson(output)).toBe(JSON.stringify(output));
    }
  });

  it("serializes a frozen output, or a long frozen list item, once; a short list item with its output", () => {
    let reads = 0;
    const counted = (padding = "") =>
      Object.freeze({
        get A() {
          reads++;
          return reads;
        },
        ...(padding ? { P: padding } : {}),
      });
    const output = counted();
    expect([outputJson(output), outputJson(output)]).toEqual(['{"A":1}', '{"A":1}']);
    const padding = "x".repeat(128);
    const long = counted(padding);
    expect([outputJson({ L: [long] }), outputJson({ L: [long] })]).toEqual([
      `{"L":[{"A":2,"P":"${padding}"}]}`,
      `{"L":[{"A":2,"P":"${padding}"}]}`,
    ]);
    expect(reads).toBe(2);
    // A short item is read again with its output, every time.
    const short = counted();
    const [first, second] = [outputJson({ L: [short] }), outputJson({ L: [short] })];
    expect(first).toMatch(/^\{"L":\[\{"A":\d\}\]\}$/);
    expect(second).not.toBe(first);
  });

  it("hands over a new body every time, so a caller that changes one changes no later answer", () => {
    const frozenItem = Object.freeze({ a: 1 });
    const longItem = Object.freeze({ a: "x".repeat(128) });
    for (const output of [
      Object.freeze({ a: 1 }),
      { L: [frozenItem, frozenItem] },
      { L: [longItem, longItem] },
    ]) {
      const first = outputBytes(output);
      first.fill(0x20);
      const second = outputBytes(output);
      expect(second).not.toBe(first);
      expect(Buffer.from(second).toString("utf8")).toBe(JSON.stringify(output));
    }
  });

  it("writes framework errors with a namespaced type and a capitalised Message, when there is one", () => {
    const withMessage = writeResponse(
      { ok: false, error: { type: "SerializationException", message: "bad" } },
      "r",
    );
    expect(JSON.parse(text(withMessage.body))).toEqual({
      __type: "com.amazon.coral.service#SerializationException",
      Message: "bad",
    });
    const without = writeResponse(
      { ok: false, error: { type: "UnknownOperationException", message: "" } },
      "r",
    );
    expect(JSON.parse(text(without.body))).toEqual({
      __type: "com.amazon.coral.service#UnknownOperationException",
    });
    expect(without.headers).toEqual({
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-requestid": "r",
      "x-amzn-errortype": "UnknownOperationException:",
    });
    expect(without.statusCode).toBe(400);
  });

  it("takes the status from the error name unless the error names its own", () => {
    const status = (type: string, statusCode?: number) =>
      writeResponse({ ok: false, error: { type, message: "m", ...(statusCode ? { statusCode } : {}) } }, "r")
        .statusCode;
    expect(status("TooManyRequestsException")).toBe(429);
    expect(status("InternalErrorException")).toBe(500);
    expect(status("ResourceNotFoundException")).toBe(400);
    expect(status("NotAuthorizedException", 403)).toBe(403);
    expect([statusOf("LimitExceededException"), statusOf("")]).toEqual([400, 400]);
  });

  it("writes a message header in printable ASCII, the body keeping the message as it is", () => {
    const response = writeResponse(
      { ok: false, error: { type: "NotAuthorizedException", message: "naïve\ncafé ~ ok" } },
      "r",
    );
    expect(response.headers["x-amzn-errormessage"]).toBe("na?ve?caf? ~ ok");
    expect(JSON.parse(text(response.body))).toEqual({
      __type: "NotAuthorizedException",
      message: "naïve\ncafé ~ ok",
    });
  });
});

describe("the region of an endpoint host", () => {
  it("reads only Cognito Identity's own hosts, whole", () => {
    expect(regionOfHost("cognito-identity.us-gov-west-1.amazonaws.com")).toBe("us-gov-west-1");
    expect(regionOfHost("cognito-identity-fips.us-gov-west-1.amazonaws.com")).toBe("us-gov-west-1");
    for (const host of [
      undefined,
      "",
      "x.cognito-identity.us-east-1.amazonaws.com",
      "cognito-identity.us-east-1.amazonaws.com.evil.test",
      "cognito-identity.us-east-1.amazonaws.cn",
      "cognito-identity..amazonaws.com",
      "cognito-identity.US-EAST-1.amazonaws.com",
      "cognito-identityXus-east-1.amazonaws.com",
      "cognito-identity.us-east-1Xamazonaws.com",
      "cognito-identity.us-east-1.amazonawsXcom",
      "cognito-identity.us.east.amazonaws.com",
    ]) {
      expect(regionOfHost(host)).toBeUndefined();
    }
  });
});
