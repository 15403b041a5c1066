/** The reference model's constants, types, errors and the front-end checks it re-states. */
export const ACCOUNT = "123456789012";
export const REGIONS = ["us-east-1", "eu-west-1"] as const;
export type Region = (typeof REGIONS)[number];

export const FACEBOOK = "graph.facebook.com";
export const GOOGLE = "accounts.google.com";
export const COGNITO = "cognito-identity.amazonaws.com";
export const USER_POOL_ID = "us-east-1_ModelPool1";
export const USER_POOL = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
export const USER_POOL_CLIENT = "modelclient1";
export const USER_POOL_MAPPING_KEY = `${USER_POOL}:${USER_POOL_CLIENT}`;

export const MSG = {
  loginsDontMatch:
    "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  unsupported: "Token is not from a supported provider of this identity pool.",
  issuer: "Invalid login token. Issuer doesn't match providerName",
  signature: "Invalid login token. Couldn't verify signed token.",
  notJwt: "Invalid login token. Not a valid OpenId Connect identity token.",
  cognitoToken: "Invalid login token. Can't pass in a Cognito token.",
  guests: "Unauthenticated access is not supported for this identity pool.",
  wrongDeveloper: "This identity pool does not support the specified developer provider",
  devRegistered: "This developer user identifier is already registered with Cognito.",
  classicFlow: "Basic (classic) flow is not enabled, please use enhanced flow.",
  classicRoleMappings: "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.",
  poolConfig: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
  devNameImmutable: "Once you have set a developer provider name, you cannot change it.",
  oneDeveloper: "You can only specify one developer provider as part of the Logins map.",
  noDeveloper: "The Logins map must contain the developer provider of this identity pool.",
  lookupNeither: "Either IdentityID or DeveloperUserIdentifier must not be null.",
  providerNotConfigured: "Provider is not configured for this identity pool.",
} as const;

/** An id in an input: a model id, or a string that names nothing the model created. */
export type Ref = { readonly m: number } | { readonly raw: string };

/** What the test knows of a JWT it minted or the fake issued (the model cannot check RSA signatures). */
export type TokenFacts =
  | {
      readonly kind: "login";
      readonly iss: string;
      readonly aud: string;
      readonly sub: string;
      readonly exp: number;
      readonly signatureValid: boolean;
      readonly claims: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: "openid";
      readonly signatureValid: boolean;
      readonly pool: number;
      readonly identity: number;
      readonly amr: readonly string[];
      readonly exp: number;
      readonly tags: Readonly<Record<string, string>>;
    };

export interface RoleMappingInput {
  Type: string;
  AmbiguousRoleResolution?: string;
  RulesConfiguration?: { Rules: { Claim: string; MatchType: string; Value: string; RoleARN: string }[] };
}

export interface Pool {
  readonly m: number;
  readonly region: Region;
  name: string;
  allowGuests: boolean;
  classicFlow: boolean | undefined;
  /** Facebook app id, when Facebook is configured. */
  facebook: string | undefined;
  /** The user pool's app client, when the user pool is configured. */
  userPoolClient: string | undefined;
  developer: string | undefined;
  tags: Map<string, string>;
  roles: Map<string, string>;
  mappings: Map<string, RoleMappingInput>;
  tagMaps: Map<string, { useDefaults: boolean; tags: Record<string, string> }>;
  deleted: boolean;
}

export interface Identity {
  readonly m: number;
  readonly pool: number;
  /** provider → user, in linking order. */
  logins: Map<string, string>;
  devUsers: string[];
  disabled: boolean;
  deleted: boolean;
  readonly created: number;
  modified: number;
}

/** A login that passed the checks. */
export interface Verified {
  readonly provider: string;
  readonly user: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** A service error the model predicts; `message` when the model knows the exact text. */
export class ModelError extends Error {
  constructor(
    readonly errorName: string,
    readonly exact?: string,
  ) {
    super(`${errorName}: ${exact ?? "(any message)"}`);
  }
}

/** A pool ARN as the model reads it: its parts, or a string that is not a pool ARN. */
export type PoolArn =
  | { readonly pool: Ref; readonly account: string; readonly region: string; readonly text: string }
  | { readonly malformed: string };

/** An id placeholder in a model output. */
export type Placeholder = { $pool: number } | { $identity: number };

export type ModelResult =
  | {
      readonly ok: true;
      readonly output: Record<string, unknown>;
      /** A pool or identity the command created (its fake id is learnt from the answer). */
      readonly created?: { pool?: number; identity?: number };
      /** Credentials issued: to compare with the fake's record. */
      readonly issued?: { identity: number; pool: number; roleArn: string; tags: Record<string, string> };
      /** The OpenID token the answer carries: what it must say. */
      readonly token?: {
        identity: number;
        pool: number;
        amr: string[];
        exp: number;
        iat: number;
        tags: Record<string, string>;
      };
    }
  | { readonly ok: false; readonly name: string; readonly message?: string };

export const err = (name: string, message?: string): ModelError => new ModelError(name, message);
export const notAuthorized = (message: string) => err("NotAuthorizedException", message);

/** The service's refusal of a role: one it cannot assume, or one outside what the caller may pick. */
export const roleForbidden = (arn: string) => notAuthorized(`Access to Role '${arn}' is forbidden.`);
export const invalidParameter = (message?: string) => err("InvalidParameterException", message);
export const validation = () => err("ValidationException");

export const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
export const NAME_PATTERN = /^[\w\s+=,.@-]+$/;
export const DEV_NAME_PATTERN = /^[\w._-]+$/;
export const PUBLIC_PROVIDERS = [
  FACEBOOK,
  GOOGLE,
  "appleid.apple.com",
  "www.amazon.com",
  "api.twitter.com",
  "www.digits.com",
];
export const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/;
export const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The front end's checks the generated inputs can break, re-stated for this model. */
export function checkId(ref: Ref | undefined, required: boolean): void {
  if (ref === undefined) {
    if (required) throw validation();
    return;
  }
  if ("raw" in ref && (ref.raw.length > 55 || ref.raw.length < 1 || !ID_PATTERN.test(ref.raw)))
    throw validation();
}

export function checkLoginsShape(logins: Record<string, string> | undefined): void {
  if (logins === undefined) return;
  const entries = Object.entries(logins);
  if (entries.length > 10) throw validation();
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 128 || v.length < 1 || v.length > 50000) throw validation();
  }
}

export function checkQueryLimit(n: number | undefined, required: boolean): void {
  if (n === undefined) {
    if (required) throw validation();
    return;
  }
  if (!Number.isInteger(n) || n < 1 || n > 60) throw validation();
}

export function checkDevUser(user: string | undefined, required: boolean): void {
  if (user === undefined) {
    if (required) throw validation();
    return;
  }
  if (user.length < 1 || user.length > 1024) throw validation();
}

export const seconds = (ms: number) => Math.floor(ms / 1000);

/** Inputs of the operations the model runs (API inputs with ids as refs). */
export interface PoolConfigInput {
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  CognitoIdentityProviders?: { ProviderName: string; ClientId: string }[];
  IdentityPoolTags?: Record<string, string>;
}
