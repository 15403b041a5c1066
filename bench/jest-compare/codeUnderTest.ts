/** The code under test of the jest comparison: signs a guest in and returns its credentials. */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from "@aws-sdk/client-cognito-identity";

export async function guestCredentials(
  identityPoolId: string,
): Promise<{ identityId: string; accessKeyId: string }> {
  const client = new CognitoIdentityClient({ region: "us-east-1" });
  const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
  const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  return { identityId: IdentityId as string, accessKeyId: Credentials?.AccessKeyId as string };
}
