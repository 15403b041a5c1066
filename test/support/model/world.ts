/**
 * The world a run acts on: the fake, the reference model, the ids learnt so far, statistics.
 */

import * as sdk from "@aws-sdk/client-cognito-identity";
import { type CognitoIdentityFake, createCognitoIdentityFake, type FakeSnapshot } from "../../../src";
import { coreStateOf } from "../../../src/internal";
import { BASE_TIME, ROLE_PREFERRED } from "./constants";
import { digest } from "./invariants";
import { ReferenceModel, type Region, type TokenFacts, USER_POOL_CLIENT, USER_POOL_ID } from "./reference";
import type { UpToken } from "./specs";

/** What the runs did, for the test's summary line. */
export interface Stats {
  /** Requests checked against the model (a listing followed to its last page counts once). */
  steps: number;
  /** Of those, sent through the real SDK client with the plug-in. */
  sdk: number;
  /** Of those, sent through `fake.requestHandler()` (engine + wire layer + core, no SDK). */
  wire: number;
  /** Requests the fake answered with an error (the model predicted each). */
  failures: number;
  /** Command sequences run (fast-check runs, shrinking included). */
  runs: number;
  /** The most `identityPools` entries seen pointing at a deleted pool (see `checkInvariants`). */
  /** `<operation> → ok|<error name>` → how often. */
  readonly answers: Map<string, number>;
}

export interface World {
  readonly fake: CognitoIdentityFake;
  readonly clients: Readonly<Record<Region, sdk.CognitoIdentityClient>>;
  readonly clock: { now: number };
  readonly stats: Stats;
  readonly loginTokens: ReadonlyMap<UpToken, string>;
  readonly loginFacts: ReadonlyMap<string, TokenFacts>;
  model: ReferenceModel;
  poolIds: string[];
  identityIds: string[];
  snapshots: { snap: FakeSnapshot; digest: string }[];
  checkpoint?: {
    snap: FakeSnapshot;
    model: ReferenceModel;
    poolIds: string[];
    identityIds: string[];
  };
}

export const decodePart = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

/** Flips one character in the middle of a JWT's signature. */
export const tamper = (token: string): string => {
  const at = token.lastIndexOf(".") + 10;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
};

/** The user-pool login tokens of the test (minted once, valid for years on the test's clock). */
function mintLoginTokens(fake: CognitoIdentityFake): {
  tokens: Map<UpToken, string>;
  facts: Map<string, TokenFacts>;
} {
  const iat = BASE_TIME / 1000;
  const exp = iat + 10 * 365 * 86400;
  const mint = (
    sub: string,
    options: { clientId?: string; userPoolId?: string; claims?: Record<string, unknown> } = {},
  ) =>
    fake.loginToken.userPool({
      userPoolId: options.userPoolId ?? USER_POOL_ID,
      clientId: options.clientId ?? USER_POOL_CLIENT,
      sub,
      claims: { iat, exp, ...options.claims },
    });
  const valid = mint("u2");
  const payload = valid.split(".")[1] as string;
  const noneHeader = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
  const tokens = new Map<UpToken, string>([
    ["u1", mint("u1")],
    ["u2", valid],
    [
      "u3",
      mint("u3", { claims: { "cognito:preferred_role": ROLE_PREFERRED, "cognito:roles": [ROLE_PREFERRED] } }),
    ],
    ["expired", mint("u1", { claims: { exp: iat - 1 } })],
    ["tampered", tamper(valid)],
    ["wrongAud", mint("u1", { clientId: "otherclient" })],
    ["otherIss", mint("u1", { userPoolId: "us-east-1_OtherPool9" })],
    ["algNone", `${noneHeader}.${payload}.`],
    ["notJwt", "not-a-jwt"],
  ]);
  const facts = new Map<string, TokenFacts>();
  for (const [kind, token] of tokens) {
    if (kind === "notJwt") continue;
    const claims = decodePart(token.split(".")[1] as string);
    facts.set(token, {
      kind: "login",
      iss: String(claims.iss),
      aud: String(claims.aud),
      sub: String(claims.sub),
      exp: Number(claims.exp),
      signatureValid: kind !== "tampered" && kind !== "algNone",
      claims,
    });
  }
  return { tokens, facts };
}

/** A fake with a controlled clock, a client per region plugged into it, and the login tokens. */
export function createWorld(): World {
  const clock = { now: BASE_TIME };
  const fake = createCognitoIdentityFake({ seed: 7, now: () => new Date(clock.now) });
  const client = (r: Region) => {
    const c = new sdk.CognitoIdentityClient({ region: r, maxAttempts: 1 });
    c.middlewareStack.use(fake.plugin());
    return c;
  };
  const { tokens, facts } = mintLoginTokens(fake);
  const world: World = {
    fake,
    clients: { "us-east-1": client("us-east-1"), "eu-west-1": client("eu-west-1") },
    clock,
    stats: { steps: 0, sdk: 0, wire: 0, failures: 0, runs: 0, answers: new Map() },
    loginTokens: tokens,
    loginFacts: facts,
    model: undefined as unknown as ReferenceModel,
    poolIds: [],
    identityIds: [],
    snapshots: [],
  };
  startRun(world);
  return world;
}

function newModel(world: World): ReferenceModel {
  const model = new ReferenceModel(
    (kind, m) => (kind === "pool" ? world.poolIds[m] : world.identityIds[m]) ?? `?${kind}${m}`,
  );
  for (const [token, facts] of world.loginFacts) model.tokens.set(token, facts);
  return model;
}

/** Back to an empty fake and model for a new run. */
export function startRun(world: World): void {
  world.fake.reset();
  world.clock.now = BASE_TIME;
  world.poolIds = [];
  world.identityIds = [];
  world.model = newModel(world);
  world.snapshots = [];
  world.checkpoint = undefined;
  world.stats.runs++;
}

/** After a run: every snapshot taken during it still describes the state it was taken of. */
export function finishRun(world: World): void {
  for (const { snap, digest: taken } of world.snapshots) {
    if (digest(coreStateOf(snap)) !== taken)
      throw new Error("a snapshot taken earlier no longer describes its state");
  }
}
