import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { freePort, services, type ServiceEntry } from '@relais/host';
import { createGateway } from '../src/gateway';
import { localServiceEnv } from '../src/local-service-env';
import { serviceProcesses } from '../src/service-processes';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

async function listen(server: Server, port = 0): Promise<number> {
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('a sixth service added to the registry, in the local cluster', () => {
  const servers: Server[] = [];
  let notices: ServiceEntry;
  let infraHome: string;

  beforeAll(async () => {
    notices = {
      name: 'notices',
      port: await freePort('127.0.0.1'),
      writes: [],
      reads: [],
      secretEnv: { NOTICES_KEY: 'relais-notices-key' },
    };
    infraHome = mkdtempSync(join(tmpdir(), 'relais-registry-'));
  });

  afterAll(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(infraHome, { recursive: true, force: true });
  });

  it('is started as its own process, from services/<name>/src/main.ts, on its port', () => {
    const processes = serviceProcesses(undefined, [...services, notices]);
    expect(processes.map(({ name }) => name)).toEqual([...services.map(({ name }) => name), 'notices']);
    expect(processes.at(-1)).toEqual({
      name: 'notices',
      port: notices.port,
      entry: join(repositoryRoot, 'services/notices/src/main.ts'),
    });
  });

  it('gets its secrets, generated once per machine beside the local infrastructure', () => {
    const env = localServiceEnv({ RELAIS_INFRA_HOME: infraHome }, [...services, notices]);
    expect(env['NOTICES_KEY']).toMatch(/^[\w-]{43}$/);
    expect(readFileSync(join(infraHome, 'notices-key'), 'utf8')).toBe(env['NOTICES_KEY']);
    expect(localServiceEnv({ RELAIS_INFRA_HOME: infraHome }, [notices])['NOTICES_KEY']).toBe(
      env['NOTICES_KEY'],
    );
  });

  it('is behind the gateway at /api/<name>', async () => {
    const upstream = express();
    upstream.get('/api/notices/me/notices', (req, res) => res.json({ path: req.originalUrl }));
    const upstreamServer = createServer(upstream);
    servers.push(upstreamServer);
    await listen(upstreamServer, notices.port);
    const gatewayServer = createServer(createGateway(serviceProcesses(undefined, [...services, notices])));
    servers.push(gatewayServer);
    const gateway = `http://127.0.0.1:${await listen(gatewayServer)}`;

    const response = await fetch(`${gateway}/api/notices/me/notices`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: '/api/notices/me/notices' });
  });
});
