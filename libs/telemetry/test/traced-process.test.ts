import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REGISTER = fileURLToPath(new URL('../src/register.ts', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/traced-server.ts', import.meta.url));
const WAIT_MS = 15_000;

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

/** A minimal OTLP/HTTP (JSON) receiver that keeps every trace export it is sent. */
async function startCollector() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const spans = (): OtlpSpan[] =>
    bodies.flatMap((body) =>
      (
        JSON.parse(body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }
      ).resourceSpans
        .flatMap((resource) => resource.scopeSpans)
        .flatMap((scope) => scope.spans),
    );
  return { server, bodies, spans, port: (server.address() as AddressInfo).port };
}

async function waitFor(condition: () => boolean, failure: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers: { authorization: 'Bearer secret-token', cookie: 'sid=abc' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      )
      .on('error', reject);
  });
}

function attribute(span: OtlpSpan, key: string): unknown {
  const found = span.attributes.find((entry) => entry.key === key);
  return found && Object.values(found.value)[0];
}

describe('telemetry in a real process (register.ts)', () => {
  it('traces express routes through the ESM hook and exports only redacted spans', async () => {
    const collector = await startCollector();
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', REGISTER, FIXTURE], {
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        OTEL_SERVICE_NAME: 'traced-fixture',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collector.port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const stdoutLines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => stdoutLines.push(line));
    try {
      await waitFor(() => stdoutLines.length > 0, `the fixture never printed its port; stderr: ${stderr}`);
      const { port } = JSON.parse(stdoutLines[0] ?? '') as { port: number };

      expect(await get(port, '/items/12345?email=jeanne.martin@example.org')).toBe(200);
      expect(await get(port, '/fail')).toBe(500);
      expect(await get(port, '/healthz')).toBe(200);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);

      const spans = collector.spans();
      const server = spans.filter((span) => attribute(span, 'http.request.method') === 'GET');
      expect(server.map((span) => attribute(span, 'http.route')).sort()).toEqual(['/fail', '/items/:id']);
      expect(spans.some((span) => span.name.includes('request handler'))).toBe(true);

      // The line logged while serving /items/:id names the request's trace and span.
      const served = stdoutLines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line['msg'] === 'item served');
      const itemSpan = server.find((span) => attribute(span, 'http.route') === '/items/:id');
      expect(served).toMatchObject({ level: 'info', service: 'traced-fixture', trace_id: itemSpan?.traceId });
      expect(spans.map((span) => span.spanId)).toContain(served?.['span_id']);

      const exported = collector.bodies.join('\n');
      for (const secret of ['jeanne', 'secret-token', 'sid=abc', '12345', 'url.query', '/healthz']) {
        expect(exported).not.toContain(secret);
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      collector.server.close();
    }
  }, 30_000);
});
