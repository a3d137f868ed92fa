import { createPublicKey, createVerify, type JsonWebKey } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { attributeClaims, profileClaims } from './keycloak-token-shape';
import type { Realm } from './realm-file';
import type { SigningKey } from './signing-key';

export interface UserinfoOptions {
  readonly realm: Realm;
  readonly issuer: string;
  readonly signingKey: SigningKey;
  readonly now?: () => number;
}

const BEARER = /^Bearer +(\S+)$/i;

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keycloak's userinfo endpoint: it answers for the access tokens the services accept. oidc-provider's own
 * refuses tokens issued for a resource server, which every Relais access token is, hence this route.
 * The token is checked as a service would: RS256 signature with the realm key, issuer, `typ`, expiry.
 */
export function userinfoRouter({ realm, issuer, signingKey, now = Date.now }: UserinfoOptions): Router {
  const publicKey = createPublicKey({ key: signingKey.privateJwk as JsonWebKey, format: 'jwk' });
  const webOrigins = new Set(realm.clients.flatMap((client) => client.webOrigins));
  const router = Router();

  function allowOrigin(req: Request, res: Response): void {
    const origin = req.headers.origin;
    res.vary('Origin');
    if (origin && webOrigins.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set('Access-Control-Allow-Headers', 'Authorization');
      res.set('Access-Control-Allow-Methods', 'GET, POST');
    }
  }

  function claimsOf(token: string): Record<string, unknown> | undefined {
    const [header, payload, signature] = token.split('.');
    const decodedHeader = decodeSegment(header);
    const claims = decodeSegment(payload);
    if (!decodedHeader || !claims || signature === undefined || decodedHeader['alg'] !== 'RS256')
      return undefined;
    const signed = createVerify('RSA-SHA256').update(`${header}.${payload}`);
    if (!signed.verify(publicKey, Buffer.from(signature, 'base64url'))) return undefined;
    const fresh = typeof claims['exp'] === 'number' && claims['exp'] * 1000 > now();
    if (!fresh || claims['iss'] !== issuer || claims['typ'] !== 'Bearer') return undefined;
    const user = realm.userById(String(claims['sub']));
    const client = realm.client(String(claims['azp']));
    if (!user || !client) return undefined;
    return { sub: user.id, ...profileClaims(user), ...attributeClaims(user, client) };
  }

  function answer(req: Request, res: Response): void {
    allowOrigin(req, res);
    res.set('Cache-Control', 'no-store');
    const token = BEARER.exec(req.headers.authorization?.trim() ?? '')?.[1];
    const claims = token === undefined ? undefined : claimsOf(token);
    if (!claims) {
      res.status(401).set('WWW-Authenticate', `Bearer realm="${realm.name}", error="invalid_token"`).json({
        error: 'invalid_token',
        error_description: 'Send a valid, unexpired access token of this realm.',
      });
      return;
    }
    res.json(claims);
  }

  router.options('/', (req, res) => {
    allowOrigin(req, res);
    res.status(204).end();
  });
  router.get('/', answer);
  router.post('/', answer);
  return router;
}
