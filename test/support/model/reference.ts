/**
 * A small reference model of Cognito Identity for the model-based property test, written separately from the
 * fake: plain mutable `Map`s and arrays, linear scans, one rule per documented behaviour (`semantics.md`,
 * SPEC §3). It covers the slice of the service the property test generates: pools with Facebook (opaque
 * tokens), one Cognito user pool (JWT tokens the test mints), a developer provider, tags, roles with simple
 * role mappings, principal-tag maps, guests, logins, developer users, merges, unlinks and deletions.
 *
 * Inputs are the API's inputs, except that an id is a {@link Ref}: `{ m: n }` for the n-th pool or identity the
 * model created, or `{ raw }` for a string that names nothing the model created (it may be malformed).
 * Outputs name model ids as `{ $pool: n }` / `{ $identity: n }`; the test maps them to the fake's ids by order
 * of creation.
 *
 * Every command runs on a copy of the model and replaces it only on success, so a failed command changes
 * nothing by construction.
 */

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

interface Pool {
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

interface Identity {
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
interface Verified {
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

const err = (name: string, message?: string): ModelError => new ModelError(name, message);
const notAuthorized = (message: string) => err("NotAuthorizedException", message);
const invalidParameter = (message?: string) => err("InvalidParameterException", message);
const validation = () => err("ValidationException");

const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const NAME_PATTERN = /^[\w\s+=,.@-]+$/;
const DEV_NAME_PATTERN = /^[\w._-]+$/;
const PUBLIC_PROVIDERS = [
  FACEBOOK,
  GOOGLE,
  "appleid.apple.com",
  "www.amazon.com",
  "api.twitter.com",
  "www.digits.com",
];
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The front end's checks the generated inputs can break, re-stated for this model. */
function checkId(ref: Ref | undefined, required: boolean): void {
  if (ref === undefined) {
    if (required) throw validation();
    return;
  }
  if ("raw" in ref && (ref.raw.length > 55 || ref.raw.length < 1 || !ID_PATTERN.test(ref.raw)))
    throw validation();
}

function checkLoginsShape(logins: Record<string, string> | undefined): void {
  if (logins === undefined) return;
  const entries = Object.entries(logins);
  if (entries.length > 10) throw validation();
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 128 || v.length < 1 || v.length > 50000) throw validation();
  }
}

function checkQueryLimit(n: number | undefined, required: boolean): void {
  if (n === undefined) {
    if (required) throw validation();
    return;
  }
  if (!Number.isInteger(n) || n < 1 || n > 60) throw validation();
}

function checkDevUser(user: string | undefined, required: boolean): void {
  if (user === undefined) {
    if (required) throw validation();
    return;
  }
  if (user.length < 1 || user.length > 1024) throw validation();
}

const seconds = (ms: number) => Math.floor(ms / 1000);

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

export class ReferenceModel {
  pools: Pool[] = [];
  identities: Identity[] = [];
  tokens = new Map<string, TokenFacts>();

  /** `describe(kind, m)`: the fake's id string for a model id, for messages that quote ids. */
  constructor(readonly idText: (kind: "pool" | "identity", m: number) => string) {}

  clone(): ReferenceModel {
    const copy = new ReferenceModel(this.idText);
    copy.pools = this.pools.map((p) => ({
      ...p,
      tags: new Map(p.tags),
      roles: new Map(p.roles),
      mappings: new Map(p.mappings),
      tagMaps: new Map(p.tagMaps),
    }));
    copy.identities = this.identities.map((i) => ({
      ...i,
      logins: new Map(i.logins),
      devUsers: [...i.devUsers],
    }));
    copy.tokens = new Map(this.tokens);
    return copy;
  }

  /** Runs one command on a copy; keeps the copy only if the command succeeds. */
  run(command: (draft: ReferenceModel) => ModelResult & { ok: true }): {
    result: ModelResult;
    next: ReferenceModel;
  } {
    const draft = this.clone();
    try {
      return { result: command(draft), next: draft };
    } catch (e) {
      if (e instanceof ModelError) {
        return {
          result:
            e.exact === undefined
              ? { ok: false, name: e.errorName }
              : { ok: false, name: e.errorName, message: e.exact },
          next: this,
        };
      }
      throw e;
    }
  }

  // ---- lookups ----------------------------------------------------------------------------------------

  private refText(kind: "pool" | "identity", ref: Ref): string {
    return "raw" in ref ? ref.raw : this.idText(kind, ref.m);
  }

  private poolNotFound(ref: Ref): ModelError {
    return err("ResourceNotFoundException", `IdentityPool '${this.refText("pool", ref)}' not found.`);
  }

  private identityNotFound(ref: Ref): ModelError {
    return err("ResourceNotFoundException", `Identity '${this.refText("identity", ref)}' not found.`);
  }

  /** The pool, if it exists in this region. */
  private findPool(ref: Ref, region: Region): Pool | undefined {
    if ("raw" in ref) return undefined;
    const pool = this.pools[ref.m];
    return pool && !pool.deleted && pool.region === region ? pool : undefined;
  }

  private requirePool(ref: Ref, region: Region): Pool {
    const pool = this.findPool(ref, region);
    if (!pool) throw this.poolNotFound(ref);
    return pool;
  }

  /** The identity and its pool, if both exist and the pool is in this region. */
  private findIdentity(ref: Ref, region: Region): { pool: Pool; identity: Identity } | undefined {
    if ("raw" in ref) return undefined;
    const identity = this.identities[ref.m];
    if (!identity || identity.deleted) return undefined;
    const pool = this.findPool({ m: identity.pool }, region);
    return pool ? { pool, identity } : undefined;
  }

  private requireIdentity(ref: Ref, region: Region): { pool: Pool; identity: Identity } {
    const found = this.findIdentity(ref, region);
    if (!found) throw this.identityNotFound(ref);
    return found;
  }

  private identityInPool(pool: Pool, ref: Ref): Identity {
    const identity = "raw" in ref ? undefined : this.identities[ref.m];
    if (!identity || identity.deleted || identity.pool !== pool.m) throw this.identityNotFound(ref);
    return identity;
  }

  private live(pool: Pool): Identity[] {
    return this.identities.filter((i) => i.pool === pool.m && !i.deleted);
  }

  private loginOwner(pool: Pool, provider: string, user: string): Identity | undefined {
    return this.live(pool).find((i) => i.logins.get(provider) === user);
  }

  private devOwner(pool: Pool, user: string): Identity | undefined {
    return this.live(pool).find((i) => i.devUsers.includes(user));
  }

  private static authenticated(identity: Identity): boolean {
    return identity.logins.size > 0 || identity.devUsers.length > 0;
  }

  private static hasLoginProviders(pool: Pool): boolean {
    return pool.facebook !== undefined || pool.userPoolClient !== undefined;
  }

  /** Logins keys the pool accepts tokens for. */
  private static configured(pool: Pool, provider: string): boolean {
    return (
      (provider === FACEBOOK && pool.facebook !== undefined) ||
      (provider === USER_POOL && pool.userPoolClient !== undefined)
    );
  }

  // ---- logins -----------------------------------------------------------------------------------------

  private verify(pool: Pool, provider: string, token: string, now: number): Verified {
    if (provider === COGNITO) throw notAuthorized(MSG.cognitoToken);
    if (!ReferenceModel.configured(pool, provider)) {
      if (provider === pool.developer && this.tokens.get(token)?.kind === "openid") {
        throw notAuthorized(MSG.cognitoToken);
      }
      throw notAuthorized(ReferenceModel.hasLoginProviders(pool) ? MSG.unsupported : MSG.loginsDontMatch);
    }
    if (provider === FACEBOOK) {
      return { provider, user: token, claims: { iss: FACEBOOK, aud: pool.facebook, sub: token } };
    }
    const facts = this.tokens.get(token);
    if (facts?.kind !== "login") {
      // A string that is not a JWT, or one the fake issued (its issuer is not the user pool).
      if (facts?.kind === "openid") throw notAuthorized(MSG.issuer);
      throw notAuthorized(MSG.notJwt);
    }
    if (facts.iss !== `https://${USER_POOL}`) throw notAuthorized(MSG.issuer);
    if (!facts.signatureValid) throw notAuthorized(MSG.signature);
    if (facts.aud !== pool.userPoolClient) throw notAuthorized(MSG.unsupported);
    const nowSec = seconds(now);
    if (nowSec >= facts.exp)
      throw notAuthorized(`Invalid login token. Token expired: ${nowSec} >= ${facts.exp}`);
    return { provider, user: facts.sub, claims: facts.claims };
  }

  private verifyAll(pool: Pool, logins: Record<string, string>, now: number): Verified[] {
    return Object.entries(logins).map(([p, t]) => this.verify(pool, p, t, now));
  }

  /**
   * Signing in (GetId, GetOpenIdToken, GetCredentialsForIdentity, GetOpenIdTokenForDeveloperIdentity): find the
   * identity the logins belong to; create, link or merge. The oldest identity owning a presented login survives.
   */
  private signIn(
    pool: Pool,
    logins: readonly Verified[],
    now: number,
    options: { devUser?: string; claimed?: Identity } = {},
  ): { identity: Identity; created: boolean } {
    const { devUser, claimed } = options;
    if (claimed?.disabled)
      throw notAuthorized(`Access to Identity '${this.idText("identity", claimed.m)}' is forbidden.`);
    const owners: Identity[] = [];
    const addOwner = (i: Identity | undefined) => {
      if (i && !owners.includes(i)) owners.push(i);
    };
    for (const l of logins) addOwner(this.loginOwner(pool, l.provider, l.user));
    if (devUser !== undefined) addOwner(this.devOwner(pool, devUser));
    if (claimed && devUser !== undefined) {
      const owner = this.devOwner(pool, devUser);
      if (owner && owner !== claimed) throw err("DeveloperUserAlreadyRegisteredException", MSG.devRegistered);
    }
    const presentsNothing = logins.length === 0 && devUser === undefined;
    if (claimed && ReferenceModel.authenticated(claimed)) {
      if (presentsNothing)
        throw notAuthorized(`Access to Identity '${this.idText("identity", claimed.m)}' is forbidden.`);
      if (!owners.includes(claimed)) throw notAuthorized(MSG.loginsDontMatch);
    }
    if (presentsNothing && !pool.allowGuests) throw notAuthorized(MSG.guests);
    if (claimed && presentsNothing) return { identity: claimed, created: false };
    if (owners.length === 0 && !claimed) {
      const identity: Identity = {
        m: this.identities.length,
        pool: pool.m,
        logins: new Map(logins.map((l) => [l.provider, l.user])),
        devUsers: devUser === undefined ? [] : [devUser],
        disabled: false,
        deleted: false,
        created: now,
        modified: now,
      };
      this.identities.push(identity);
      return { identity, created: true };
    }
    const participants = claimed && !owners.includes(claimed) ? [...owners, claimed] : owners;
    const survivor = owners.length > 0 ? owners.reduce((a, b) => (b.m < a.m ? b : a)) : (claimed as Identity);
    this.merge(
      survivor,
      participants.filter((p) => p !== survivor),
      logins,
      devUser === undefined ? [] : [devUser],
      now,
    );
    return { identity: survivor, created: false };
  }

  /** Folds identities and logins into `survivor`; one user per provider, at most 20 linked logins. */
  private merge(
    survivor: Identity,
    absorbed: readonly Identity[],
    logins: readonly Verified[],
    devUsers: readonly string[],
    now: number,
  ): void {
    const linked = new Map(survivor.logins);
    const devs = [...survivor.devUsers];
    let changed = false;
    const link = (provider: string, user: string) => {
      const current = linked.get(provider);
      if (current === undefined) {
        linked.set(provider, user);
        changed = true;
      } else if (current !== user) {
        throw err("ResourceConflictException");
      }
    };
    const linkDev = (user: string) => {
      if (!devs.includes(user)) {
        devs.push(user);
        changed = true;
      }
    };
    for (const other of absorbed) {
      for (const [p, u] of other.logins) link(p, u);
      for (const u of other.devUsers) linkDev(u);
    }
    for (const l of logins) link(l.provider, l.user);
    for (const u of devUsers) linkDev(u);
    if (linked.size + devs.length > 20) throw err("ResourceConflictException");
    for (const other of absorbed) {
      other.logins = new Map();
      other.devUsers = [];
      other.disabled = true;
      other.modified = now;
    }
    survivor.logins = linked;
    survivor.devUsers = devs;
    if (changed) survivor.modified = now;
  }

  /** Removes providers and developer users; an identity left with nothing is disabled. */
  private unlink(
    identity: Identity,
    providers: readonly string[],
    devUsers: readonly string[],
    now: number,
  ): void {
    for (const p of providers) identity.logins.delete(p);
    identity.devUsers = identity.devUsers.filter((u) => !devUsers.includes(u));
    identity.modified = now;
    if (!ReferenceModel.authenticated(identity)) {
      identity.logins = new Map();
      identity.disabled = true;
    }
  }

  // ---- outputs ----------------------------------------------------------------------------------------

  private config(pool: Pool): Record<string, unknown> {
    const out: Record<string, unknown> = {
      IdentityPoolId: { $pool: pool.m },
      IdentityPoolName: pool.name,
      AllowUnauthenticatedIdentities: pool.allowGuests,
      IdentityPoolTags: Object.fromEntries(pool.tags),
    };
    if (pool.classicFlow !== undefined) out.AllowClassicFlow = pool.classicFlow;
    if (pool.facebook !== undefined) out.SupportedLoginProviders = { [FACEBOOK]: pool.facebook };
    if (pool.developer !== undefined) out.DeveloperProviderName = pool.developer;
    if (pool.userPoolClient !== undefined) {
      out.CognitoIdentityProviders = [
        { ProviderName: USER_POOL, ClientId: pool.userPoolClient, ServerSideTokenCheck: false },
      ];
    }
    return out;
  }

  /** DescribeIdentity's answer; `Logins` sorted (the service documents no order). */
  describeOf(identity: Identity): Record<string, unknown> {
    const pool = this.pools[identity.pool] as Pool;
    const names = [...identity.logins.keys()];
    if (identity.devUsers.length > 0 && pool.developer !== undefined) names.push(pool.developer);
    const out: Record<string, unknown> = {
      IdentityId: { $identity: identity.m },
      CreationDate: identity.created / 1000,
      LastModifiedDate: identity.modified / 1000,
    };
    if (names.length > 0) out.Logins = names.sort();
    return out;
  }

  private subject(pool: Pool, provider: string, user: string): string {
    if (provider === USER_POOL) return `${provider}:CognitoSignIn:${user}`;
    if (provider === pool.developer) return `${provider}:${this.idText("pool", pool.m)}:${user}`;
    if (provider === FACEBOOK) return `${provider}:${pool.facebook}:${user}`;
    return `${provider}:${user}`;
  }

  private amr(pool: Pool, logins: readonly { provider: string; user: string }[]): string[] {
    if (logins.length === 0) return ["unauthenticated"];
    return ["authenticated", ...logins.flatMap((l) => [l.provider, this.subject(pool, l.provider, l.user)])];
  }

  private static principalTags(pool: Pool, logins: readonly Verified[]): Record<string, string> {
    const tags: Record<string, string> = {};
    for (const login of logins) {
      const map = pool.tagMaps.get(login.provider);
      if (!map) continue;
      const pairs = map.useDefaults ? { client: "aud", username: "sub" } : map.tags;
      for (const [tag, claim] of Object.entries(pairs)) {
        const value = login.claims[claim];
        if (Object.hasOwn(login.claims, claim) && ["string", "number", "boolean"].includes(typeof value)) {
          if (!Object.hasOwn(tags, tag))
            Object.defineProperty(tags, tag, { value: String(value), enumerable: true });
        }
      }
    }
    return tags;
  }

  /** The mapping that applies to a presented login, if any. */
  private static mappingOf(pool: Pool, login: Verified): RoleMappingInput | undefined {
    const key = login.provider === USER_POOL ? `${USER_POOL}:${String(login.claims.aud)}` : login.provider;
    return pool.mappings.get(key);
  }

  private static defaultRole(pool: Pool, authenticated: boolean, custom?: string): string {
    const role = pool.roles.get(authenticated ? "authenticated" : "unauthenticated");
    if (role === undefined) throw err("InvalidIdentityPoolConfigurationException", MSG.poolConfig);
    if (custom !== undefined && custom !== role)
      throw notAuthorized(`Access to Role '${custom}' is forbidden.`);
    return role;
  }

  private static role(
    pool: Pool,
    authenticated: boolean,
    logins: readonly Verified[],
    custom?: string,
  ): string {
    if (!authenticated) {
      if (!pool.allowGuests) throw notAuthorized(MSG.guests);
      return ReferenceModel.defaultRole(pool, false, custom);
    }
    for (const login of logins) {
      const mapping = ReferenceModel.mappingOf(pool, login);
      if (!mapping) continue;
      const ambiguous = (c?: string) => {
        if (mapping.AmbiguousRoleResolution !== "AuthenticatedRole") {
          throw notAuthorized(`The ambiguous role mapping rules for: ${login.provider} denied this request.`);
        }
        return ReferenceModel.defaultRole(pool, true, c);
      };
      if (mapping.Type === "Token") {
        const roles = login.claims["cognito:roles"];
        const list = Array.isArray(roles) ? roles : [];
        if (custom !== undefined) {
          if (!list.includes(custom)) throw notAuthorized(`Access to Role '${custom}' is forbidden.`);
          return custom;
        }
        const preferred = login.claims["cognito:preferred_role"];
        if (typeof preferred === "string" && preferred !== "") return preferred;
        return ambiguous();
      }
      const matching = (mapping.RulesConfiguration?.Rules ?? []).filter((rule) => {
        const value = login.claims[rule.Claim];
        if (typeof value !== "string") return false;
        if (rule.MatchType === "Equals") return value === rule.Value;
        if (rule.MatchType === "NotEqual") return value !== rule.Value;
        if (rule.MatchType === "StartsWith") return value.startsWith(rule.Value);
        return value.includes(rule.Value);
      });
      const first = matching[0];
      if (!first) return ambiguous(custom);
      if (custom === undefined) return first.RoleARN;
      if (matching.some((r) => r.RoleARN === custom)) return custom;
      throw notAuthorized(`Access to Role '${custom}' is forbidden.`);
    }
    return ReferenceModel.defaultRole(pool, true, custom);
  }

  // ---- pools ------------------------------------------------------------------------------------------

  private static checkConfig(input: PoolConfigInput): void {
    const name = input.IdentityPoolName;
    if (name.length < 1 || name.length > 128 || !NAME_PATTERN.test(name)) throw validation();
    if (input.DeveloperProviderName !== undefined && !DEV_NAME_PATTERN.test(input.DeveloperProviderName))
      throw validation();
  }

  private static checkTags(tags: Record<string, string>): void {
    for (const [k, v] of Object.entries(tags)) {
      if (k.toLowerCase().startsWith("aws:"))
        throw invalidParameter(`Tag keys starting with 'aws:' are reserved: ${k}`);
      if (!TAG_TEXT.test(k) || !TAG_TEXT.test(v))
        throw invalidParameter(`Tag '${k}' contains characters that are not allowed.`);
    }
  }

  /** The provider part of a pool's configuration, checked. */
  private static providers(input: PoolConfigInput): Pick<Pool, "facebook" | "userPoolClient"> {
    let facebook: string | undefined;
    for (const [k, v] of Object.entries(input.SupportedLoginProviders ?? {})) {
      if (!PUBLIC_PROVIDERS.includes(k)) throw invalidParameter(`${k} is not a supported login provider.`);
      if (k === FACEBOOK) facebook = v;
    }
    let userPoolClient: string | undefined;
    for (const p of input.CognitoIdentityProviders ?? []) {
      if (p.ProviderName === USER_POOL) userPoolClient = p.ClientId;
    }
    return { facebook, userPoolClient };
  }

  createIdentityPool(input: PoolConfigInput, region: Region): ModelResult {
    return this.apply((m) => {
      ReferenceModel.checkConfig(input);
      const providers = ReferenceModel.providers(input);
      ReferenceModel.checkTags(input.IdentityPoolTags ?? {});
      const pool: Pool = {
        m: m.pools.length,
        region,
        name: input.IdentityPoolName,
        allowGuests: input.AllowUnauthenticatedIdentities,
        classicFlow: input.AllowClassicFlow,
        ...providers,
        developer: input.DeveloperProviderName,
        tags: new Map(Object.entries(input.IdentityPoolTags ?? {})),
        roles: new Map(),
        mappings: new Map(),
        tagMaps: new Map(),
        deleted: false,
      };
      m.pools.push(pool);
      return { ok: true, output: m.config(pool), created: { pool: pool.m } };
    });
  }

  describeIdentityPool(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      return { ok: true, output: m.config(m.requirePool(ref, region)) };
    });
  }

  updateIdentityPool(ref: Ref, input: PoolConfigInput, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      ReferenceModel.checkConfig(input);
      const pool = m.requirePool(ref, region);
      if (
        pool.developer !== undefined &&
        input.DeveloperProviderName !== undefined &&
        input.DeveloperProviderName !== pool.developer
      ) {
        throw invalidParameter(MSG.devNameImmutable);
      }
      const providers = ReferenceModel.providers(input);
      if (input.IdentityPoolTags !== undefined) ReferenceModel.checkTags(input.IdentityPoolTags);
      pool.name = input.IdentityPoolName;
      pool.allowGuests = input.AllowUnauthenticatedIdentities;
      pool.classicFlow = input.AllowClassicFlow;
      pool.facebook = providers.facebook;
      pool.userPoolClient = providers.userPoolClient;
      pool.developer = input.DeveloperProviderName ?? pool.developer;
      if (input.IdentityPoolTags !== undefined) pool.tags = new Map(Object.entries(input.IdentityPoolTags));
      return { ok: true, output: m.config(pool) };
    });
  }

  deleteIdentityPool(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      m.requirePool(ref, region).deleted = true;
      return { ok: true, output: {} };
    });
  }

  /** ListIdentityPools: `pages` 1 answers the first page; "all" follows NextToken to the end. */
  listIdentityPools(maxResults: number, region: Region, pages: 1 | "all"): ModelResult {
    return this.apply((m) => {
      checkQueryLimit(maxResults, true);
      const all = m.pools
        .filter((p) => p.region === region && !p.deleted)
        .map((p) => ({ IdentityPoolId: { $pool: p.m }, IdentityPoolName: p.name }));
      if (pages === "all") return { ok: true, output: { IdentityPools: all } };
      const output: Record<string, unknown> = { IdentityPools: all.slice(0, maxResults) };
      if (all.length > maxResults) output.NextToken = true;
      return { ok: true, output };
    });
  }

  // ---- identities -------------------------------------------------------------------------------------

  getId(
    ref: Ref,
    logins: Record<string, string> | undefined,
    accountId: string | undefined,
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      if (accountId !== undefined && !/^\d{1,15}$/.test(accountId)) throw validation();
      if (accountId !== undefined && accountId !== ACCOUNT) throw m.poolNotFound(ref);
      const pool = m.requirePool(ref, region);
      const verified = m.verifyAll(pool, logins ?? {}, now);
      const { identity, created } = m.signIn(pool, verified, now);
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m } },
        ...(created ? { created: { identity: identity.m } } : {}),
      };
    });
  }

  describeIdentity(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      return { ok: true, output: m.describeOf(m.requireIdentity(ref, region).identity) };
    });
  }

  listIdentities(
    ref: Ref,
    maxResults: number,
    hideDisabled: boolean | undefined,
    region: Region,
    pages: 1 | "all",
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkQueryLimit(maxResults, true);
      const pool = m.requirePool(ref, region);
      const all = m
        .live(pool)
        .filter((i) => !(hideDisabled && i.disabled))
        .map((i) => m.describeOf(i));
      if (pages === "all")
        return { ok: true, output: { IdentityPoolId: { $pool: pool.m }, Identities: all } };
      const output: Record<string, unknown> = {
        IdentityPoolId: { $pool: pool.m },
        Identities: all.slice(0, maxResults),
      };
      if (all.length > maxResults) output.NextToken = true;
      return { ok: true, output };
    });
  }

  deleteIdentities(refs: readonly Ref[], region: Region): ModelResult {
    return this.apply((m) => {
      if (refs.length < 1 || refs.length > 60) throw validation();
      for (const ref of refs) checkId(ref, true);
      for (const ref of refs) {
        const found = m.findIdentity(ref, region);
        if (found) {
          found.identity.deleted = true;
          found.identity.logins = new Map();
          found.identity.devUsers = [];
        }
      }
      return { ok: true, output: { UnprocessedIdentityIds: [] } };
    });
  }

  unlinkIdentity(
    ref: Ref,
    logins: Record<string, string>,
    remove: readonly string[],
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      if (remove.some((p) => p.length < 1 || p.length > 128)) throw validation();
      const { pool, identity } = m.requireIdentity(ref, region);
      if (identity.disabled)
        throw notAuthorized(`Access to Identity '${m.idText("identity", identity.m)}' is forbidden.`);
      const proofs = m.verifyAll(pool, logins, now);
      if (proofs.length === 0 || proofs.some((p) => m.loginOwner(pool, p.provider, p.user) !== identity)) {
        throw notAuthorized(MSG.loginsDontMatch);
      }
      for (const p of remove) {
        if (!identity.logins.has(p)) {
          throw invalidParameter(
            `Login '${p}' is not linked to identity '${m.idText("identity", identity.m)}'.`,
          );
        }
      }
      if (remove.length > 0) m.unlink(identity, remove, [], now);
      return { ok: true, output: {} };
    });
  }

  // ---- tokens and credentials -------------------------------------------------------------------------

  getOpenIdToken(
    ref: Ref,
    logins: Record<string, string> | undefined,
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      const { pool, identity: claimed } = m.requireIdentity(ref, region);
      if (pool.classicFlow === false) throw invalidParameter(MSG.classicFlow);
      // Pool-wide: any role mapping refuses the classic flow, guests included.
      if (pool.mappings.size > 0) throw invalidParameter(MSG.classicRoleMappings);
      const verified = m.verifyAll(pool, logins ?? {}, now);
      const { identity } = m.signIn(pool, verified, now, { claimed });
      const tags = ReferenceModel.principalTags(pool, verified);
      const iat = seconds(now);
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m } },
        token: { identity: identity.m, pool: pool.m, amr: m.amr(pool, verified), iat, exp: iat + 600, tags },
      };
    });
  }

  getCredentialsForIdentity(
    ref: Ref,
    logins: Record<string, string> | undefined,
    customRoleArn: string | undefined,
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      checkLoginsShape(logins);
      if (customRoleArn !== undefined && (customRoleArn.length < 20 || customRoleArn.length > 2048))
        throw validation();
      const { pool, identity: claimed } = m.requireIdentity(ref, region);
      const presented = logins ?? {};
      let identity: Identity;
      let roleArn: string;
      let tags: Record<string, string>;
      if (Object.hasOwn(presented, COGNITO)) {
        if (Object.keys(presented).length > 1) throw notAuthorized(MSG.cognitoToken);
        const facts = m.tokens.get(presented[COGNITO] as string);
        if (facts?.kind !== "openid" || !facts.signatureValid) throw notAuthorized(MSG.signature);
        if (facts.pool !== pool.m) throw notAuthorized(MSG.unsupported);
        const nowSec = seconds(now);
        if (nowSec >= facts.exp)
          throw notAuthorized(`Invalid login token. Token expired: ${nowSec} >= ${facts.exp}`);
        if (claimed.disabled)
          throw notAuthorized(`Access to Identity '${m.idText("identity", claimed.m)}' is forbidden.`);
        if (
          facts.identity !== claimed.m ||
          facts.amr[0] !== "authenticated" ||
          !ReferenceModel.authenticated(claimed)
        ) {
          throw notAuthorized(MSG.loginsDontMatch);
        }
        identity = claimed;
        roleArn = ReferenceModel.defaultRole(pool, true, customRoleArn);
        tags = { ...facts.tags };
      } else {
        const verified = m.verifyAll(pool, presented, now);
        identity = m.signIn(pool, verified, now, { claimed }).identity;
        roleArn = ReferenceModel.role(pool, ReferenceModel.authenticated(identity), verified, customRoleArn);
        tags = ReferenceModel.principalTags(pool, verified);
      }
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m }, Credentials: { Expiration: seconds(now) + 3600 } },
        issued: { identity: identity.m, pool: pool.m, roleArn, tags },
      };
    });
  }

  // ---- developer identities ---------------------------------------------------------------------------

  private static requireDeveloper(pool: Pool, name: string): void {
    if (pool.developer === undefined || pool.developer !== name) throw notAuthorized(MSG.wrongDeveloper);
  }

  getOpenIdTokenForDeveloperIdentity(
    input: {
      IdentityPoolId: Ref;
      IdentityId?: Ref;
      Logins: Record<string, string>;
      TokenDuration?: number;
      PrincipalTags?: Record<string, string>;
    },
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(input.IdentityPoolId, true);
      checkId(input.IdentityId, false);
      checkLoginsShape(input.Logins);
      const duration = input.TokenDuration;
      if (duration !== undefined && (duration < 1 || duration > 86400)) throw validation();
      const pool = m.requirePool(input.IdentityPoolId, region);
      const tokens: [string, string][] = [];
      const developer: [string, string][] = [];
      for (const [k, v] of Object.entries(input.Logins)) {
        if (k === COGNITO || ReferenceModel.configured(pool, k)) tokens.push([k, v]);
        else developer.push([k, v]);
      }
      if (developer.length > 1) throw invalidParameter(MSG.oneDeveloper);
      const dev = developer[0];
      if (!dev) throw invalidParameter(MSG.noDeveloper);
      ReferenceModel.requireDeveloper(pool, dev[0]);
      const verified = m.verifyAll(pool, Object.fromEntries(tokens), now);
      const claimed = input.IdentityId === undefined ? undefined : m.identityInPool(pool, input.IdentityId);
      const { identity, created } = m.signIn(pool, verified, now, { devUser: dev[1], claimed });
      const amrLogins = Object.entries(input.Logins).flatMap(([provider, value]) => {
        if (provider === pool.developer) return [{ provider, user: value }];
        const v = verified.find((l) => l.provider === provider);
        return v ? [v] : [];
      });
      const iat = seconds(now);
      const tags =
        input.PrincipalTags !== undefined
          ? { ...input.PrincipalTags }
          : ReferenceModel.principalTags(pool, verified);
      return {
        ok: true,
        output: { IdentityId: { $identity: identity.m } },
        ...(created ? { created: { identity: identity.m } } : {}),
        token: {
          identity: identity.m,
          pool: pool.m,
          amr: m.amr(pool, amrLogins),
          iat,
          exp: iat + (duration ?? 900),
          tags,
        },
      };
    });
  }

  lookupDeveloperIdentity(
    input: { IdentityPoolId: Ref; IdentityId?: Ref; DeveloperUserIdentifier?: string; MaxResults?: number },
    region: Region,
  ): ModelResult {
    return this.apply((m) => {
      checkId(input.IdentityPoolId, true);
      checkId(input.IdentityId, false);
      checkDevUser(input.DeveloperUserIdentifier, false);
      checkQueryLimit(input.MaxResults, false);
      const pool = m.requirePool(input.IdentityPoolId, region);
      const user = input.DeveloperUserIdentifier;
      let identity: Identity;
      if (input.IdentityId !== undefined) {
        identity = m.identityInPool(pool, input.IdentityId);
        if (user !== undefined && m.devOwner(pool, user) !== identity) {
          throw err(
            "ResourceConflictException",
            `Developer user identifier '${user}' is not linked to identity '${m.idText("identity", identity.m)}'.`,
          );
        }
      } else if (user !== undefined) {
        const owner = m.devOwner(pool, user);
        if (!owner) throw err("ResourceNotFoundException", `Developer user identifier '${user}' not found.`);
        identity = owner;
      } else {
        throw invalidParameter(MSG.lookupNeither);
      }
      const max = input.MaxResults ?? 60;
      const output: Record<string, unknown> = {
        IdentityId: { $identity: identity.m },
        // Which users a partial page holds is the fake's order; the test checks a partial page as a subset.
        DeveloperUserIdentifierList: {
          $subsetOf: [...identity.devUsers].sort(),
          size: Math.min(max, identity.devUsers.length),
        },
      };
      if (identity.devUsers.length > max) output.NextToken = true;
      return { ok: true, output };
    });
  }

  mergeDeveloperIdentities(
    input: {
      IdentityPoolId: Ref;
      SourceUserIdentifier: string;
      DestinationUserIdentifier: string;
      DeveloperProviderName: string;
    },
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkDevUser(input.SourceUserIdentifier, true);
      checkDevUser(input.DestinationUserIdentifier, true);
      if (!DEV_NAME_PATTERN.test(input.DeveloperProviderName)) throw validation();
      checkId(input.IdentityPoolId, true);
      const pool = m.requirePool(input.IdentityPoolId, region);
      ReferenceModel.requireDeveloper(pool, input.DeveloperProviderName);
      const ownerOf = (user: string) => {
        const owner = m.devOwner(pool, user);
        if (!owner) throw err("ResourceNotFoundException", `Developer user identifier '${user}' not found.`);
        return owner;
      };
      const source = ownerOf(input.SourceUserIdentifier);
      const destination = ownerOf(input.DestinationUserIdentifier);
      if (source !== destination) m.merge(destination, [source], [], [], now);
      return { ok: true, output: { IdentityId: { $identity: destination.m } } };
    });
  }

  unlinkDeveloperIdentity(
    input: {
      IdentityId: Ref;
      IdentityPoolId: Ref;
      DeveloperProviderName: string;
      DeveloperUserIdentifier: string;
    },
    region: Region,
    now: number,
  ): ModelResult {
    return this.apply((m) => {
      checkId(input.IdentityId, true);
      checkId(input.IdentityPoolId, true);
      if (!DEV_NAME_PATTERN.test(input.DeveloperProviderName)) throw validation();
      checkDevUser(input.DeveloperUserIdentifier, true);
      const pool = m.requirePool(input.IdentityPoolId, region);
      ReferenceModel.requireDeveloper(pool, input.DeveloperProviderName);
      const identity = m.identityInPool(pool, input.IdentityId);
      if (identity.disabled)
        throw notAuthorized(`Access to Identity '${m.idText("identity", identity.m)}' is forbidden.`);
      const user = input.DeveloperUserIdentifier;
      const owner = m.devOwner(pool, user);
      if (!owner) throw err("ResourceNotFoundException", `Developer user identifier '${user}' not found.`);
      if (owner !== identity) {
        throw err(
          "ResourceConflictException",
          `Developer user identifier '${user}' is not linked to identity '${m.idText("identity", identity.m)}'.`,
        );
      }
      m.unlink(identity, [], [user], now);
      return { ok: true, output: {} };
    });
  }

  // ---- roles, principal tags, tags --------------------------------------------------------------------

  setIdentityPoolRoles(
    ref: Ref,
    roles: Record<string, string>,
    mappings: Record<string, RoleMappingInput> | undefined,
    region: Region,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      for (const arn of Object.values(roles)) {
        if (!ROLE_ARN.test(arn)) throw notAuthorized(`Access to Role '${arn}' is forbidden.`);
      }
      for (const [key, mapping] of Object.entries(mappings ?? {})) {
        const allowed =
          (key === FACEBOOK && pool.facebook !== undefined) ||
          (pool.userPoolClient !== undefined && key === `${USER_POOL}:${pool.userPoolClient}`);
        if (!allowed) {
          throw invalidParameter(
            `${key} is not a valid RoleMapping ProviderName or is not a configured provider.`,
          );
        }
        if (mapping.AmbiguousRoleResolution === undefined) {
          throw invalidParameter(`AmbiguousRoleResolution must be specified for the role mapping of ${key}.`);
        }
        for (const rule of mapping.RulesConfiguration?.Rules ?? []) {
          if (!ROLE_ARN.test(rule.RoleARN))
            throw notAuthorized(`Access to Role '${rule.RoleARN}' is forbidden.`);
        }
      }
      pool.roles = new Map(Object.entries(roles));
      pool.mappings = new Map(Object.entries(mappings ?? {}));
      return { ok: true, output: {} };
    });
  }

  getIdentityPoolRoles(ref: Ref, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      const output: Record<string, unknown> = {
        IdentityPoolId: { $pool: pool.m },
        Roles: Object.fromEntries(pool.roles),
      };
      if (pool.mappings.size > 0) output.RoleMappings = Object.fromEntries(pool.mappings);
      return { ok: true, output };
    });
  }

  setPrincipalTagAttributeMap(
    ref: Ref,
    provider: string,
    useDefaults: boolean | undefined,
    tags: Record<string, string> | undefined,
    region: Region,
  ): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      const configured = [
        ...(pool.facebook !== undefined ? [FACEBOOK] : []),
        ...(pool.userPoolClient !== undefined ? [USER_POOL] : []),
      ];
      if (!configured.includes(provider)) throw invalidParameter(MSG.providerNotConfigured);
      const record = { useDefaults: useDefaults ?? false, tags: { ...(tags ?? {}) } };
      pool.tagMaps.set(provider, record);
      return {
        ok: true,
        output: {
          IdentityPoolId: { $pool: pool.m },
          IdentityProviderName: provider,
          UseDefaults: record.useDefaults,
          PrincipalTags: record.tags,
        },
      };
    });
  }

  getPrincipalTagAttributeMap(ref: Ref, provider: string, region: Region): ModelResult {
    return this.apply((m) => {
      checkId(ref, true);
      const pool = m.requirePool(ref, region);
      const configured =
        (provider === FACEBOOK && pool.facebook !== undefined) ||
        (provider === USER_POOL && pool.userPoolClient !== undefined);
      if (!configured) throw invalidParameter(MSG.providerNotConfigured);
      const record = pool.tagMaps.get(provider);
      return {
        ok: true,
        output: {
          IdentityPoolId: { $pool: pool.m },
          IdentityProviderName: provider,
          UseDefaults: record?.useDefaults ?? false,
          PrincipalTags: record?.tags ?? {},
        },
      };
    });
  }

  /** The pool an ARN names, in this account and region. */
  private poolOfArn(arn: PoolArn, region: Region): Pool {
    if ("malformed" in arn) throw invalidParameter(`Invalid ARN: ${arn.malformed}`);
    if ("raw" in arn.pool && !ID_PATTERN.test(arn.pool.raw))
      throw invalidParameter(`Invalid ARN: ${arn.text}`);
    const pool =
      arn.account === ACCOUNT && arn.region === region ? this.findPool(arn.pool, region) : undefined;
    if (!pool) throw this.poolNotFound(arn.pool);
    return pool;
  }

  tagResource(arn: PoolArn, tags: Record<string, string>, region: Region): ModelResult {
    return this.apply((m) => {
      const pool = m.poolOfArn(arn, region);
      const next = new Map([...pool.tags, ...Object.entries(tags)]);
      ReferenceModel.checkTags(Object.fromEntries(next));
      pool.tags = next;
      return { ok: true, output: {} };
    });
  }

  untagResource(arn: PoolArn, keys: readonly string[], region: Region): ModelResult {
    return this.apply((m) => {
      const pool = m.poolOfArn(arn, region);
      for (const k of keys) pool.tags.delete(k);
      return { ok: true, output: {} };
    });
  }

  listTagsForResource(arn: PoolArn, region: Region): ModelResult {
    return this.apply((m) => ({
      ok: true,
      output: { Tags: Object.fromEntries(m.poolOfArn(arn, region).tags) },
    }));
  }

  // ---- plumbing ---------------------------------------------------------------------------------------

  /** The model after the last successful command (commands replace it through {@link apply}). */
  private pending: ReferenceModel | undefined;

  private apply(command: (draft: ReferenceModel) => ModelResult & { ok: true }): ModelResult {
    const { result, next } = this.run(command);
    this.pending = next;
    return result;
  }

  /** The model the last command left (itself when it failed). */
  takeNext(): ReferenceModel {
    const next = this.pending ?? this;
    this.pending = undefined;
    return next;
  }

  // ---- what the invariants compare ---------------------------------------------------------------------

  /** Live pools (not deleted), oldest first. */
  livePools(): readonly Pool[] {
    return this.pools.filter((p) => !p.deleted);
  }

  /** Live identities of a live pool, oldest first. */
  liveIdentities(pool: number): readonly Identity[] {
    const p = this.pools[pool];
    return p && !p.deleted ? this.live(p) : [];
  }
}

export type ModelPool = Pool;
export type ModelIdentity = Identity;
