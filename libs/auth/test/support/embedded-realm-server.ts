import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { createEmbeddedIdentityProvider, type SigningKey } from '../../src/embedded';

export interface EmbeddedRealmServer {
  /** Where the provider is reachable, e.g. http://127.0.0.1:41234. */
  readonly baseUrl: string;
  readonly issuer: string;
  close(): Promise<void>;
}

export interface EmbeddedRealmServerOptions {
  /** The base URL the issuer claims; defaults to the server's own address. */
  readonly publicBaseUrl?: string;
  readonly signingKey?: SigningKey;
  readonly listDemoAccounts?: boolean;
  /** The lockout clock. */
  readonly now?: () => number;
  /** Sees the path of every request, before the provider answers it (to count JWKS fetches). */
  readonly onRequest?: (path: string) => void;
}

/** An embedded identity provider on an ephemeral local port. */
export async function startEmbeddedRealmServer(
  options: EmbeddedRealmServerOptions = {},
): Promise<EmbeddedRealmServer> {
  const app = express();
  if (options.onRequest) {
    const onRequest = options.onRequest;
    app.use((req, _res, next) => {
      onRequest(req.path);
      next();
    });
  }
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = createEmbeddedIdentityProvider({
    publicBaseUrl: options.publicBaseUrl ?? baseUrl,
    env: { NODE_ENV: 'test' },
    ...(options.signingKey ? { signingKey: options.signingKey } : {}),
    ...(options.listDemoAccounts ? { listDemoAccounts: true } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  provider.mount(app);
  return {
    baseUrl,
    issuer: provider.issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Decodes a JWT's header and payload without verifying anything (to inspect or tamper in tests). */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header = '', payload = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}

/** The same token with its payload replaced and its original signature kept. */
export function withAlteredPayload(token: string, alter: (payload: Record<string, unknown>) => void): string {
  const [header, , signature] = token.split('.');
  const { payload } = decodeJwt(token);
  alter(payload);
  return [header, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
}
