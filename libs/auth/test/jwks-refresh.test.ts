import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { passwordGrant } from '../../testing/src/tokens';
import { createJwksTokenVerifier } from '../src';
import { startEmbeddedRealmServer, type EmbeddedRealmServer } from './support/embedded-realm-server';

const CERTS = '/realms/relais/protocol/openid-connect/certs';

let idp: EmbeddedRealmServer;
let jwksFetches = 0;

beforeAll(async () => {
  idp = await startEmbeddedRealmServer({
    onRequest: (path) => {
      if (path === CERTS) jwksFetches += 1;
    },
  });
});

afterAll(async () => {
  await idp.close();
});

beforeEach(() => {
  jwksFetches = 0;
});

/** A genuine token whose header names another, random key id (the signature no longer matters). */
function withRandomKid(token: string): string {
  const [header = '', payload, signature] = token.split('.');
  const decoded = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...decoded, kid: randomUUID() })).toString('base64url');
  return [forged, payload, signature].join('.');
}

function verifierWithCooldown(keysRefreshCooldownMs: number) {
  return createJwksTokenVerifier({
    authServerUrl: idp.baseUrl,
    realm: 'relais',
    clientId: 'relais-enrollment',
    keysRefreshCooldownMs,
  });
}

describe('fetching the realm keys for unknown key ids', () => {
  it('fetches the JWKS once for 50 concurrent tokens with random key ids', async () => {
    const genuine = await passwordGrant({ baseUrl: idp.baseUrl, username: 'teacher.05' });
    const verifier = verifierWithCooldown(30_000);

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => verifier.verify(withRandomKid(genuine))),
    );

    expect(results.map((result) => result.status)).toEqual(Array(50).fill('rejected'));
    for (const result of results) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    }
    expect(jwksFetches).toBe(1);
  });

  it('fetches no more during the cooldown, yet verifies tokens signed with the known key', async () => {
    const genuine = await passwordGrant({ baseUrl: idp.baseUrl, username: 'teacher.06' });
    const verifier = verifierWithCooldown(30_000);
    await expect(verifier.verify(genuine)).resolves.toMatchObject({ username: 'teacher.06' });
    expect(jwksFetches).toBe(1);

    for (let round = 0; round < 3; round += 1) {
      await Promise.allSettled(Array.from({ length: 20 }, () => verifier.verify(withRandomKid(genuine))));
    }
    await expect(verifier.verify(genuine)).resolves.toMatchObject({ username: 'teacher.06' });

    expect(jwksFetches).toBe(1);
  });

  it('fetches again, once, for an unknown key id after the cooldown', async () => {
    const genuine = await passwordGrant({ baseUrl: idp.baseUrl, username: 'teacher.07' });
    const verifier = verifierWithCooldown(30_000);
    await verifier.verify(genuine);
    const start = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start + 30_001);
    try {
      await Promise.allSettled(Array.from({ length: 10 }, () => verifier.verify(withRandomKid(genuine))));
    } finally {
      clock.mockRestore();
    }

    expect(jwksFetches).toBe(2);
  });
});
