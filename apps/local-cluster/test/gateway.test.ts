import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createGateway, type GatewayUpstream } from '../src/gateway';
import type { ProcessState } from '../src/supervisor';

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

describe('the local gateway', () => {
  const servers: Server[] = [];
  let upstreamPort: number;
  let hangingPort: number;

  beforeAll(async () => {
    const upstream = express();
    upstream.get('/api/progress/echo', (req, res) => res.json({ path: req.originalUrl }));
    upstream.get('/metrics', (_req, res) => res.type('text/plain').send('relais_up 1\n'));
    const upstreamServer = createServer(upstream);
    // Accepts the connection and never answers.
    const hanging = createServer(() => undefined);
    servers.push(upstreamServer, hanging);
    upstreamPort = await listen(upstreamServer);
    hangingPort = await listen(hanging);
  });

  afterAll(async () => {
    await Promise.all(servers.map(close));
  });

  async function gatewayFor(upstreams: GatewayUpstream[], upstreamTimeoutMs = 5_000): Promise<string> {
    const server = createServer(createGateway(upstreams, { upstreamTimeoutMs }));
    servers.push(server);
    return `http://127.0.0.1:${await listen(server)}`;
  }

  async function expectProblem(response: Response, status: number, code: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { status: number; code: string; detail: string };
    expect(body).toMatchObject({ status, code });
    expect(body.detail).toEqual(expect.any(String));
  }

  it('passes /api/<service> through with the path unchanged', async () => {
    const url = await gatewayFor([{ name: 'progress', port: upstreamPort }]);
    const response = await fetch(`${url}/api/progress/echo?x=1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: '/api/progress/echo?x=1' });
  });

  it('serves each service’s /metrics at /metrics/<service>, as Prometheus scrapes it in the cluster', async () => {
    const url = await gatewayFor([{ name: 'progress', port: upstreamPort }]);
    const response = await fetch(`${url}/metrics/progress`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('relais_up 1\n');
  });

  it('answers 502 SERVICE_UNREACHABLE when a service that should run refuses the connection', async () => {
    const url = await gatewayFor([{ name: 'stats', port: await closedPort(), state: () => 'running' }]);
    await expectProblem(await fetch(`${url}/api/stats/tables`), 502, 'SERVICE_UNREACHABLE');
  });

  it.each<ProcessState>(['restarting', 'starting'])(
    'answers 503 SERVICE_RESTARTING with Retry-After while the supervisor says %s',
    async (state) => {
      const url = await gatewayFor([{ name: 'stats', port: await closedPort(), state: () => state }]);
      const response = await fetch(`${url}/api/stats/tables`);
      await expectProblem(response, 503, 'SERVICE_RESTARTING');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    },
  );

  it('answers 503 when the process dies between the check and the connection', async () => {
    let calls = 0;
    // Running when the request arrives, restarting by the time the refused connection is reported.
    const state = (): ProcessState => (calls++ === 0 ? 'running' : 'restarting');
    const url = await gatewayFor([{ name: 'stats', port: await closedPort(), state }]);
    await expectProblem(await fetch(`${url}/api/stats/tables`), 503, 'SERVICE_RESTARTING');
  });

  it('answers 504 SERVICE_TIMEOUT when a service does not answer in time', async () => {
    const url = await gatewayFor([{ name: 'feedback', port: hangingPort }], 300);
    await expectProblem(await fetch(`${url}/api/feedback/items`), 504, 'SERVICE_TIMEOUT');
  });

  it('answers 404 ROUTE_NOT_FOUND as problem+json for anything else', async () => {
    const url = await gatewayFor([{ name: 'progress', port: upstreamPort }]);
    await expectProblem(await fetch(`${url}/admin`), 404, 'ROUTE_NOT_FOUND');
    await expectProblem(await fetch(`${url}/api/progressive`), 404, 'ROUTE_NOT_FOUND');
  });
});
