/**
 * `createCognitoIdentityFake`: the public face of the library, a thin layer over the {@link Engine}.
 */
import { seedIdentities, seedPool } from "./core/seed";
import type { CredentialIssue, StoredIdentity } from "./core/state";
import { stateView } from "./core/stateView";
import { identitiesOfPool, identityAnywhere } from "./core/store/identities";
import { poolIdsInRegion, regionsInUse } from "./core/store/pools";
import { loginTokenMinter } from "./core/tokens/loginTokens";
import { jwks } from "./core/tokens/openid";
import { identityRecord, poolRecord } from "./core/views";
import { describeChanges } from "./engine/changes";
import { Engine } from "./engine/engine";
import { requireFaultName } from "./engine/faultName";
import { statesOf } from "./engine/journal";
import { requireOperation } from "./engine/operationName";
import type {
  CognitoIdentityFake,
  CognitoIdentityFakeOptions,
  FakeSnapshot,
  IssuedCredential,
} from "./fakeApi";
import { coreStateOf, registerCore } from "./internal";
import { attachFake } from "./sdk/attach";
import { type InstallTarget, installFake, uninstallFake } from "./sdk/install";
import { createPlugin } from "./sdk/plugin";
import { createRequestHandler } from "./sdk/requestHandler";
import { createImmediateRetryStrategy } from "./sdk/retry";
import { requireIdentityMembers, requirePoolMembers } from "./seedMembers";
import { listen } from "./server/listener";

export type {
  CognitoIdentityFake,
  CognitoIdentityFakeOptions,
  FakeSnapshot,
  IssuedCredential,
} from "./fakeApi";

/**
 * Creates an in-memory Cognito Identity service.
 *
 * @example
 * ```ts
 * import { CognitoIdentityClient, CreateIdentityPoolCommand } from "@aws-sdk/client-cognito-identity";
 * import { createCognitoIdentityFake } from "cognito-identity-fake";
 *
 * const fake = createCognitoIdentityFake({ seed: 1 });
 * const client = new CognitoIdentityClient({ region: "us-east-1" });
 * client.middlewareStack.use(fake.plugin());
 * const pool = await client.send(new CreateIdentityPoolCommand({
 *   IdentityPoolName: "app", AllowUnauthenticatedIdentities: true,
 * }));
 * fake.getIdentityPool(pool.IdentityPoolId!)?.IdentityPoolName; // "app"
 * ```
 */
export function createCognitoIdentityFake(options: CognitoIdentityFakeOptions = {}): CognitoIdentityFake {
  const engine = new Engine({
    accountId: options.accountId ?? "123456789012",
    region: options.region ?? "us-east-1",
    seed: options.seed ?? 1,
    now: options.now ?? (() => new Date()),
  });
  const answer = engine.handle.bind(engine);
  const plugin = createPlugin(answer);
  const handler = createRequestHandler(answer);
  const installTarget: InstallTarget = Object.freeze({
    plugin,
    region: engine.options.region,
    immediateRetries: options.immediateRetries ?? false,
    answer,
    issuedKey: (accessKeyId: string) => engine.issuedKey(accessKeyId),
    now: () => engine.options.now().getTime(),
  });
  const publicIssue = (c: CredentialIssue): IssuedCredential =>
    Object.freeze({ ...c, expiration: new Date(c.expiration) });
  const fake: CognitoIdentityFake = {
    plugin: () => plugin,
    requestHandler: () => handler,
    install: (installOptions) => installFake(installTarget, installOptions),
    uninstall: () => uninstallFake(installTarget),
    jwks() {
      return jwks([engine.options.region, ...regionsInUse(engine.state)]);
    },
    seedIdentityPool(input) {
      requirePoolMembers(input);
      return poolRecord(engine.apply(input.Region, (state, env) => seedPool(state, input, env)).pool);
    },
    getIdentityPool(id) {
      const entry = engine.state.pools.get(id);
      return entry ? poolRecord(entry.pool) : undefined;
    },
    listIdentityPools(region) {
      const state = engine.state;
      if (region === undefined) return [...stateView(state).IdentityPools.values()];
      return poolIdsInRegion(state, engine.context(region)).flatMap((id) => {
        const entry = state.pools.get(id);
        return entry ? [poolRecord(entry.pool)] : [];
      });
    },
    seedIdentity(input) {
      requireIdentityMembers(input);
      const { identities } = engine.apply(undefined, (state, env) => seedIdentities(state, [input], env));
      return identityRecord(identities[0] as StoredIdentity);
    },
    seedIdentities(inputs) {
      for (const input of inputs) requireIdentityMembers(input);
      const { identities } = engine.apply(undefined, (state, env) => seedIdentities(state, inputs, env));
      return identities.map((stored) => identityRecord(stored, false));
    },
    getIdentity(id) {
      const stored = identityAnywhere(engine.state, id);
      return stored ? identityRecord(stored) : undefined;
    },
    listIdentities(poolId) {
      const entry = engine.state.pools.get(poolId);
      return entry ? identitiesOfPool(entry).map((stored) => identityRecord(stored)) : [];
    },
    loginToken: loginTokenMinter(() => engine.options.now().getTime()),
    get state() {
      return stateView(engine.state);
    },
    snapshot() {
      const state = engine.state;
      const snapshot: FakeSnapshot = { state: stateView(state) };
      registerCore(snapshot, () => state);
      return Object.freeze(snapshot);
    },
    restore(snapshot) {
      engine.state = coreStateOf(snapshot);
    },
    reset: () => engine.reset(),
    get calls() {
      return engine.calls;
    },
    changesOf(call) {
      const states = statesOf(call);
      if (!states)
        throw new TypeError("changesOf: the argument is not a record of a fake's journal (fake.calls)");
      return describeChanges(states.before, states.after);
    },
    get issuedCredentials() {
      return engine.issued.map(publicIssue);
    },
    credentialsFor(accessKeyId) {
      const issue = engine.issuedKey(accessKeyId);
      return issue && publicIssue(issue);
    },
    // A static import: a dynamic `import()` left in the CommonJS build fails under jest's module runtime
    // ("A dynamic import callback was invoked without --experimental-vm-modules").
    listen: (listenOptions) => listen({ engine, fake }, listenOptions),
    attachTo: (mock) => attachFake(mock, installTarget),
    retryStrategy: (retryOptions) => createImmediateRetryStrategy(retryOptions),
    failNext(operation, error, { times = 1 } = {}) {
      const name = requireOperation(operation, true);
      engine.failNext(name, typeof error === "string" ? { name: requireFaultName(error) } : error, times);
    },
  };
  registerCore(fake, () => engine.state);
  return fake;
}
