/**
 * The error catalogue: every service error the core answers with, and every message text, in one place.
 * Operations throw a {@link ServiceError}; `dispatch` catches it and answers it with the state unchanged, so a
 * failed command never leaves partial state behind. Texts quoted from real responses are marked [Wire]
 * (sources in `semantics.md` §11); the others are the fake's own wording for undocumented cases. HTTP statuses
 * belong to the wire layer (`src/wire/status.ts`), not here.
 */

/**
 * An error as the service sends it: the `__type` name and the `message` text.
 *
 * @example
 * ```ts
 * throw new ServiceError("ResourceNotFoundException", "IdentityPool 'us-east-1:x' not found.");
 * ```
 */
export class ServiceError extends Error {
  constructor(
    /** The error name, e.g. `NotAuthorizedException`. */
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** The real message when logins do not authenticate the caller as the identity or for the pool [Wire]. */
export const LOGINS_DONT_MATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";

/** Real texts of the login-token checks [Wire], reused where a message is composed. */
export const MESSAGES = {
  unsupportedProvider: "Token is not from a supported provider of this identity pool.",
  guestsNotAllowed: "Unauthenticated access is not supported for this identity pool.",
  classicFlowDisabled: "Basic (classic) flow is not enabled, please use enhanced flow.",
  classicFlowRoleMappings:
    "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.",
  classicFlowSaml:
    "Basic (classic) flow is not supported with SAML identity providers, please use enhanced flow.",
  invalidPoolConfiguration: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
  wrongDeveloperProvider: "This identity pool does not support the specified developer provider",
  providerNotConfigured: "Provider is not configured for this identity pool.",
} as const;

const error =
  (type: string) =>
  (message: string): ServiceError =>
    new ServiceError(type, message);
const invalidParameter = error("InvalidParameterException");
const notAuthorized = error("NotAuthorizedException");
const notFound = error("ResourceNotFoundException");
const conflict = error("ResourceConflictException");
const invalidLoginToken = (reason: string): ServiceError => notAuthorized(`Invalid login token. ${reason}`);

/**
 * Every service error the core throws, by what went wrong.
 *
 * @example
 * ```ts
 * throw errors.poolNotFound("us-east-1:0000");
 * ```
 */
export const errors = {
  // Framework and validation
  unknownOperation: (operation: string) =>
    new ServiceError("UnknownOperationException", `Operation ${operation} is not supported.`),
  serialization: (kind: string, expected: string) =>
    new ServiceError("SerializationException", `${kind} can not be converted to ${expected}`),
  validation: (message: string) => new ServiceError("ValidationException", message),
  invalidPaginationToken: () => invalidParameter("Invalid pagination token."),

  // Pools, tags, roles [Wire where quoted in semantics §11]
  poolNotFound: (id: string) => notFound(`IdentityPool '${id}' not found.`),
  poolExists: (id: string) => conflict(`IdentityPool '${id}' already exists.`),
  poolLimit: (max: number) =>
    new ServiceError(
      "LimitExceededException",
      `The number of identity pools in this region has reached the limit of ${max}.`,
    ),
  developerProviderImmutable: () =>
    invalidParameter("Once you have set a developer provider name, you cannot change it."),
  unsupportedLoginProvider: (key: string) => invalidParameter(`${key} is not a supported login provider.`),
  invalidCognitoProvider: () => invalidParameter("Invalid Cognito Identity Provider"),
  invalidOidcArn: (arn: string) => invalidParameter(`Invalid OpenIdConnectProviderARN: ${arn}`),
  invalidSamlArn: (arn: string) => invalidParameter(`Invalid SamlProviderARN: ${arn}`),
  tooManyTags: (max: number) => invalidParameter(`The number of tags exceeds the limit of ${max}.`),
  reservedTag: (key: string) => invalidParameter(`Tag keys starting with 'aws:' are reserved: ${key}`),
  badTagCharacters: (key: string) =>
    invalidParameter(`Tag '${key}' contains characters that are not allowed.`),
  invalidArn: (arn: string) => invalidParameter(`Invalid ARN: ${arn}`),
  roleForbidden: (arn: string) => notAuthorized(`Access to Role '${arn}' is forbidden.`),
  badMappingKey: (key: string) =>
    invalidParameter(`${key} is not a valid RoleMapping ProviderName or is not a configured provider.`),
  ambiguityRequired: (key: string) =>
    invalidParameter(`AmbiguousRoleResolution must be specified for the role mapping of ${key}.`),
  rulesRequired: (key: string) =>
    invalidParameter(`RulesConfiguration must be specified for the Rules role mapping of ${key}.`),
  tooManyRules: (key: string, max: number) =>
    invalidParameter(`The number of rules for ${key} exceeds the limit of ${max}.`),
  rulesOnlyForRules: (key: string) =>
    invalidParameter(`RulesConfiguration can only be specified for a role mapping of Type Rules (${key}).`),
  providerNotConfigured: () => invalidParameter(MESSAGES.providerNotConfigured),

  // Identities and logins
  identityNotFound: (id: string) => notFound(`Identity '${id}' not found.`),
  accessForbidden: (identityId: string) => notAuthorized(`Access to Identity '${identityId}' is forbidden.`),
  loginsDontMatch: () => notAuthorized(LOGINS_DONT_MATCH),
  guestsNotAllowed: () => notAuthorized(MESSAGES.guestsNotAllowed),
  unsupportedProvider: () => notAuthorized(MESSAGES.unsupportedProvider),
  providerConflict: (provider: string) =>
    conflict(`A different user of provider '${provider}' is already linked to this identity.`),
  tooManyLogins: (max: number) =>
    conflict(`The number of linked logins of an identity is limited to ${max}.`),
  loginTaken: (provider: string, owner: string) =>
    conflict(`The ${provider} login of this user is already linked to identity '${owner}'.`),
  loginNotLinked: (provider: string, identityId: string) =>
    invalidParameter(`Login '${provider}' is not linked to identity '${identityId}'.`),

  // Login tokens [Wire]
  issuerMismatch: () => invalidLoginToken("Issuer doesn't match providerName"),
  badSignature: () => invalidLoginToken("Couldn't verify signed token."),
  notOpenIdToken: () => invalidLoginToken("Not a valid OpenId Connect identity token."),
  cognitoToken: () => invalidLoginToken("Can't pass in a Cognito token."),
  missingClaim: (claim: string) => invalidLoginToken(`Missing a required claim: ${claim}`),
  expired: (now: number, exp: number) => invalidLoginToken(`Token expired: ${now} >= ${exp}`),
  invalidSaml: () => invalidLoginToken("Not a valid SAML assertion."),

  // Flows and credentials
  classicFlowDisabled: () => invalidParameter(MESSAGES.classicFlowDisabled),
  classicFlowRoleMappings: () => invalidParameter(MESSAGES.classicFlowRoleMappings),
  classicFlowSaml: () => invalidParameter(MESSAGES.classicFlowSaml),
  invalidPoolConfiguration: () =>
    new ServiceError("InvalidIdentityPoolConfigurationException", MESSAGES.invalidPoolConfiguration),
  ambiguousDenied: (provider: string) =>
    notAuthorized(`The ambiguous role mapping rules for: ${provider} denied this request.`),

  // Developer identities
  wrongDeveloperProvider: () => notAuthorized(MESSAGES.wrongDeveloperProvider),
  oneDeveloperProvider: () =>
    invalidParameter("You can only specify one developer provider as part of the Logins map."),
  developerProviderMissing: () =>
    invalidParameter("The Logins map must contain the developer provider of this identity pool."),
  developerUserRegistered: () =>
    new ServiceError(
      "DeveloperUserAlreadyRegisteredException",
      "This developer user identifier is already registered with Cognito.",
    ),
  developerUserNotFound: (user: string) => notFound(`Developer user identifier '${user}' not found.`),
  developerUserNotLinked: (user: string, identityId: string) =>
    conflict(`Developer user identifier '${user}' is not linked to identity '${identityId}'.`),
  lookupNeedsAnId: () => invalidParameter("Either IdentityID or DeveloperUserIdentifier must not be null."),
} as const;
