import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';

export interface SigningKey {
  /** Private JWK (RS256, `use: sig`) for oidc-provider's keystore. */
  readonly privateJwk: JWK;
  /** Base64 DER SubjectPublicKeyInfo, the `public_key` of Keycloak's realm info. */
  readonly publicKeyBase64: string;
}

/** A fresh RSA key pair: generated at start-up, held in memory only, never written anywhere. */
export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateJwk: {
      ...privateKey.export({ format: 'jwk' }),
      kid: randomUUID(),
      alg: 'RS256',
      use: 'sig',
    } as JWK,
    publicKeyBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}
