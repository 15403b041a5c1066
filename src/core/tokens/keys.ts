/**
 * The fake's fixed RSA test keys, as private JWKs. They are public test material, not secrets: they exist so
 * that creating a fake costs no key generation, and so that tokens are stable across runs.
 * - `IDENTITY_KEY` signs the OpenID tokens the fake issues as Cognito Identity (RS512, published by `jwks()`).
 * - `PROVIDER_KEY` signs the login tokens `fake.loginToken` mints as a user pool or OIDC provider (RS256).
 */
import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";

const IDENTITY_JWK: JsonWebKey = {
  kty: "RSA",
  n: "n0mI9B6wHCTgZeA9U-xKkDIidRyelzY5YJ4p9X7BPrsdBIgZ4kCS_WhzfKJBQCkeMKhsHAaOIceUQpCo-fgZzU8nJ7YNSpkv9CblesfxAQcdSdiLrMn-HvCW8KzFdT0T5tar77q-oo2lZpa77V2BU5L6iNUAZOHWzKW78QKSSV45YU1zU2231y_iDNPLDCvbFurhr4Fv6Xb8DCR90q4g-glrLmLAG_TmJ11NkB6VDRp7beMPYSsjPqq7XXXG-XJoTcFUce1ZBqRIaFYjLxb5rhCVb7B_q7XOI-B48nPj9Kx_xl7eN4MJNk0W9h72VzwM0YdKXY9TGxRTlEZVSvR-Mw",
  e: "AQAB",
  d: "ISaVPbVLUrgsCZfXO6mgRQ1iFXyM1wyeeWjBc8nbHxqjKefHd0qYLOw5qNU9_kPweBD9WwHUP9yBEy93M3r6p7uS-xVNA9sI22fi96A4HM4lvtI2E5KAdGD_EPzsJX--Lhs8cmqrtToEk-rIFtkQitu6j5LA_73uze2qRTkTR_hjqu2q3cXdGJMqWm7qBMqeidr2k3X7-aGEqiEkxtb4R9LwJUYNmIpifE6M9gL2yhsyQECSGiH-OeOkhcNDH3c6t-3fAVfD9WIJv_yMoTAXEN9l8NH3oWHuh04ze4ifgzlUSX86X1UCyO9QPOIcKqiOKE8AaL7qdeAoCMKjMBYDKQ",
  p: "y-OsEqWoCUbB2eBUwJ4M2wqUdr7NRS239ExZvkLvzEMxYNKsKldYVH182PM50iEm6ZyNjG7Pm1vCmZLHxDtdelx16qQhkY-9K95Uf1N0KeUAwYbGCPtFufiqrLRl2JakPb3XkxThY6WmF64NwKI8a75PXIO4ohgsMUA8eRdUQHk",
  q: "x_-UrMT-mfT623IFY-hXo44RqKKrozpyUzxDJz3qUr9SylexY3JPULNOulRHFi4CXyRv7BinaD526NkqAEBXbLSc2AopVkjVlCdQNHpoidpNRYrw7jQoWGPEKi-x0AXGIAbxNaJdvP1jh1pqsxQ6dtG2LMAqePPEck37dx3vQQs",
  dp: "adHKVws_QUFGDyyNEEN3bJ_7Gf5BT2xBEzwlP8hB6QPett_gl0EqCP_wMjFaiyLFrW2hUYeZnIptX4N8xu4AwCcI1DVHbuLpTcFgnYzUt4GxeL_YPIUdVT4oZuZiDZ1xtNG49w9ZQ3yPza56WMZbEZh-XAfJZeeh2BX8zOQ8yBE",
  dq: "C14WiD9mLUAEZiaz8brKCGzRyiD82nk--EYrlvZo9C0VupSDa6Caq36VkfeqVrNkxR2gEu5PzZgHUDLPtVXy4iXd6FWjhdj78sDNST5P5M34qGQ-T3u9c1CwXKl7VNSPL1DVsvO4mj5Ywt-7wtP6grhmv2Jox5kraEfQbDPSXoM",
  qi: "R0KGJ8fZB7lM1CR8znCHNapP4l7mvlS8RsqI04wJzjEtkpV2bsE4SoiG85q5y_2w-JYrl1xjO82Wsu0ScIicm1XpLPhz-ltnaDrpXSOBvnA0B1BXBrueSQbxv9X-Nz1QODhxWCyB65DxCnwvzUCsoqj7fcDmcBjmQ7Wxoy__SJg",
};

const PROVIDER_JWK: JsonWebKey = {
  kty: "RSA",
  n: "3PkEZinQnh1rq-DjhJBaiw34xM7ZbkvNPiYi4aGCw_q4G9M8Tpdwgl3zRyx30Qt-4IB80KQhDvC1TwQ3ju1nNMmg9ZlHBjgfb0a8_ptsTmEj_qGhoybHwrD9JYrJb4LIoeMHdQF_8aqsFCUNUibAOj19NQdCZG4NBzioUIfwl4FRFKGkOO_k2jv4FEmcrbBincrwRUWgBMkm99koynLKbkdwJONbdEcZx9TSGSsYFWHpXhxkPw-LMxNZyaEcyGQsJZ8O4wYtL1YQN7Y14_kRuiT_obbRzPWs6wX12C91UikhhOudbKVvzH-3qeWAJ1xe5oMTSntQUrgC9MrY7ZBJPw",
  e: "AQAB",
  d: "bP1DzrIcLAid1UpYXcenaQOsqkHOG6k2o8tClCBJ86jjixHeonLuctatCfNka46sd0XYij4R8iEGhGEzmAL_TxmOEuUVk3s2AfgVes0lF-mwy8RkCak0iRIr4gr4vM_4bmSghnUFaqjANDVsQxNK587xRSj99bQUJ_YpioLqR4b9p4lXn3iWcKDGHgR5YBTYQ3TDISZZkH8zvsMkAtt4aAXpwWrTYuzcO_cefr1Tw2oGCHRudnOpFH8HpOkEQefu4LCTvNQYye3ciyp-G__6oeW-CXjerL8enKnGWGL7sg7OK2JVQQdf_waWgHI7IMQdb9jBpTMof363YA_s5R3NYQ",
  p: "9_jd69a4evJMEPv3fQid3EtOSnzT6dnsMD4zb1PMkgOo9Xt_ylf_iIohS_RXbJEaEqmavP4hnF29BpmxLCEuXTX20Q8sacri_SchiQeeaJbc_J6_XxIgldUGiotsUxW5fQ41ilhRaH9iBXI26tA_gCKy-sGynN6Ug65_q8ewy6E",
  q: "5CBivQm3Wl-wZZDw3uSbOEJo5Ci-aoIFa2oHFT-sx53MKmajHrRhE02yPMPdEA4l9Gh3QWQ5_EedDfk-HCogBuZQ95SlGKzjxJWagYMsfOQ4xVXWxjnmxqW5o4EuGK4--WGOxqPAttR-l-VqEtDfQuTSE2keYOrbaMK6ubvl6N8",
  dp: "R0-zimIqlXjetTew2a1DsJmbf0JcsvCvwsPwiMCBoTAaQ9ZrTqZ13y9SGgS_q4IjDGDoFhfDVLOEa8SBNh6otbeSLlb9v8LP-ltpgn3FaXCRRrjkchPFeTFU-zzTPyWNPVB7xzhU2QdhCg3piyeuS0wvSnuvwPslnKTvJFh-GGE",
  dq: "3bxQ3PfVvUUnOwGv7qb77Ko4NBUaSIJK7EYpzlCPC5PogAo1YUHo3Y92wLOMau-lmrPzvp7B8eJV2OA7q7qSWMKDTrKv6pUZ6tmTTXGHy3k1aTHvScu78bfiAfgtKxYq5dEaqx890TgoOFJoUROu_uFVBEL3oTKGw4QLZT8q0Lc",
  qi: "rJjTvIix7O_HWIGh5fL4Xb2DtYi0Ej8vGXUecyZw_3t1jao55QifNgpo_q_zWRnyqMjq1LD8qU2Qxu7hv3j2Bs60NU6dB0ixw_CziCueqrKQOlGjhnUJuHUqdwfYu0s5bD2-T2yVJuFyk9iXtIX40VPlzQ5RJ0XeZz4bm3Tckgw",
};

/** A key pair, parsed on first use and cached for the process. */
export interface KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key as a JWK (`kty`, `n`, `e`). */
  readonly publicJwk: JsonWebKey;
}

function lazyPair(jwk: JsonWebKey): () => KeyPair {
  let pair: KeyPair | undefined;
  return () => {
    if (!pair) {
      const privateKey = createPrivateKey({ key: jwk, format: "jwk" });
      const publicKey = createPublicKey(privateKey);
      pair = { privateKey, publicKey, publicJwk: publicKey.export({ format: "jwk" }) };
    }
    return pair;
  };
}

/** The key that signs the fake's OpenID tokens. */
export const identityKey = lazyPair(IDENTITY_JWK);

/** The key that signs login tokens minted by `fake.loginToken`. */
export const providerKey = lazyPair(PROVIDER_JWK);

/** The `kid` of the fake provider key: login tokens carrying it must verify with {@link providerKey}. */
export const PROVIDER_KID = "fake-provider-1";
