/**
 * The table of every operation's implementation, one file per operation family.
 */
import { ServiceError } from "../errors";
import type { OperationName } from "../model/model.generated";
import type { Handler, HandlerTable } from "./handler";
import {
  createIdentityPool,
  deleteIdentityPool,
  describeIdentityPool,
  listIdentityPools,
  updateIdentityPool,
} from "./pools";
import { getPrincipalTagAttributeMap, setPrincipalTagAttributeMap } from "./principalTags";
import { getIdentityPoolRoles, setIdentityPoolRoles } from "./roles";
import { listTagsForResource, tagResource, untagResource } from "./tags";

const notYet =
  <K extends OperationName>(name: K): Handler<K> =>
  () => {
    throw new ServiceError("InternalErrorException", `${name} is not implemented by the fake yet.`);
  };

/** Every operation's pure implementation. */
export const HANDLERS: HandlerTable = {
  CreateIdentityPool: createIdentityPool,
  DeleteIdentities: notYet("DeleteIdentities"),
  DeleteIdentityPool: deleteIdentityPool,
  DescribeIdentity: notYet("DescribeIdentity"),
  DescribeIdentityPool: describeIdentityPool,
  GetCredentialsForIdentity: notYet("GetCredentialsForIdentity"),
  GetId: notYet("GetId"),
  GetIdentityPoolRoles: getIdentityPoolRoles,
  GetOpenIdToken: notYet("GetOpenIdToken"),
  GetOpenIdTokenForDeveloperIdentity: notYet("GetOpenIdTokenForDeveloperIdentity"),
  GetPrincipalTagAttributeMap: getPrincipalTagAttributeMap,
  ListIdentities: notYet("ListIdentities"),
  ListIdentityPools: listIdentityPools,
  ListTagsForResource: listTagsForResource,
  LookupDeveloperIdentity: notYet("LookupDeveloperIdentity"),
  MergeDeveloperIdentities: notYet("MergeDeveloperIdentities"),
  SetIdentityPoolRoles: setIdentityPoolRoles,
  SetPrincipalTagAttributeMap: setPrincipalTagAttributeMap,
  TagResource: tagResource,
  UnlinkDeveloperIdentity: notYet("UnlinkDeveloperIdentity"),
  UnlinkIdentity: notYet("UnlinkIdentity"),
  UntagResource: untagResource,
  UpdateIdentityPool: updateIdentityPool,
};
