import { freePort } from '@relais/host';

/**
 * A TCP proxy the test can cut, on the Toxiproxy server of the integration infrastructure
 * (TOXIPROXY_URL). Three calls of its HTTP API are all a fault test needs, so no client library.
 */
export interface CuttableLink {
  /** host:port to connect through. */
  readonly address: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  remove(): Promise<void>;
}

export function toxiproxyUrl(): string {
  const url = process.env['TOXIPROXY_URL'];
  if (!url)
    throw new Error(
      'TOXIPROXY_URL is not set: fault tests need Toxiproxy. `npm run test:int` starts it with the native ' +
        'provisioner (scripts/infra/infra up), or set TOXIPROXY_URL to a running toxiproxy-server.',
    );
  return url;
}

async function call(path: string, method: string, body?: unknown): Promise<void> {
  const response = await fetch(`${toxiproxyUrl()}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`toxiproxy ${method} ${path} answered ${response.status}: ${await response.text()}`);
}

/** A new proxy in front of `upstream` (host:port), listening on a free local port. */
export async function cuttableLinkTo(upstream: string, name: string): Promise<CuttableLink> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  await call('/proxies', 'POST', { name, listen: address, upstream, enabled: true });
  return {
    address,
    // Disabling a proxy closes its open connections and refuses new ones: a network cut.
    cut: () => call(`/proxies/${name}`, 'POST', { enabled: false }),
    restore: () => call(`/proxies/${name}`, 'POST', { enabled: true }),
    remove: () => call(`/proxies/${name}`, 'DELETE'),
  };
}
