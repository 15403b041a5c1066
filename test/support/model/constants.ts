/**
 * Shared constants of the model-based test: time, providers, roles, users.
 */
import { ACCOUNT } from "./reference";

export const BASE_TIME = Date.UTC(2026, 0, 1);
export const DEV = "login.dev";
export const DEV_OTHER = "login.other";
export const ROLE_AUTH = `arn:aws:iam::${ACCOUNT}:role/model-auth`;
export const ROLE_UNAUTH = `arn:aws:iam::${ACCOUNT}:role/model-unauth`;
export const ROLE_FB1 = `arn:aws:iam::${ACCOUNT}:role/model-fb1`;
export const ROLE_U1 = `arn:aws:iam::${ACCOUNT}:role/model-u1`;
export const ROLE_PREFERRED = `arn:aws:iam::${ACCOUNT}:role/model-preferred`;
export const ROLE_OTHER = `arn:aws:iam::${ACCOUNT}:role/model-other`;
export const ROLE_BAD = "arn:aws:iam::12345:role/short-account";
export const UNKNOWN_POOL = "us-east-1:00000000-0000-4000-8000-0000000000ff";
export const UNKNOWN_IDENTITY = "us-east-1:00000000-0000-4000-8000-0000000000ee";
export const FB_USERS = ["fb-1", "fb-2", "fb-3"] as const;
export const DEV_USERS = ["dev-1", "dev-2", "dev-3", "dev-4"] as const;
