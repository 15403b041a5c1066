/**
 * The cost of one RS512 signature as the fake makes one for an OpenID token: node:crypto over the fake's own
 * identity key, a signing input of the same size as the token the fake answered with.
 */
import { sign } from "node:crypto";
import { identityKey } from "../src/core/tokens/keys";
import type { WireResponse } from "../src/wire/protocol";

/** A function that signs, once per call, the header and payload of the token in `response`. */
export function rs512Signer(response: WireResponse): () => string {
  const { Token } = JSON.parse(Buffer.from(response.body).toString("utf8")) as { Token?: string };
  if (!Token) throw new Error("the response holds no OpenID token");
  const signingInput = Token.slice(0, Token.lastIndexOf("."));
  const key = identityKey().privateKey;
  return () => sign("sha512", Buffer.from(signingInput), key).toString("base64url");
}
