/**
 * The table of every operation's implementation, one file per operation family.
 */
import { getCredentialsForIdentity, getOpenIdToken } from "./credentials";
import {
  getOpenIdTokenForDeveloperIdentity,
  lookupDeveloperIdentity,
  mergeDeveloperIdentities,
  unlinkDeveloperIdentity,
} from "./developer";
import { getId } from "./getId";
import type { HandlerTable } from "./handler";
import { deleteIdentities, describeIdentity, listIdentities, unlinkIdentity } from "./identities";
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

/** Every operation's pure implementation. */
export const HANDLERS: HandlerTable = {
  CreateIdentityPool: createIdentityPool,
  DeleteIdentities: deleteIdentities,
  DeleteIdentityPool: deleteIdentityPool,
  DescribeIdentity: describeIdentity,
  DescribeIdentityPool: describeIdentityPool,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetId: getId,
  GetIdentityPoolRoles: getIdentityPoolRoles,
  GetOpenIdToken: getOpenIdToken,
  GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
  GetPrincipalTagAttributeMap: getPrincipalTagAttributeMap,
  ListIdentities: listIdentities,
  ListIdentityPools: listIdentityPools,
  ListTagsForResource: listTagsForResource,
  LookupDeveloperIdentity: lookupDeveloperIdentity,
  MergeDeveloperIdentities: mergeDeveloperIdentities,
  SetIdentityPoolRoles: setIdentityPoolRoles,
  SetPrincipalTagAttributeMap: setPrincipalTagAttributeMap,
  TagResource: tagResource,
  UnlinkDeveloperIdentity: unlinkDeveloperIdentity,
  UnlinkIdentity: unlinkIdentity,
  UntagResource: untagResource,
  UpdateIdentityPool: updateIdentityPool,
};
