import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { passwordGrant } from '../../testing/src/tokens';
import { Problem } from '@relais/platform';
import { createKeycloakConnectVerifier } from '../src';
import { generateSigningKey } from '../src/embedded';
import { startEmbeddedRealmServer, type EmbeddedRealmServer } from './support/embedded-realm-server';
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

describe('keycloak-connect verifier when the realm keys cannot be fetched', () => {
  // Tokens naming the silent server as issuer pass every check but the signature, which needs its keys.
  const tokenNamingSilentIssuer = () =>
    passwordGrant({ baseUrl: sameKeyOtherIssuer.baseUrl, username: 'teacher.03' });

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE when the provider does not answer in time', async () => {
    const verifier = createKeycloakConnectVerifier({
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
    const verifier = createKeycloakConnectVerifier({
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
