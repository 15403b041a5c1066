/**
 * cognito-identity-fake: an in-memory, stateful fake of Amazon Cognito Identity for tests that use the AWS
 * SDK for JavaScript v3.
 */

export type {
  CreateIdentityPoolInput,
  IdentityPool,
  OperationName,
  RoleMapping,
} from "./core/model/model.generated";
export type { PrincipalTagAttributeMapInput, SeedIdentityInput, SeedIdentityPoolInput } from "./core/seed";
export type { FakeState } from "./core/stateView";
export type { LoginTokenMinter, OidcTokenInput, UserPoolTokenInput } from "./core/tokens/loginTokens";
export type { Jwk, Jwks } from "./core/tokens/openid";
export type { SamlTokenInput } from "./core/tokens/samlTokens";
export type { IdentityPoolRecord, IdentityRecord, PrincipalTagAttributeMap } from "./core/views";
export type { MemberChange, StateChange, StateChanges } from "./engine/changes";
export type { CallRecord, FailureSpec, UnknownOperationName } from "./engine/engine";
export type { CognitoIdentityFake, CognitoIdentityFakeOptions, FakeSnapshot, IssuedCredential } from "./fake";
export { createCognitoIdentityFake } from "./fake";
export { type FakeMatchers, matchers } from "./matchers/matchers";
export type { AttachableClientMock } from "./sdk/attach";
export type { ClientClass, InstallOptions } from "./sdk/install";
export { PLUGIN_NAME } from "./sdk/plugin";
export type { ProviderCache } from "./sdk/providerCache";
export { createProviderCache } from "./sdk/providerCache";
export type { FakeRequestHandler } from "./sdk/requestHandler";
export type { ImmediateRetryOptions } from "./sdk/retry";
export type { FakeServer, ListenOptions } from "./server/host";
