/**
 * The cryptography a command cannot do without, as node:crypto does it: one RS512 signature as the fake makes
 * one for an OpenID token (the fake's own identity key, a signing input of the same size as the token the
 * fake answered with), and one RS256 verification of a login token the fake has not seen before.
 */
import { sign, verify } from "node:crypto";
import { identityKey, providerKey } from "../src/core/tokens/keys";
import type { WireResponse } from "../src/wire/protocol";

/** A function that signs, once per call, the header and payload of the token in `response`. */
export function rs512Signer(response: WireResponse): () => string {
  const { Token } = JSON.parse(Buffer.from(response.body).toString("utf8")) as { Token?: string };
  if (!Token) throw new Error("the response holds no OpenID token");
  const signingInput = Token.slice(0, Token.lastIndexOf("."));
  const key = identityKey().privateKey;
  return () => sign("sha512", Buffer.from(signingInput), key).toString("base64url");
}

/** A function that verifies, once per call, the RS256 signature of a login token minted by `fake.loginToken`. */
export function rs256Verifier(token: string): () => boolean {
  const cut = token.lastIndexOf(".");
  const signingInput = token.slice(0, cut);
  const signature = Buffer.from(token.slice(cut + 1), "base64url");
  const key = providerKey().publicKey;
  return () => verify("sha256", Buffer.from(signingInput), key, signature);
}
