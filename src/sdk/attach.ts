/**
 * `fake.attachTo(mock)` for aws-sdk-client-mock: the mock stubs a client class's `send` with sinon; attaching
 * makes the fake the stub's default behaviour, so the mock's own `.on(...)`/`.resolves(...)` behaviours still
 * win and every other command is answered by the fake through the SDK stack of the client it was sent on (a
 * copy of that stack carrying the fake's plug-in): serializer, retries, deserializer, exception classes and
 * `$metadata` run exactly as on the plug-in path. The stub records every call, so the mock's matchers see them.
 *
 * It calls neither the stub's wrapped `send` nor any hooked one, so it works the same whether `install()` ran
 * before or after `mockClient()`; it re-attaches after `mock.reset()`, which aws-sdk-client-mock implements
 * by replacing the stub. `mock.restore()` ends it.
 */
import type { Pluggable } from "@smithy/types";
import { COGNITO_IDENTITY_SERVICE_ID } from "./install";
import { immediateRetryPlugin } from "./retryPlugin";

/**
 * What `attachTo()` needs of an aws-sdk-client-mock mock (`AwsClientStub`, the value `mockClient()` returns):
 * its sinon stub of `send` and its `reset()`.
 */
export interface AttachableClientMock {
  /** The sinon stub of `send` (its `callsFake` sets the behaviour for calls no other behaviour matches). */
  readonly send: { readonly callsFake: unknown };
  /** Replaces the stub with a fresh one (aws-sdk-client-mock's `reset()`). */
  reset(): unknown;
}

/** What a mock is attached to. */
export interface AttachTarget {
  // biome-ignore lint/suspicious/noExplicitAny: the plug-in is added to every copy of the SDK's middleware stack
  readonly plugin: Pluggable<any, any>;
  /** Whether clients on the SDK's default retry strategy retry without back-off. */
  readonly immediateRetries?: boolean;
}

interface StackLike {
  clone(): StackLike;
  // biome-ignore lint/suspicious/noExplicitAny: see AttachTarget.plugin
  use(plugin: Pluggable<any, any>): void;
}

interface ClientLike {
  readonly config?: { readonly serviceId?: unknown; readonly retryStrategy?: unknown };
  readonly middlewareStack?: StackLike;
}

type Handler = (command: unknown) => Promise<{ output: unknown }>;
interface CommandLike {
  resolveMiddleware(stack: StackLike, config: object, options: unknown): Handler;
}
type Callback = (err: unknown, output?: unknown) => void;
type SinonStubLike = { callsFake(fake: (...args: never[]) => unknown): unknown };

/** `send` for the mocked client, answered by the fake as the plug-in would answer it. */
function fakeSend(target: AttachTarget) {
  return function (this: ClientLike, command: CommandLike, optionsOrCb?: unknown, cb?: Callback) {
    const options = typeof optionsOrCb === "function" ? undefined : optionsOrCb;
    const callback = typeof optionsOrCb === "function" ? (optionsOrCb as Callback) : cb;
    const result = (async () => {
      const { config, middlewareStack } = this ?? {};
      if (config?.serviceId !== COGNITO_IDENTITY_SERVICE_ID || !middlewareStack) {
        throw new Error(
          "cognito-identity-fake: attachTo() answers Cognito Identity clients only; this mock's client is not one.",
        );
      }
      const stack = middlewareStack.clone();
      stack.use(target.plugin);
      if (target.immediateRetries) stack.use(immediateRetryPlugin(config));
      return (await command.resolveMiddleware(stack, config, options)(command)).output;
    })();
    if (!callback) return result;
    result
      .then(
        (output) => callback(null, output),
        (err) => callback(err),
      )
      .catch(() => {});
    return undefined;
  };
}

/**
 * Makes `target` answer every command of `mock` that none of the mock's own behaviours matches, now and after
 * every `mock.reset()`. Returns the mock.
 *
 * @example
 * ```ts
 * const mock = attachFake(mockClient(CognitoIdentityClient), { plugin: fake.plugin(), immediateRetries: true });
 * mock.on(GetIdCommand).rejects(new Error("scripted"));
 * ```
 */
export function attachFake<M extends AttachableClientMock>(mock: M, target: AttachTarget): M {
  if (typeof mock?.send?.callsFake !== "function" || typeof mock.reset !== "function") {
    throw new TypeError(
      "cognito-identity-fake: attachTo() takes the mock mockClient() returns (aws-sdk-client-mock 4), " +
        "e.g. fake.attachTo(mockClient(CognitoIdentityClient)).",
    );
  }
  const send = fakeSend(target) as (...args: never[]) => unknown;
  const answerTheRest = () => (mock.send as SinonStubLike).callsFake(send);
  answerTheRest();
  const reset = mock.reset;
  mock.reset = function (this: M) {
    const result = reset.call(this);
    answerTheRest();
    return result;
  };
  return mock;
}
