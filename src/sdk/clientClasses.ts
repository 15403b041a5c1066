/**
 * Which client classes `install()` hooks: the SDK copies the user's code and the credential providers resolve,
 * found with `require` from the working directory and from this library, and the shared base prototype that
 * owns `send`.
 */
import { createRequire } from "node:module";
import { join } from "node:path";

/** A client class whose base `Client.prototype.send` should be hooked too (an ESM copy of the SDK, for example). */
export interface ClientClass {
  readonly prototype: object;
}

/**
 * The most basic prototype of a class's chain that owns `send`: the SDK's shared `Client.prototype`.
 *
 * @example
 * ```ts
 * basePrototype(CognitoIdentityClient) === basePrototype(STSClient); // true when npm deduplicated @smithy/core
 * ```
 */
export function basePrototype<P extends object>(cls: ClientClass | undefined): P | undefined {
  let found: object | undefined;
  for (
    let p: object | null = cls?.prototype ?? null;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    if (Object.hasOwn(p, "send")) found = p;
  }
  return found as P | undefined;
}

/** Client classes resolvable from `base` (a file path), the way the user's code and the credential providers load them. */
function discover(base: string, found: Set<ClientClass>): void {
  const load = (from: NodeJS.Require, id: string): void => {
    try {
      const cls = (from(id) as { CognitoIdentityClient?: ClientClass }).CognitoIdentityClient;
      if (cls) found.add(cls);
    } catch {
      // not installed in this project: nothing to hook
    }
  };
  const requireFrom = (from: NodeJS.Require, id: string): NodeJS.Require | undefined => {
    try {
      return createRequire(from.resolve(id));
    } catch {
      return undefined;
    }
  };
  const root = createRequire(base);
  load(root, "@aws-sdk/client-cognito-identity");
  load(root, "@aws-sdk/nested-clients/cognito-identity");
  const providers = requireFrom(root, "@aws-sdk/credential-providers");
  const viaProviders = providers && requireFrom(providers, "@aws-sdk/credential-provider-cognito-identity");
  const direct = requireFrom(root, "@aws-sdk/credential-provider-cognito-identity");
  for (const from of [viaProviders, direct]) if (from) load(from, "@aws-sdk/nested-clients/cognito-identity");
}

/**
 * The client classes to hook: `extra`, plus those resolvable from the working directory and from this library.
 *
 * @example
 * ```ts
 * for (const cls of clientClasses([])) basePrototype(cls);
 * ```
 */
export function clientClasses(extra: readonly ClientClass[]): Set<ClientClass> {
  const found = new Set<ClientClass>(extra);
  discover(join(process.cwd(), "__cognito_identity_fake__.js"), found);
  if (typeof __filename === "string") discover(__filename, found);
  return found;
}
