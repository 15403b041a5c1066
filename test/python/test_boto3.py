"""boto3 against the fake's server: every operation of the Cognito Identity client and the ListIdentityPools
paginator, asserting outputs and ClientError codes.

Run by test/adapters/server/python.test.ts, which starts the server and sets COGNITO_FAKE_URL:
    COGNITO_FAKE_URL=http://127.0.0.1:4566 /usr/bin/python3 test/python/test_boto3.py -v
"""
import datetime
import json
import os
import unittest
import urllib.request
import warnings

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL = os.environ["COGNITO_FAKE_URL"]
ACCOUNT = "123456789012"
USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc123"
ROLE = "arn:aws:iam::123456789012:role/user"
GUEST = "arn:aws:iam::123456789012:role/guest"


def control(path, body=None):
    """Calls the control plane: POST with a JSON body, or GET without one."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(URL + "/_fake" + path, data=data, method="GET" if body is None else "POST")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def client(region="us-east-1"):
    return boto3.client(
        "cognito-identity",
        endpoint_url=URL,
        region_name=region,
        aws_access_key_id="AKIAFAKE",
        aws_secret_access_key="fake",
        config=Config(retries={"mode": "standard", "total_max_attempts": 1}),
    )


class Boto3AgainstTheFake(unittest.TestCase):
    def setUp(self):
        # botocore keeps its pooled connections open until the interpreter exits; that is not a fault here.
        warnings.simplefilter("ignore", ResourceWarning)
        control("/reset", {})
        self.ci = client()

    def error_code(self, call, **kwargs):
        with self.assertRaises(ClientError) as raised:
            call(**kwargs)
        return raised.exception.response["Error"]["Code"]

    def new_pool(self, name="app", **extra):
        return self.ci.create_identity_pool(IdentityPoolName=name, AllowUnauthenticatedIdentities=True, **extra)

    def test_pools_and_the_paginator(self):
        pool = self.new_pool(SupportedLoginProviders={"graph.facebook.com": "fb-app"})
        pool_id = pool["IdentityPoolId"]
        self.assertRegex(pool_id, r"^us-east-1:[0-9a-f-]{36}$")
        self.assertEqual(pool["IdentityPoolTags"], {})
        described = self.ci.describe_identity_pool(IdentityPoolId=pool_id)
        self.assertEqual(described["SupportedLoginProviders"], {"graph.facebook.com": "fb-app"})
        updated = self.ci.update_identity_pool(
            IdentityPoolId=pool_id, IdentityPoolName="renamed", AllowUnauthenticatedIdentities=False
        )
        self.assertEqual(updated["IdentityPoolName"], "renamed")
        for name in ("b", "c", "d", "e"):
            self.new_pool(name)
        pages = list(self.ci.get_paginator("list_identity_pools").paginate(MaxResults=2))
        self.assertEqual([len(p["IdentityPools"]) for p in pages], [2, 2, 1])
        names = [p["IdentityPoolName"] for page in pages for p in page["IdentityPools"]]
        self.assertEqual(names, ["renamed", "b", "c", "d", "e"])
        self.ci.delete_identity_pool(IdentityPoolId=pool_id)
        self.assertEqual(
            self.error_code(self.ci.describe_identity_pool, IdentityPoolId=pool_id), "ResourceNotFoundException"
        )
        self.assertEqual(
            self.error_code(self.ci.create_identity_pool, IdentityPoolName="bad!", AllowUnauthenticatedIdentities=True),
            "ValidationException",
        )
        self.assertEqual(self.ci.list_identity_pools(MaxResults=10)["IdentityPools"][0]["IdentityPoolName"], "b")

    def test_pools_live_in_the_region_of_the_request(self):
        pool_id = client("eu-west-1").create_identity_pool(
            IdentityPoolName="eu", AllowUnauthenticatedIdentities=True
        )["IdentityPoolId"]
        self.assertTrue(pool_id.startswith("eu-west-1:"))
        self.assertEqual(self.ci.list_identity_pools(MaxResults=10)["IdentityPools"], [])
        self.assertEqual(len(client("eu-west-1").list_identity_pools(MaxResults=10)["IdentityPools"]), 1)

    def test_tags(self):
        pool_id = self.new_pool()["IdentityPoolId"]
        arn = f"arn:aws:cognito-identity:us-east-1:{ACCOUNT}:identitypool/{pool_id}"
        self.ci.tag_resource(ResourceArn=arn, Tags={"team": "a", "env": "test"})
        self.ci.untag_resource(ResourceArn=arn, TagKeys=["env"])
        self.assertEqual(self.ci.list_tags_for_resource(ResourceArn=arn)["Tags"], {"team": "a"})
        missing = arn.replace(pool_id, "us-east-1:00000000-0000-4000-8000-000000000000")
        self.assertEqual(self.error_code(self.ci.list_tags_for_resource, ResourceArn=missing), "ResourceNotFoundException")

    def test_roles_and_principal_tags(self):
        pool_id = self.new_pool(CognitoIdentityProviders=[{"ProviderName": USER_POOL, "ClientId": "web"}])[
            "IdentityPoolId"
        ]
        mappings = {f"{USER_POOL}:web": {"Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole"}}
        self.ci.set_identity_pool_roles(
            IdentityPoolId=pool_id, Roles={"authenticated": ROLE, "unauthenticated": GUEST}, RoleMappings=mappings
        )
        roles = self.ci.get_identity_pool_roles(IdentityPoolId=pool_id)
        self.assertEqual(roles["Roles"], {"authenticated": ROLE, "unauthenticated": GUEST})
        self.assertEqual(roles["RoleMappings"], mappings)
        self.ci.set_principal_tag_attribute_map(
            IdentityPoolId=pool_id, IdentityProviderName=USER_POOL, PrincipalTags={"team": "custom:team"}
        )
        tag_map = self.ci.get_principal_tag_attribute_map(IdentityPoolId=pool_id, IdentityProviderName=USER_POOL)
        self.assertEqual(tag_map["PrincipalTags"], {"team": "custom:team"})
        self.assertEqual(
            self.error_code(
                self.ci.set_principal_tag_attribute_map, IdentityPoolId=pool_id, IdentityProviderName="accounts.google.com"
            ),
            "InvalidParameterException",
        )

    def test_identities_credentials_and_tokens(self):
        pool_id = self.new_pool(
            SupportedLoginProviders={"graph.facebook.com": "fb-app"},
            CognitoIdentityProviders=[{"ProviderName": USER_POOL, "ClientId": "web"}],
        )["IdentityPoolId"]
        self.ci.set_identity_pool_roles(IdentityPoolId=pool_id, Roles={"authenticated": ROLE, "unauthenticated": GUEST})
        guest = self.ci.get_id(IdentityPoolId=pool_id)["IdentityId"]
        creds = self.ci.get_credentials_for_identity(IdentityId=guest)
        self.assertRegex(creds["Credentials"]["AccessKeyId"], r"^ASIA[A-Z0-9]{16}$")
        self.assertIsInstance(creds["Credentials"]["Expiration"], datetime.datetime)
        self.assertEqual(control("/issued-credentials")["issuedCredentials"][0]["roleArn"], GUEST)
        token = self.ci.get_open_id_token(IdentityId=guest)["Token"]
        self.assertEqual(len(token.split(".")), 3)
        minted = control("/login-tokens/user-pool", {"userPoolId": "us-east-1_Abc123", "clientId": "web", "sub": "alice"})
        alice = self.ci.get_id(IdentityPoolId=pool_id, Logins={USER_POOL: minted["token"]})["IdentityId"]
        self.assertEqual(self.ci.describe_identity(IdentityId=alice)["Logins"], [USER_POOL])
        linked = self.ci.get_id(IdentityPoolId=pool_id, Logins={"graph.facebook.com": "fb-token"})["IdentityId"]
        self.ci.unlink_identity(
            IdentityId=linked, Logins={"graph.facebook.com": "fb-token"}, LoginsToRemove=["graph.facebook.com"]
        )
        self.assertNotIn("Logins", self.ci.describe_identity(IdentityId=linked))
        listed = self.ci.list_identities(IdentityPoolId=pool_id, MaxResults=60)
        self.assertEqual(len(listed["Identities"]), 3)
        self.assertEqual(self.ci.delete_identities(IdentityIdsToDelete=[guest])["UnprocessedIdentityIds"], [])
        self.assertEqual(self.error_code(self.ci.describe_identity, IdentityId=guest), "ResourceNotFoundException")
        self.assertEqual(
            self.error_code(self.ci.get_id, IdentityPoolId=pool_id, Logins={USER_POOL: "not-a-jwt"}),
            "NotAuthorizedException",
        )

    def test_developer_identities(self):
        pool_id = self.new_pool(DeveloperProviderName="login.myapp")["IdentityPoolId"]
        alice = self.ci.get_open_id_token_for_developer_identity(
            IdentityPoolId=pool_id, Logins={"login.myapp": "alice"}
        )
        self.assertEqual(len(alice["Token"].split(".")), 3)
        bob = self.ci.get_open_id_token_for_developer_identity(IdentityPoolId=pool_id, Logins={"login.myapp": "bob"})
        found = self.ci.lookup_developer_identity(IdentityPoolId=pool_id, DeveloperUserIdentifier="alice")
        self.assertEqual(found["IdentityId"], alice["IdentityId"])
        merged = self.ci.merge_developer_identities(
            SourceUserIdentifier="bob",
            DestinationUserIdentifier="alice",
            DeveloperProviderName="login.myapp",
            IdentityPoolId=pool_id,
        )
        self.assertEqual(merged["IdentityId"], alice["IdentityId"])
        self.assertNotEqual(bob["IdentityId"], alice["IdentityId"])
        self.ci.unlink_developer_identity(
            IdentityId=alice["IdentityId"],
            IdentityPoolId=pool_id,
            DeveloperProviderName="login.myapp",
            DeveloperUserIdentifier="bob",
        )
        after = self.ci.lookup_developer_identity(IdentityPoolId=pool_id, IdentityId=alice["IdentityId"])
        self.assertEqual(after["DeveloperUserIdentifierList"], ["alice"])
        self.assertEqual(
            self.error_code(self.ci.lookup_developer_identity, IdentityPoolId=pool_id, DeveloperUserIdentifier="nobody"),
            "ResourceNotFoundException",
        )

    def test_scripted_failures_and_seeding(self):
        control("/fail-next", {"operation": "ListIdentityPools", "error": "TooManyRequestsException"})
        self.assertEqual(self.error_code(self.ci.list_identity_pools, MaxResults=5), "TooManyRequestsException")
        seeded = "us-east-1:11111111-2222-4333-8444-555555555555"
        control("/pools", {"IdentityPoolId": seeded, "IdentityPoolName": "seeded", "AllowUnauthenticatedIdentities": True})
        control("/identities", {"IdentityPoolId": seeded})
        self.assertEqual(len(self.ci.list_identities(IdentityPoolId=seeded, MaxResults=10)["Identities"]), 1)
        operations = [c["operation"] for c in control("/calls")["calls"]]
        self.assertEqual(operations, ["ListIdentityPools", "ListIdentities"])


if __name__ == "__main__":
    unittest.main()
