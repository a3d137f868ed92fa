import { createHmac, createPrivateKey, createPublicKey, sign, type JsonWebKey } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { passwordGrant } from '../../testing/src/tokens';
import { Problem } from '@relais/platform';
import { createJwksTokenVerifier } from '../src';
import { generateSigningKey } from '../src/embedded';
import {
  decodeJwt,
  startEmbeddedRealmServer,
  type EmbeddedRealmServer,
} from './support/embedded-realm-server';
import { describeTokenVerifierContract } from './support/token-verifier-contract';

/** A TCP server that accepts connections and never answers: an identity provider that hangs. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

const sharedKey = generateSigningKey();
let trusted: EmbeddedRealmServer;
let sameIssuerOtherKey: EmbeddedRealmServer;
let sameKeyOtherIssuer: EmbeddedRealmServer;
let silent: Awaited<ReturnType<typeof startSilentServer>>;

beforeAll(async () => {
  silent = await startSilentServer();
  trusted = await startEmbeddedRealmServer({ signingKey: sharedKey });
  // Claims the trusted issuer but signs with its own key: only the signature check can refuse it.
  sameIssuerOtherKey = await startEmbeddedRealmServer({ publicBaseUrl: trusted.baseUrl });
  // Signs with the trusted key but names another issuer: only the issuer check can refuse it.
  sameKeyOtherIssuer = await startEmbeddedRealmServer({ signingKey: sharedKey, publicBaseUrl: silent.url });
});

afterAll(async () => {
  await Promise.all(
    [trusted, sameIssuerOtherKey, sameKeyOtherIssuer, silent].map((server) => server?.close()),
  );
});

describeTokenVerifierContract('embedded identity provider', () => ({
  baseUrl: trusted.baseUrl,
  realm: 'relais',
  foreignKeyToken: () => passwordGrant({ baseUrl: sameIssuerOtherKey.baseUrl, username: 'teacher.01' }),
  foreignIssuerToken: () => passwordGrant({ baseUrl: sameKeyOtherIssuer.baseUrl, username: 'teacher.01' }),
}));

describe('JWKS token verifier when the realm keys cannot be fetched', () => {
  // Tokens naming the silent server as issuer pass every check but the signature, which needs its keys.
  const tokenNamingSilentIssuer = () =>
    passwordGrant({ baseUrl: sameKeyOtherIssuer.baseUrl, username: 'teacher.03' });

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE when the provider does not answer in time', async () => {
    const verifier = createJwksTokenVerifier({
      authServerUrl: silent.url,
      realm: 'relais',
      clientId: 'relais-enrollment',
      keysTimeoutMs: 100,
    });

    const rejection = verifier.verify(await tokenNamingSilentIssuer());

    await expect(rejection).rejects.toBeInstanceOf(Problem);
    await expect(rejection).rejects.toMatchObject({ status: 503, code: 'IDENTITY_PROVIDER_UNAVAILABLE' });
  });

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE when the provider refuses connections', async () => {
    const token = await tokenNamingSilentIssuer();
    const { url } = silent;
    await silent.close();
    const verifier = createJwksTokenVerifier({
      authServerUrl: url,
      realm: 'relais',
      clientId: 'relais-enrollment',
    });

    await expect(verifier.verify(token)).rejects.toMatchObject({
      status: 503,
      code: 'IDENTITY_PROVIDER_UNAVAILABLE',
    });
  });
});

describe("JWKS token verifier: every claim is checked, on tokens signed with the realm's own key", () => {
  const verifier = () =>
    createJwksTokenVerifier({
      authServerUrl: trusted.baseUrl,
      realm: 'relais',
      clientId: 'relais-enrollment',
    });

  type Claims = Record<string, unknown>;
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');

  /** The claims of a genuine access token of teacher.04, changed, then signed again with the realm's key. */
  async function resigned(
    change: (payload: Claims) => void,
    header: Record<string, unknown> = {},
  ): Promise<string> {
    const genuine = await passwordGrant({ baseUrl: trusted.baseUrl, username: 'teacher.04' });
    const payload: Claims = { ...decodeJwt(genuine).payload };
    change(payload);
    const protectedHeader = { alg: 'RS256', kid: sharedKey.privateJwk.kid!, typ: 'JWT', ...header };
    const signingInput = `${encode(protectedHeader)}.${encode(payload)}`;
    const jwk = sharedKey.privateJwk as JsonWebKey;
    if (protectedHeader.alg === 'RS256') {
      const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
      return `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
    }
    if (protectedHeader.alg === 'HS256') {
      // The classic confusion: an HMAC keyed with the realm's public key, which anyone can fetch.
      const secret = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
    }
    return `${signingInput}.`;
  }

  const refused = { status: 401, code: 'INVALID_TOKEN' };

  it('accepts the re-signed token itself: the refusals below are each down to the one claim changed', async () => {
    await expect(verifier().verify(await resigned(() => undefined))).resolves.toMatchObject({
      username: 'teacher.04',
      roles: ['teacher'],
    });
  });

  it('refuses an ID or refresh token of the realm (typ other than Bearer)', async () => {
    await expect(verifier().verify(await resigned((payload) => (payload.typ = 'ID')))).rejects.toMatchObject(
      refused,
    );
  });

  it('refuses a token without an expiry', async () => {
    await expect(verifier().verify(await resigned((payload) => delete payload.exp))).rejects.toMatchObject(
      refused,
    );
  });

  it('refuses a token not valid yet (nbf in the future)', async () => {
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    await expect(
      verifier().verify(await resigned((payload) => (payload.nbf = inAnHour))),
    ).rejects.toMatchObject(refused);
  });

  it('refuses a token whose audience is only another service', async () => {
    await expect(
      verifier().verify(await resigned((payload) => (payload.aud = ['relais-stats']))),
    ).rejects.toMatchObject(refused);
  });

  it("refuses an unsigned token (alg none) naming the realm's key", async () => {
    await expect(verifier().verify(await resigned(() => undefined, { alg: 'none' }))).rejects.toMatchObject(
      refused,
    );
  });

  it("refuses a token signed with HMAC keyed by the realm's public key (algorithm confusion)", async () => {
    await expect(verifier().verify(await resigned(() => undefined, { alg: 'HS256' }))).rejects.toMatchObject(
      refused,
    );
  });

  it('refuses a token whose header names critical extensions Relais does not understand', async () => {
    const token = await resigned(() => undefined, { crit: ['exp'], exp: 1 });
    await expect(verifier().verify(token)).rejects.toMatchObject(refused);
  });

  it('refuses a genuine token cut, extended, or with characters outside base64url', async () => {
    const token = await resigned(() => undefined);
    const [header, payload, signature] = token.split('.');
    for (const mangled of [
      `${header}.${payload}`,
      `${token}.${signature}`,
      `${header}.${payload}.${signature}!`,
      `${header}.${payload}!.${signature}`,
    ])
      await expect(verifier().verify(mangled)).rejects.toMatchObject(refused);
  });

  it('answers 403 FORBIDDEN_CLIENT to a token without an authorized party', async () => {
    await expect(verifier().verify(await resigned((payload) => delete payload.azp))).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN_CLIENT',
    });
  });

  it('refuses a token whose identity claims do not have the formats Relais needs', async () => {
    await expect(
      verifier().verify(await resigned((payload) => (payload.school = 'not-a-school-code'))),
    ).rejects.toMatchObject(refused);
  });
});
