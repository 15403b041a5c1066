/**
 * The command line of the `cognito-identity-fake` bin, read with Node's own `util.parseArgs`.
 */
import { parseArgs } from "node:util";

/** The settings of `cognito-identity-fake serve`. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly region: string;
  readonly accountId: string;
  readonly seed: number;
  readonly stateFile?: string;
  readonly maxJournal: number;
}

/** What the command line asks for: serving, the help text, or a usage error to print. */
export type Command =
  | { readonly kind: "serve"; readonly options: ServeOptions }
  | { readonly kind: "help" }
  | { readonly kind: "error"; readonly message: string };

/** The help text: every flag, its default, and the endpoints served. */
export const HELP = `Usage: cognito-identity-fake serve [options]

Serves an in-memory fake of Amazon Cognito Identity (identity pools) over HTTP, for boto3, the AWS CLI,
Terraform, other SDKs and browser tests. Stops cleanly on SIGINT or SIGTERM (writing the state file, if any).

Options:
  --port <n>          port to listen on; 0 takes any free port (default 4566)
  --host <address>    interface to listen on (default 127.0.0.1, loopback only)
  --region <region>   region of requests that name none (default us-east-1)
  --account-id <id>   12-digit account that owns the pools (default 123456789012)
  --seed <n>          seed of the deterministic IDs, keys and secrets (default 1)
  --state <file>      state file: loaded at start if it exists, written atomically on exit and on
                      POST /_fake/save; a corrupt or incompatible file is refused, never overwritten
  --max-journal <n>   journal entries kept (oldest dropped first) (default 5000)
  -h, --help          print this help

Endpoints:
  POST /                                the service (AWS JSON 1.1); the region comes from the SigV4
                                        credential scope, else the host, else the pool or identity id
                                        prefix, else --region. Signatures are not checked.
  GET  /.well-known/jwks_uri            keys that verify the OpenID tokens issued
  GET  /.well-known/openid-configuration  (?region=<r> for a regional issuer)
  GET  /_fake                           lists the control plane: reset, pools, identities, state,
                                        calls, issued-credentials, login-tokens, fail-next, save

Example:
  cognito-identity-fake serve --port 4566 --state fake-state.json
  aws cognito-identity list-identity-pools --max-results 10 --endpoint-url http://127.0.0.1:4566
`;

const integerIn = (text: string, min: number, max: number): number | undefined => {
  const value = Number(text);
  return /^\d+$/.test(text) && value >= min && value <= max ? value : undefined;
};

/**
 * Reads the command line (without `node` and the script).
 *
 * @example
 * ```ts
 * parseCommand(["serve", "--port", "0"]); // { kind: "serve", options: { port: 0, host: "127.0.0.1", ... } }
 * ```
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof read>;
  try {
    parsed = read(argv);
  } catch (err) {
    return { kind: "error", message: (err as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (positionals.length !== 1 || positionals[0] !== "serve") {
    return {
      kind: "error",
      message: `Expected the command "serve", got ${positionals.join(" ") || "nothing"}.`,
    };
  }
  const port = integerIn(values.port, 0, 65535);
  if (port === undefined) return { kind: "error", message: `--port must be 0 to 65535, got ${values.port}.` };
  const seed = integerIn(values.seed, 0, 2 ** 31 - 1);
  if (seed === undefined)
    return { kind: "error", message: `--seed must be a non-negative integer, got ${values.seed}.` };
  const maxJournal = integerIn(values["max-journal"], 1, 10_000_000);
  if (maxJournal === undefined) {
    return {
      kind: "error",
      message: `--max-journal must be a positive integer, got ${values["max-journal"]}.`,
    };
  }
  if (!/^\d{12}$/.test(values["account-id"])) {
    return { kind: "error", message: `--account-id must be 12 digits, got ${values["account-id"]}.` };
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(values.region)) {
    return { kind: "error", message: `--region must be a region such as us-east-1, got ${values.region}.` };
  }
  return {
    kind: "serve",
    options: {
      port,
      host: values.host,
      region: values.region,
      accountId: values["account-id"],
      seed,
      maxJournal,
      ...(values.state ? { stateFile: values.state } : {}),
    },
  };
}

function read(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: "string", default: "4566" },
      host: { type: "string", default: "127.0.0.1" },
      region: { type: "string", default: "us-east-1" },
      "account-id": { type: "string", default: "123456789012" },
      seed: { type: "string", default: "1" },
      state: { type: "string" },
      "max-journal": { type: "string", default: "5000" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
