/**
 * Hostile and malformed input at the wire layer, through the real SDK client: a build-step middleware rewrites
 * the serialized request (body and headers) before the fake answers it. Every input must answer the service's
 * error (or be ignored where the service ignores it), the SDK call must reject with a service exception (never a
 * TypeError from inside the stack), a failure must leave the state object identical, and no global object may
 * be polluted. Tokens: tampered, `alg: none`, expired, wrong audience, another pool's → NotAuthorizedException
 * with the fake's exact messages. The number of hostile inputs tried is printed at the end.
 */
import { Readable } from "node:stream";
import * as sdk from "@aws-sdk/client-cognito-identity";
import {
  type MemberRef,
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
  SHAPES,
  type Shape,
} from "../../src/core";
import { type Json, sampleValue, sdkCommand, setup, USER_POOL } from "../support/helpers";

const NOW = new Date("2026-01-01T00:00:00Z");
const USER_POOL_ID = "us-east-1_TestPool1";
const CLIENT_ID = "testclient123";
const DEV = "login.hostile";
const COGNITO = "cognito-identity.amazonaws.com";
const MB = 1024 * 1024;

let tried = 0;
afterAll(() => {
  console.log(`hostile input: ${tried} hostile or malformed inputs tried`);
});

// ---- pollution guard ------------------------------------------------------------------------------------

const PROTOTYPES = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};
const ownNames = () =>
  Object.fromEntries(Object.entries(PROTOTYPES).map(([k, p]) => [k, Object.getOwnPropertyNames(p).sort()]));
const before = ownNames();

afterEach(() => {
  expect(ownNames()).toEqual(before);
  const probe = {} as Record<string, unknown>;
  for (const key of ["polluted", "isAdmin", "x", "y"]) {
    expect(probe[key]).toBeUndefined();
    expect(key in probe).toBe(false);
  }
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
});

// ---- the hostile client ---------------------------------------------------------------------------------

interface WireRequestLike {
  headers: Record<string, unknown>;
  body: unknown;
}

/** A fake, a pool, and a client whose next request can be rewritten on the wire. */
function hostileWorld() {
  const { fake, client } = setup({ now: () => NOW });
  // A stream body is one of the hostile inputs: the SDK cannot retry a failed streaming request and says so on
  // the client's logger, which defaults to the console. This client's logger keeps those notes to itself.
  const quiet = () => {};
  client.config.logger = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet };
  let rewrite: ((request: WireRequestLike) => void) | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      rewrite?.(args.request as WireRequestLike);
      return next(args);
    },
    { step: "build", name: "hostileRewrite", priority: "low" },
  );
  const pool = fake.seedIdentityPool({
    IdentityPoolName: "hostile",
    AllowUnauthenticatedIdentities: true,
    SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
    CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID }],
    DeveloperProviderName: DEV,
    Roles: {
      authenticated: "arn:aws:iam::123456789012:role/auth",
      unauthenticated: "arn:aws:iam::123456789012:role/unauth",
    },
  });

  /**
   * Sends `op` with `rewrite` applied to its serialized request; answers the output, or the rejection (which
   * must be a service exception, and must have left the state identical).
   */
  async function send(
    op: OperationName,
    change: (request: WireRequestLike) => void,
    input: Record<string, unknown> = {},
  ): Promise<
    { ok: true; output: Record<string, unknown> } | { ok: false; error: sdk.CognitoIdentityServiceException }
  > {
    tried++;
    const stateBefore = fake.state;
    rewrite = change;
    try {
      const output = (await client.send(sdkCommand(op, input))) as unknown as Record<string, unknown>;
      return { ok: true, output };
    } catch (e) {
      if (!(e instanceof sdk.CognitoIdentityServiceException)) {
        throw new Error(`${op}: the SDK call rejected with ${String(e)}, not a service exception`);
      }
      expect(e.$fault).toBe("client");
      expect(e.$metadata.httpStatusCode).toBe(400);
      if (fake.state !== stateBefore) throw new Error(`${op} failed with ${e.name} but changed the state`);
      return { ok: false, error: e };
    } finally {
      rewrite = undefined;
    }
  }

  /** Sends a raw body; expects the error `name` (and `message` when given). */
  async function expectBodyError(op: OperationName, body: unknown, name: string, message?: string | RegExp) {
    const answer = await send(op, (r) => {
      r.body = body;
    });
    if (answer.ok) throw new Error(`${op} accepted the body ${String(body).slice(0, 80)}`);
    expect(answer.error.name).toBe(name);
    if (typeof message === "string") expect(answer.error.message).toBe(message);
    else if (message) expect(answer.error.message).toMatch(message);
    return answer.error;
  }

  return { fake, client, poolId: pool.IdentityPoolId, send, expectBodyError };
}

// ---- malformed bodies -----------------------------------------------------------------------------------

const NOT_JSON = "Unable to parse the request body as JSON.";

describe("malformed bodies", () => {
  const w = hostileWorld();

  it.each([
    ["{nope", NOT_JSON],
    ["{", NOT_JSON],
    ["}{", NOT_JSON],
    ['{"MaxResults":5', NOT_JSON],
    ['{"MaxResults":5}}', NOT_JSON],
    ["{'single':'quotes'}", NOT_JSON],
    ['{"a":1,}', NOT_JSON],
    ["NaN", NOT_JSON],
    ["\u0000", NOT_JSON],
    ["\ufeff{}", NOT_JSON],
  ])("invalid JSON %j answers SerializationException for every operation", async (body, message) => {
    for (const op of OPERATION_NAMES) await w.expectBodyError(op, body, "SerializationException", message);
  });

  it.each([
    ["[1,2]", "START_ARRAY can not be converted to a Structure"],
    ["[]", "START_ARRAY can not be converted to a Structure"],
    ['"text"', "VALUE_STRING can not be converted to a Structure"],
    ["42", "VALUE_NUMBER_INT can not be converted to a Structure"],
    ["4.2", "VALUE_NUMBER_FLOAT can not be converted to a Structure"],
    ["true", "VALUE_TRUE can not be converted to a Structure"],
    ["false", "VALUE_FALSE can not be converted to a Structure"],
  ])("a JSON %s body answers SerializationException for every operation", async (body, message) => {
    for (const op of OPERATION_NAMES) await w.expectBodyError(op, body, "SerializationException", message);
  });

  it("a null or empty body reads as an empty input: every operation misses a required member", async () => {
    for (const op of OPERATION_NAMES) {
      for (const body of ["null", "", "   ", "{}"]) {
        const err = await w.expectBodyError(op, body, "ValidationException");
        expect(err.message).toMatch(
          /^\d+ validation errors? detected: Value null at '\w+' failed to satisfy constraint: Member must not be null/,
        );
      }
    }
  });

  it.each([
    ["a number", 42],
    ["an object", { MaxResults: 5 }],
    ["a stream", Readable.from(['{"MaxResults":5}'])],
    ["a boolean", true],
  ])("a body that is %s, not text or bytes, answers SerializationException", async (_label, body) => {
    await w.expectBodyError("ListIdentityPools", body, "SerializationException", NOT_JSON);
  });

  it("bytes that are not UTF-8 answer SerializationException; UTF-8 bytes are read", async () => {
    await w.expectBodyError(
      "ListIdentityPools",
      new Uint8Array([0xff, 0xfe, 0x7b]),
      "SerializationException",
      NOT_JSON,
    );
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body = new TextEncoder().encode('{"MaxResults":5}');
    });
    expect(answer.ok).toBe(true);
  });
});

// ---- wrong member types in every position ---------------------------------------------------------------

/** The JSON token name the service's parser reports for a value. */
const tokenOf = (v: Json): string =>
  Array.isArray(v)
    ? "START_ARRAY"
    : typeof v === "object"
      ? "START_OBJECT"
      : typeof v === "string"
        ? "VALUE_STRING"
        : typeof v === "boolean"
          ? v
            ? "VALUE_TRUE"
            : "VALUE_FALSE"
          : Number.isInteger(v)
            ? "VALUE_NUMBER_INT"
            : "VALUE_NUMBER_FLOAT";

/** Values of the wrong JSON type for a shape, and the type the message names. */
function wrongValues(s: Shape): { values: Json[]; expected: string } | undefined {
  switch (s.kind) {
    case "string":
    case "enum":
      return { values: [5, 1.5, true, {}, ["x"]], expected: "a String" };
    case "boolean":
      return { values: ["true", 1, {}, []], expected: "a Boolean" };
    case "integer":
      return { values: ["5", 1.5, true, {}, [5]], expected: "an Integer" };
    case "long":
      return { values: ["5", 2.5, false, {}, [5]], expected: "a Long" };
    case "list":
      return { values: ["x", 5, { a: "b" }, false], expected: "a List" };
    case "map":
      return { values: ["x", 5, ["a"], true], expected: "a Map" };
    case "structure":
      return { values: ["x", 5, ["a"], true], expected: "a Structure" };
    default:
      return undefined;
  }
}

interface Position {
  readonly op: OperationName;
  readonly path: string;
  readonly shape: Shape;
  readonly place: (v: Json) => Json;
}

/** Every member position of every input: top level, list items, map values, nested structure members. */
function positions(): Position[] {
  const out: Position[] = [];
  const visit = (op: OperationName, ref: MemberRef, path: string, place: (v: Json) => Json) => {
    const s = SHAPES[ref.target] as Shape;
    out.push({ op, path, shape: s, place });
    if (s.kind === "list") {
      visit(op, s.member, `${path}[0]`, (v) => place([v]));
    } else if (s.kind === "map") {
      const key = sampleValue(s.key.target) as string;
      visit(op, s.value, `${path}.${key}`, (v) => place({ [key]: v }));
    } else if (s.kind === "structure") {
      const base = sampleValue(ref.target) as Record<string, Json>;
      for (const [name, m] of Object.entries(s.members)) {
        visit(op, m, `${path}.${name}`, (v) => place({ ...base, [name]: v }));
      }
    }
  };
  for (const op of OPERATION_NAMES) {
    const root = SHAPES[OPERATIONS[op].input] as Shape & { kind: "structure" };
    const base = sampleValue(OPERATIONS[op].input) as Record<string, Json>;
    for (const [name, ref] of Object.entries(root.members)) {
      visit(op, ref, name, (v) => ({ ...base, [name]: v }));
    }
  }
  return out;
}

describe("wrong member types", () => {
  const w = hostileWorld();
  const all = positions();

  it("cover every kind of position of the model", () => {
    expect(new Set(all.map((p) => p.shape.kind))).toEqual(
      new Set(["string", "enum", "boolean", "integer", "long", "list", "map", "structure"]),
    );
  });

  it.each(OPERATION_NAMES.map((op) => [op]))(
    "%s: a wrong type anywhere answers SerializationException",
    async (op) => {
      for (const position of all.filter((p) => p.op === op)) {
        const wrong = wrongValues(position.shape);
        if (!wrong) continue;
        for (const value of wrong.values) {
          const body = JSON.stringify(position.place(value));
          await w.expectBodyError(
            op,
            body,
            "SerializationException",
            `${tokenOf(value)} can not be converted to ${wrong.expected}`,
          );
        }
      }
    },
  );

  it("a null member counts as absent, and an unsafe integer is not an Integer", async () => {
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body = '{"MaxResults":5,"NextToken":null}';
    });
    expect(answer.ok).toBe(true);
    await w.expectBodyError("ListIdentityPools", '{"MaxResults":9007199254740993}', "SerializationException");
    await w.expectBodyError("ListIdentityPools", '{"MaxResults":1e400}', "SerializationException");
    await w.expectBodyError("ListIdentityPools", '{"MaxResults":-0.5}', "SerializationException");
  });
});

// ---- huge and deep input --------------------------------------------------------------------------------

describe("huge strings and deep nesting", () => {
  const w = hostileWorld();

  it("a 1 MB string in any string member answers ValidationException (max length), not a crash", async () => {
    const huge = "a".repeat(MB);
    let checked = 0;
    for (const op of OPERATION_NAMES) {
      const root = SHAPES[OPERATIONS[op].input] as Shape & { kind: "structure" };
      const base = sampleValue(OPERATIONS[op].input) as Record<string, Json>;
      for (const [name, ref] of Object.entries(root.members)) {
        const s = SHAPES[ref.target] as Shape;
        if (s.kind !== "string") continue;
        const err = await w.expectBodyError(
          op,
          JSON.stringify({ ...base, [name]: huge }),
          "ValidationException",
        );
        expect(err.message).toContain(`Member must have length less than or equal to ${s.max}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("1 MB map keys, values and tokens answer ValidationException; sensitive tokens are not echoed", async () => {
    const huge = "b".repeat(MB);
    const tags = await w.expectBodyError(
      "CreateIdentityPool",
      JSON.stringify({
        IdentityPoolName: "p",
        AllowUnauthenticatedIdentities: true,
        IdentityPoolTags: { [huge]: "v" },
      }),
      "ValidationException",
    );
    expect(tags.message).toContain(
      "Map keys must satisfy constraint: [Member must have length less than or equal to 128]",
    );
    const token = await w.expectBodyError(
      "GetId",
      JSON.stringify({ IdentityPoolId: w.poolId, Logins: { "graph.facebook.com": huge } }),
      "ValidationException",
      "1 validation error detected: Value at 'logins' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 50000]",
    );
    expect(token.message).not.toContain("bbbb");
  });

  it("a 1 MB unknown member is ignored", async () => {
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body = JSON.stringify({ MaxResults: 5, Padding: "c".repeat(MB) });
    });
    expect(answer.ok).toBe(true);
  });

  it("JSON nested 10,000 levels deep: ignored as an unknown member, refused where a value belongs", async () => {
    const deepArray = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const deepObject = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    for (const deep of [deepArray, deepObject]) {
      const ignored = await w.send("ListIdentityPools", (r) => {
        r.body = `{"MaxResults":5,"Deep":${deep}}`;
      });
      expect(ignored.ok).toBe(true);
      await w.expectBodyError("ListIdentityPools", `{"MaxResults":${deep}}`, "SerializationException");
      await w.expectBodyError(
        "GetId",
        `{"IdentityPoolId":"${w.poolId}","Logins":{"a":${deep}}}`,
        "SerializationException",
      );
      await w.expectBodyError(
        "SetIdentityPoolRoles",
        `{"IdentityPoolId":"${w.poolId}","Roles":{},"RoleMappings":{"graph.facebook.com":{"Type":"Rules","RulesConfiguration":{"Rules":[{"Claim":${deep}}]}}}}`,
        "SerializationException",
      );
      // As the whole body: an array is not a structure; an object is one whose only member is unknown.
      await w.expectBodyError(
        "ListIdentityPools",
        deep,
        deep === deepArray ? "SerializationException" : "ValidationException",
      );
    }
  });
});

// ---- unknown members and targets ------------------------------------------------------------------------

describe("unknown members and targets", () => {
  const w = hostileWorld();

  it("unknown members are ignored at every depth, as the service ignores them", async () => {
    const created = await w.send("CreateIdentityPool", (r) => {
      r.body = JSON.stringify({
        IdentityPoolName: "extra",
        AllowUnauthenticatedIdentities: true,
        Unknown: { nested: [1, 2, 3] },
        CognitoIdentityProviders: [{ ProviderName: USER_POOL, ClientId: CLIENT_ID, Surprise: true }],
      });
    });
    if (!created.ok) throw created.error;
    expect(created.output).not.toHaveProperty("Unknown");
    expect(created.output.CognitoIdentityProviders).toEqual([
      { ProviderName: USER_POOL, ClientId: CLIENT_ID, ServerSideTokenCheck: false },
    ]);
    const roles = await w.send("SetIdentityPoolRoles", (r) => {
      r.body = JSON.stringify({
        IdentityPoolId: w.poolId,
        Roles: { authenticated: "arn:aws:iam::123456789012:role/auth" },
        RoleMappings: {
          "graph.facebook.com": {
            Type: "Rules",
            AmbiguousRoleResolution: "Deny",
            Extra: "x",
            RulesConfiguration: {
              Extra: 1,
              Rules: [
                {
                  Claim: "sub",
                  MatchType: "Equals",
                  Value: "v",
                  RoleARN: "arn:aws:iam::123456789012:role/r",
                  Extra: [],
                },
              ],
            },
          },
        },
      });
    });
    expect(roles.ok).toBe(true);
    expect(w.fake.getIdentityPool(w.poolId)?.RoleMappings).toEqual({
      "graph.facebook.com": {
        Type: "Rules",
        AmbiguousRoleResolution: "Deny",
        RulesConfiguration: {
          Rules: [
            { Claim: "sub", MatchType: "Equals", Value: "v", RoleARN: "arn:aws:iam::123456789012:role/r" },
          ],
        },
      },
    });
  });

  it.each([
    ["an unknown operation", "AWSCognitoIdentityService.StealEverything"],
    ["another service's target", "AWSCognitoIdentityProviderService.ListUserPools"],
    ["the prefix alone", "AWSCognitoIdentityService."],
    ["another case", "awscognitoidentityservice.ListIdentityPools"],
    ["a lower-case operation", "AWSCognitoIdentityService.listIdentityPools"],
    ["an Object.prototype name", "AWSCognitoIdentityService.__proto__"],
    ["constructor", "AWSCognitoIdentityService.constructor"],
    ["toString", "AWSCognitoIdentityService.toString"],
    ["hasOwnProperty", "AWSCognitoIdentityService.hasOwnProperty"],
    ["trailing space", "AWSCognitoIdentityService.ListIdentityPools "],
    ["an injected line", "AWSCognitoIdentityService.ListIdentityPools\r\nX-Other: 1"],
    ["an empty target", ""],
  ])("%s answers UnknownOperationException", async (_label, target) => {
    const answer = await w.send(
      "ListIdentityPools",
      (r) => {
        r.headers["x-amz-target"] = target;
      },
      { MaxResults: 5 },
    );
    if (answer.ok) throw new Error("an unknown target was answered");
    expect(answer.error.name).toBe("UnknownOperationException");
    expect(w.fake.calls.at(-1)?.error?.name).toBe("UnknownOperationException");
  });

  it.each([
    ["missing", (h: Record<string, unknown>) => delete h["x-amz-target"]],
    ["a number", (h: Record<string, unknown>) => (h["x-amz-target"] = 42)],
    ["null", (h: Record<string, unknown>) => (h["x-amz-target"] = null)],
  ])("a target header that is %s answers UnknownOperationException", async (_label, change) => {
    const answer = await w.send("ListIdentityPools", (r) => void change(r.headers), { MaxResults: 5 });
    if (answer.ok) throw new Error("an unusable target was answered");
    expect(answer.error.name).toBe("UnknownOperationException");
  });

  it("a target header given as a list of values is read the way Node joins repeated headers", async () => {
    const one = await w.send(
      "ListIdentityPools",
      (r) => {
        r.headers["x-amz-target"] = ["AWSCognitoIdentityService.ListIdentityPools"];
      },
      { MaxResults: 5 },
    );
    expect(one.ok).toBe(true);
    const two = await w.send(
      "ListIdentityPools",
      (r) => {
        r.headers["x-amz-target"] = [
          "AWSCognitoIdentityService.ListIdentityPools",
          "AWSCognitoIdentityService.GetId",
        ];
      },
      { MaxResults: 5 },
    );
    expect(two.ok ? "ok" : two.error.name).toBe("UnknownOperationException");
  });

  it("a request without headers answers UnknownOperationException", async () => {
    const answer = await w.send(
      "ListIdentityPools",
      (r) => {
        (r as { headers?: unknown }).headers = undefined;
      },
      { MaxResults: 5 },
    );
    expect(answer.ok ? "ok" : answer.error.name).toBe("UnknownOperationException");
  });
});

// ---- prototype-pollution keys ---------------------------------------------------------------------------

const POLLUTING = ["__proto__", "constructor", "prototype"] as const;

describe("prototype-pollution keys are plain data", () => {
  it("in Logins: an unsupported provider, never a prototype", async () => {
    const w = hostileWorld();
    for (const key of POLLUTING) {
      for (const op of ["GetId", "GetOpenIdTokenForDeveloperIdentity"] as const) {
        const body = `{"IdentityPoolId":"${w.poolId}","Logins":{"${key}":"tok"}}`;
        const err = await w.expectBodyError(op, body, "NotAuthorizedException");
        expect(err.message).toBe(
          op === "GetId"
            ? "Token is not from a supported provider of this identity pool."
            : "This identity pool does not support the specified developer provider",
        );
      }
      // An object where a token belongs: a type error, whatever the key.
      await w.expectBodyError(
        "GetId",
        `{"IdentityPoolId":"${w.poolId}","Logins":{"${key}":{"polluted":"yes"}}}`,
        "SerializationException",
        "START_OBJECT can not be converted to a String",
      );
    }
    expect(w.fake.listIdentities(w.poolId)).toEqual([]);
  });

  it("in SupportedLoginProviders: refused as an unknown provider", async () => {
    const w = hostileWorld();
    for (const key of POLLUTING) {
      await w.expectBodyError(
        "CreateIdentityPool",
        `{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":true,"SupportedLoginProviders":{"${key}":"x"}}`,
        "InvalidParameterException",
        `${key} is not a supported login provider.`,
      );
    }
  });

  it("in IdentityPoolTags and Tags: stored, listed and removed as ordinary keys", async () => {
    const w = hostileWorld();
    const created = await w.send("CreateIdentityPool", (r) => {
      r.body =
        '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":true,"IdentityPoolTags":{"__proto__":"a","constructor":"b","prototype":"c"}}';
    });
    if (!created.ok) throw created.error;
    const poolId = created.output.IdentityPoolId as string;
    const stored = w.fake.getIdentityPool(poolId)?.IdentityPoolTags ?? {};
    expect(Object.keys(stored)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    const arn = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${poolId}`;
    const tagged = await w.send("TagResource", (r) => {
      r.body = `{"ResourceArn":"${arn}","Tags":{"__proto__":"z","extra":"e"}}`;
    });
    expect(tagged.ok).toBe(true);
    const listed = await w.send("ListTagsForResource", () => {}, { ResourceArn: arn });
    if (!listed.ok) throw listed.error;
    // The SDK's answer carries the keys as own keys and no prototype is touched. SDKs of 2025 copy a map by
    // assignment and so drop "__proto__"; the wire answer below carries it whatever the SDK.
    expect(Object.getPrototypeOf(listed.output.Tags)).toBe(Object.prototype);
    const sdkTags = Object.entries(listed.output.Tags as object);
    expect(sdkTags.filter(([key]) => key !== "__proto__")).toEqual([
      ["constructor", "b"],
      ["prototype", "c"],
      ["extra", "e"],
    ]);
    expect(sdkTags.filter(([key]) => key === "__proto__")).toEqual(
      Object.hasOwn(listed.output.Tags as object, "__proto__") ? [["__proto__", "z"]] : [],
    );
    const wire = JSON.parse(
      new TextDecoder().decode(
        (
          (
            await w.fake.requestHandler().handle({
              hostname: "cognito-identity.us-east-1.amazonaws.com",
              headers: { "x-amz-target": "AWSCognitoIdentityService.ListTagsForResource" },
              body: JSON.stringify({ ResourceArn: arn }),
            })
          ).response as { body: Uint8Array }
        ).body,
      ),
    );
    expect(wire.Tags).toEqual(JSON.parse('{"__proto__":"z","constructor":"b","prototype":"c","extra":"e"}'));
    const untagged = await w.send("UntagResource", () => {}, {
      ResourceArn: arn,
      TagKeys: ["__proto__", "constructor"],
    });
    expect(untagged.ok).toBe(true);
    expect(Object.keys(w.fake.getIdentityPool(poolId)?.IdentityPoolTags ?? {})).toEqual([
      "prototype",
      "extra",
    ]);
  });

  it("in RoleMappings and Roles: refused, never merged into a prototype", async () => {
    const w = hostileWorld();
    for (const key of POLLUTING) {
      await w.expectBodyError(
        "SetIdentityPoolRoles",
        `{"IdentityPoolId":"${w.poolId}","Roles":{},"RoleMappings":{"${key}":{"Type":"Token","AmbiguousRoleResolution":"Deny"}}}`,
        "InvalidParameterException",
        `${key} is not a valid RoleMapping ProviderName or is not a configured provider.`,
      );
      await w.expectBodyError(
        "SetIdentityPoolRoles",
        `{"IdentityPoolId":"${w.poolId}","Roles":{"${key}":"arn:aws:iam::123456789012:role/x"}}`,
        "ValidationException",
        `1 validation error detected: Value '{${key}=arn:aws:iam::123456789012:role/x}' at 'roles' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: (un)?authenticated]`,
      );
    }
    expect(w.fake.getIdentityPool(w.poolId)?.RoleMappings).toEqual({});
  });

  it("in PrincipalTags of an attribute map: stored, and carried into the session tags", async () => {
    const w = hostileWorld();
    const set = await w.send("SetPrincipalTagAttributeMap", (r) => {
      r.body = `{"IdentityPoolId":"${w.poolId}","IdentityProviderName":"graph.facebook.com","PrincipalTags":{"__proto__":"sub","constructor":"aud","prototype":"iss"}}`;
    });
    expect(set.ok).toBe(true);
    const record =
      w.fake.getIdentityPool(w.poolId)?.PrincipalTagAttributeMaps["graph.facebook.com"]?.PrincipalTags ?? {};
    expect(Object.keys(record)).toEqual(["__proto__", "constructor", "prototype"]);
    const id = await w.client.send(
      new sdk.GetIdCommand({ IdentityPoolId: w.poolId, Logins: { "graph.facebook.com": "fb-user" } }),
    );
    await w.client.send(
      new sdk.GetCredentialsForIdentityCommand({
        IdentityId: id.IdentityId,
        Logins: { "graph.facebook.com": "fb-user" },
      }),
    );
    const tags = w.fake.issuedCredentials.at(-1)?.principalTags ?? {};
    expect(Object.entries(tags)).toEqual([
      ["__proto__", "fb-user"],
      ["constructor", "fb-app"],
      ["prototype", "graph.facebook.com"],
    ]);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });

  it("in a developer call's PrincipalTags: in the token, and in the credentials the token buys", async () => {
    const w = hostileWorld();
    const answer = await w.send("GetOpenIdTokenForDeveloperIdentity", (r) => {
      r.body = `{"IdentityPoolId":"${w.poolId}","Logins":{"${DEV}":"dev-user"},"PrincipalTags":{"__proto__":"p","constructor":"c"}}`;
    });
    if (!answer.ok) throw answer.error;
    const claims = JSON.parse(
      Buffer.from(String(answer.output.Token).split(".")[1] as string, "base64url").toString(),
    );
    expect(Object.entries(claims["https://aws.amazon.com/tags"].principal_tags)).toEqual([
      ["__proto__", ["p"]],
      ["constructor", ["c"]],
    ]);
    await w.client.send(
      new sdk.GetCredentialsForIdentityCommand({
        IdentityId: answer.output.IdentityId as string,
        Logins: { [COGNITO]: answer.output.Token as string },
      }),
    );
    expect(Object.entries(w.fake.issuedCredentials.at(-1)?.principalTags ?? {})).toEqual([
      ["__proto__", "p"],
      ["constructor", "c"],
    ]);
  });

  it("as a developer provider name: a pool may call its provider __proto__ and use it end to end", async () => {
    const w = hostileWorld();
    const created = await w.send("CreateIdentityPool", (r) => {
      r.body =
        '{"IdentityPoolName":"p","AllowUnauthenticatedIdentities":false,"DeveloperProviderName":"__proto__"}';
    });
    if (!created.ok) throw created.error;
    const poolId = created.output.IdentityPoolId as string;
    const first = await w.send("GetOpenIdTokenForDeveloperIdentity", (r) => {
      r.body = `{"IdentityPoolId":"${poolId}","Logins":{"__proto__":"user-1"}}`;
    });
    if (!first.ok) throw first.error;
    const again = await w.send("GetOpenIdTokenForDeveloperIdentity", (r) => {
      r.body = `{"IdentityPoolId":"${poolId}","Logins":{"__proto__":"user-1"}}`;
    });
    if (!again.ok) throw again.error;
    expect(again.output.IdentityId).toBe(first.output.IdentityId);
    const described = await w.send("DescribeIdentity", () => {}, { IdentityId: first.output.IdentityId });
    if (!described.ok) throw described.error;
    expect(described.output.Logins).toEqual(["__proto__"]);
  });

  it("in fixtures read from JSON: a seeded attribute map for __proto__ is refused like any unknown provider", () => {
    const w = hostileWorld();
    const fixture = JSON.parse(
      '{"IdentityPoolName":"seeded","AllowUnauthenticatedIdentities":true,' +
        '"SupportedLoginProviders":{"graph.facebook.com":"fb-app"},' +
        '"PrincipalTagAttributeMaps":{"__proto__":{"UseDefaults":true}}}',
    );
    tried++;
    const stateBefore = w.fake.state;
    expect(() => w.fake.seedIdentityPool(fixture)).toThrow(
      "Provider is not configured for this identity pool.",
    );
    expect(w.fake.state).toBe(stateBefore);
    const tags = JSON.parse('{"graph.facebook.com":{"PrincipalTags":{"__proto__":"sub"}}}');
    tried++;
    const pool = w.fake.seedIdentityPool({
      IdentityPoolName: "seeded",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: { "graph.facebook.com": "fb-app" },
      PrincipalTagAttributeMaps: tags,
    });
    expect(Object.keys(pool.PrincipalTagAttributeMaps)).toEqual(["graph.facebook.com"]);
    expect(Object.keys(pool.PrincipalTagAttributeMaps["graph.facebook.com"]?.PrincipalTags ?? {})).toEqual([
      "__proto__",
    ]);
  });

  it("as unknown top-level members: ignored", async () => {
    const w = hostileWorld();
    const answer = await w.send("ListIdentityPools", (r) => {
      r.body =
        '{"MaxResults":5,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';
    });
    expect(answer.ok).toBe(true);
  });
});

// ---- tokens ---------------------------------------------------------------------------------------------

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const parts = (token: string) => token.split(".") as [string, string, string];
/** The token with one character of its signature changed (not the last one: its low bits may be padding). */
const tamper = (token: string) => {
  const at = token.lastIndexOf(".") + 10;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
};
/** The token re-encoded with other claims, keeping the old signature. */
const withClaims = (token: string, change: (claims: Record<string, unknown>) => void) => {
  const [h, p, s] = parts(token);
  const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, unknown>;
  change(claims);
  return `${h}.${b64(claims)}.${s}`;
};
const algNone = (token: string) => `${b64({ alg: "none", typ: "JWT" })}.${parts(token)[1]}.`;

describe("hostile login tokens", () => {
  const NOT_AUTHORIZED: [string, (w: ReturnType<typeof tokenWorld>) => string, string][] = [
    ["a tampered signature", (w) => tamper(w.token()), "Invalid login token. Couldn't verify signed token."],
    ["alg: none", (w) => algNone(w.token()), "Invalid login token. Couldn't verify signed token."],
    [
      "alg: HS256",
      (w) => `${b64({ alg: "HS256", kid: "fake-provider-1" })}.${parts(w.token())[1]}.${parts(w.token())[2]}`,
      "Invalid login token. Couldn't verify signed token.",
    ],
    [
      "changed claims under the old signature",
      (w) =>
        withClaims(w.token(), (c) => {
          c.sub = "someone-else";
        }),
      "Invalid login token. Couldn't verify signed token.",
    ],
    [
      "an expired token",
      (w) => w.token({ exp: 1767225599 }),
      "Invalid login token. Token expired: 1767225600 >= 1767225599",
    ],
    [
      "a token expiring now",
      (w) => w.token({ exp: 1767225600 }),
      "Invalid login token. Token expired: 1767225600 >= 1767225600",
    ],
    [
      "a wrong audience",
      (w) => w.fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: "otherclient", sub: "u" }),
      "Token is not from a supported provider of this identity pool.",
    ],
    ["no audience", (w) => w.token({ aud: undefined }), "Invalid login token. Missing a required claim: aud"],
    ["no subject", (w) => w.token({ sub: undefined }), "Invalid login token. Missing a required claim: sub"],
    ["no expiry", (w) => w.token({ exp: undefined }), "Invalid login token. Missing a required claim: exp"],
    [
      "another user pool's token",
      (w) => w.fake.loginToken.userPool({ userPoolId: "us-east-1_OtherPool", clientId: CLIENT_ID, sub: "u" }),
      "Invalid login token. Issuer doesn't match providerName",
    ],
    [
      "an OIDC token under the user pool's key",
      (w) => w.fake.loginToken.oidc({ issuer: "https://login.example.com", audience: CLIENT_ID, sub: "u" }),
      "Invalid login token. Issuer doesn't match providerName",
    ],
    ["not a JWT", () => "not-a-jwt", "Invalid login token. Not a valid OpenId Connect identity token."],
    [
      "three parts of garbage",
      () => "a.b.c",
      "Invalid login token. Not a valid OpenId Connect identity token.",
    ],
    [
      "JSON that is not an object",
      () => `${b64([1])}.${b64("x")}.sig`,
      "Invalid login token. Not a valid OpenId Connect identity token.",
    ],
  ];

  function tokenWorld() {
    const w = hostileWorld();
    const token = (claims: Record<string, unknown> = {}) =>
      w.fake.loginToken.userPool({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, sub: "user-1", claims });
    return { ...w, token };
  }

  it.each(NOT_AUTHORIZED)(
    "%s answers NotAuthorizedException with the exact message",
    async (_label, make, message) => {
      const w = tokenWorld();
      const guest = await w.client.send(new sdk.GetIdCommand({ IdentityPoolId: w.poolId }));
      for (const op of ["GetId", "GetOpenIdToken", "GetCredentialsForIdentity", "UnlinkIdentity"] as const) {
        const input =
          op === "GetId"
            ? { IdentityPoolId: w.poolId, Logins: { [USER_POOL]: make(w) } }
            : op === "UnlinkIdentity"
              ? { IdentityId: guest.IdentityId, Logins: { [USER_POOL]: make(w) }, LoginsToRemove: [] }
              : { IdentityId: guest.IdentityId, Logins: { [USER_POOL]: make(w) } };
        const answer = await w.send(op, () => {}, input);
        if (answer.ok) throw new Error(`${op} accepted ${_label}`);
        expect(answer.error).toBeInstanceOf(sdk.NotAuthorizedException);
        expect(answer.error.message).toBe(message);
      }
      expect(w.fake.listIdentities(w.poolId)).toHaveLength(1);
    },
  );

  it("another identity pool's token does not open this pool (GetId and the developer flow)", async () => {
    const w = tokenWorld();
    const other = w.fake.seedIdentityPool({
      IdentityPoolName: "other",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [
        { ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool", ClientId: "otherclient" },
      ],
    });
    const foreign = w.fake.loginToken.userPool({
      userPoolId: "us-east-1_OtherPool",
      clientId: "otherclient",
      sub: "u",
    });
    // Presented under its own provider key: this pool does not configure that user pool.
    const answer = await w.send("GetId", () => {}, {
      IdentityPoolId: w.poolId,
      Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool": foreign },
    });
    expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    ]);
    // It works in its own pool.
    const own = await w.send("GetId", () => {}, {
      IdentityPoolId: other.IdentityPoolId,
      Logins: { "cognito-idp.us-east-1.amazonaws.com/us-east-1_OtherPool": foreign },
    });
    expect(own.ok).toBe(true);
  });

  describe("OpenID tokens presented as the cognito-identity.amazonaws.com login", () => {
    async function issued(w: ReturnType<typeof tokenWorld>, poolId = w.poolId, duration?: number) {
      const out = await w.client.send(
        new sdk.GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          Logins: { [DEV]: "dev-user" },
          TokenDuration: duration,
        }),
      );
      return { identityId: out.IdentityId as string, token: out.Token as string };
    }

    it.each([
      ["tampered", (t: string) => tamper(t), "Invalid login token. Couldn't verify signed token."],
      ["alg: none", (t: string) => algNone(t), "Invalid login token. Couldn't verify signed token."],
      [
        "re-signed claims",
        (t: string) =>
          withClaims(t, (c) => {
            c.sub = "us-east-1:00000000-0000-4000-8000-000000000000";
          }),
        "Invalid login token. Couldn't verify signed token.",
      ],
      ["truncated", (t: string) => t.slice(0, -20), "Invalid login token. Couldn't verify signed token."],
    ])("%s → NotAuthorizedException", async (_label, change, message) => {
      const w = tokenWorld();
      const { identityId, token } = await issued(w);
      const answer = await w.send("GetCredentialsForIdentity", () => {}, {
        IdentityId: identityId,
        Logins: { [COGNITO]: change(token) },
      });
      expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
        "NotAuthorizedException",
        message,
      ]);
    });

    it("expired → NotAuthorizedException naming both times", async () => {
      const clock = { now: NOW.getTime() };
      const { fake, client } = setup({ now: () => new Date(clock.now) });
      const pool = fake.seedIdentityPool({
        IdentityPoolName: "p",
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: DEV,
        Roles: { authenticated: "arn:aws:iam::123456789012:role/auth" },
      });
      const out = await client.send(
        new sdk.GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: pool.IdentityPoolId,
          Logins: { [DEV]: "dev-user" },
          TokenDuration: 60,
        }),
      );
      clock.now += 60_000;
      tried++;
      const err = await client
        .send(
          new sdk.GetCredentialsForIdentityCommand({
            IdentityId: out.IdentityId,
            Logins: { [COGNITO]: out.Token as string },
          }),
        )
        .then(
          () => undefined,
          (e: unknown) => e as Error,
        );
      expect(err).toBeInstanceOf(sdk.NotAuthorizedException);
      expect(err?.message).toBe("Invalid login token. Token expired: 1767225660 >= 1767225660");
    });

    it("another identity pool's token → NotAuthorizedException (not from a supported provider)", async () => {
      const w = tokenWorld();
      const other = w.fake.seedIdentityPool({
        IdentityPoolName: "o",
        AllowUnauthenticatedIdentities: true,
        DeveloperProviderName: DEV,
      });
      const foreign = await issued(w, other.IdentityPoolId);
      const mine = await issued(w);
      const answer = await w.send("GetCredentialsForIdentity", () => {}, {
        IdentityId: mine.identityId,
        Logins: { [COGNITO]: foreign.token },
      });
      expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
        "NotAuthorizedException",
        "Token is not from a supported provider of this identity pool.",
      ]);
    });

    it("a Cognito token anywhere but alone in GetCredentialsForIdentity → NotAuthorizedException", async () => {
      const w = tokenWorld();
      const { identityId, token } = await issued(w);
      const CANT = "Invalid login token. Can't pass in a Cognito token.";
      for (const [op, input] of [
        ["GetId", { IdentityPoolId: w.poolId, Logins: { [COGNITO]: token } }],
        ["GetOpenIdToken", { IdentityId: identityId, Logins: { [COGNITO]: token } }],
        [
          "GetCredentialsForIdentity",
          { IdentityId: identityId, Logins: { [COGNITO]: token, "graph.facebook.com": "fb" } },
        ],
        ["GetId", { IdentityPoolId: w.poolId, Logins: { [DEV]: token } }],
      ] as const) {
        const answer = await w.send(op, () => {}, input);
        expect(answer.ok ? "ok" : [answer.error.name, answer.error.message]).toEqual([
          "NotAuthorizedException",
          CANT,
        ]);
      }
    });
  });
});
