/**
 * Error names `failNext` takes as a string: the service's modeled errors and the unmodeled ones its front end
 * answers. A string that is none of them is refused at once with the nearest one, so a typo cannot turn a
 * retried throttling test into a non-retried unknown error; the object form `{ name }` takes any name.
 */
import { OPERATIONS } from "../core/model/model.generated";
import { nearest } from "./operationName";

/** Errors AWS JSON services answer besides the modeled ones. */
const UNMODELED = [
  "ValidationException",
  "SerializationException",
  "AccessDeniedException",
  "ThrottlingException",
  "ServiceUnavailableException",
  "UnrecognizedClientException",
] as const;

/** An error name `failNext` takes as a string (the model's errors, then the unmodeled ones above). */
export type FaultName =
  | "InternalErrorException"
  | "InvalidParameterException"
  | "LimitExceededException"
  | "NotAuthorizedException"
  | "ResourceConflictException"
  | "ResourceNotFoundException"
  | "TooManyRequestsException"
  | "DeveloperUserAlreadyRegisteredException"
  | "ExternalServiceException"
  | "InvalidIdentityPoolConfigurationException"
  | "ConcurrentModificationException"
  | (typeof UNMODELED)[number];

const NAMES: readonly [string, ...string[]] = [
  ...new Set<string>([...Object.values(OPERATIONS).flatMap((op) => [...op.errors]), ...UNMODELED]),
] as [string, ...string[]];
const KNOWN = new Set(NAMES);

/**
 * `name` when it is a known error name; otherwise throws a `TypeError` naming the nearest one.
 *
 * @example
 * ```ts
 * requireFaultName("TooManyRequestException"); // throws: … Did you mean "TooManyRequestsException"?
 * ```
 */
export function requireFaultName(name: string): string {
  if (KNOWN.has(name)) return name;
  throw new TypeError(
    `Unknown error name "${name}". Did you mean "${nearest(name, NAMES)}"? (failNext's { name } form takes any name.)`,
  );
}
