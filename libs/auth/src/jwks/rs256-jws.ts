import { verify, type KeyObject } from 'node:crypto';

/** Why a token was refused: for tests and debugging only, never told to the caller (a 401 says nothing). */
export class RefusedToken extends Error {
  override readonly name = 'RefusedToken';
}

// Buffer's base64url decoder skips characters outside the alphabet; a token must not depend on that.
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodedObject(part: string, what: string): Record<string, unknown> {
  if (!BASE64URL.test(part)) throw new RefusedToken(`the ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new RefusedToken(`the ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RefusedToken(`the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/**
 * RSA verification on libuv's thread pool (node:crypto's callback form): the event loop, which every
 * request shares, does not wait for the modular exponentiation, as WebCrypto's does not.
 */
function verifiedOffTheEventLoop(data: Buffer, key: KeyObject, signature: Buffer): Promise<boolean> {
  return new Promise((resolve, reject) => {
    verify('sha256', data, key, signature, (error, valid) => (error ? reject(error) : resolve(valid)));
  });
}

/**
 * The payload of a compact JWS whose RS256 signature `keyFor(kid)` verifies; throws RefusedToken
 * otherwise. The algorithm is pinned, whatever the header says: never `none`, never an HMAC keyed
 * with the public key. A header naming critical extensions is refused (RFC 7515 §4.1.11: Relais
 * understands none). Nothing of the payload is read before the signature has been checked.
 *
 * node:crypto directly rather than `jose` (ADR 0029): the same RSA verification without WebCrypto's
 * key and promise layers, on the thread pool as WebCrypto does it (amended the same day), on the path
 * of every request.
 */
export async function verifiedRs256Payload(
  token: string,
  keyFor: (kid: string | undefined) => KeyObject | Promise<KeyObject>,
): Promise<Record<string, unknown>> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new RefusedToken('not a compact JWS');
  const [encodedHeader = '', encodedPayload = '', encodedSignature = ''] = parts;
  const header = decodedObject(encodedHeader, 'header');
  if (header['alg'] !== 'RS256') throw new RefusedToken('the algorithm is not RS256');
  if (header['crit'] !== undefined) throw new RefusedToken('the header names critical extensions');
  const kid = header['kid'];
  if (kid !== undefined && typeof kid !== 'string') throw new RefusedToken('the key id is not a string');
  if (!BASE64URL.test(encodedSignature)) throw new RefusedToken('the signature is not base64url');
  if (!BASE64URL.test(encodedPayload)) throw new RefusedToken('the payload is not base64url');

  const key = await keyFor(kid);
  const signingInput = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
  // RSASSA-PKCS1-v1_5 with SHA-256 (RS256): node's default padding for an RSA key.
  if (!(await verifiedOffTheEventLoop(signingInput, key, Buffer.from(encodedSignature, 'base64url'))))
    throw new RefusedToken('the signature does not verify');
  return decodedObject(encodedPayload, 'payload');
}
