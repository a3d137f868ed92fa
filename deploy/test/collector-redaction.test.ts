import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { freePort } from '@relais/testing';
import { collectorBinary } from './support/collector';
import { repositoryRoot } from './support/paths';

// The first run on a machine builds the collector from its Go modules (several minutes).
const FIRST_BUILD_TIMEOUT_MS = 900_000;

interface CollectorConfig {
  processors: Record<string, unknown>;
  service: { pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }> };
}

type Attribute = { key: string; value: { stringValue?: string } };
const attribute = (key: string, value: string): Attribute => ({ key, value: { stringValue: value } });
const valueOf = (attributes: Attribute[] | undefined, key: string) =>
  attributes?.find((candidate) => candidate.key === key)?.value.stringValue;
const keysOf = (attributes: Attribute[] | undefined) => (attributes ?? []).map(({ key }) => key).sort();

const RESOURCE = [
  attribute('service.name', 'relais-feedback'),
  attribute('service.version', '0.1.0'),
  attribute('deployment.environment.name', 'prod'),
];

/**
 * What a service could send the day an instrumentation records too much, as OTLP/JSON: a span with
 * a URL holding a user id and a person's email, an exception event whose message names that person,
 * and a log record with a free-text message attribute.
 */
const traces = {
  resourceSpans: [
    {
      resource: { attributes: RESOURCE },
      scopeSpans: [
        {
          scope: { name: '@relais/test' },
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              name: 'POST /api/feedback/items',
              kind: 2,
              startTimeUnixNano: '1765097000000000000',
              endTimeUnixNano: '1765097000100000000',
              attributes: [
                attribute('http.route', '/api/feedback/items/:id'),
                attribute('url.path', '/api/feedback/items/cacf94b7-3fc8-5222-bb0e-7d80da771549'),
                attribute('enduser.id', 'cacf94b7-3fc8-5222-bb0e-7d80da771549'),
                attribute('db.statement', 'find {"email":"camille.martin@ac-lyon.fr"}'),
              ],
              events: [
                {
                  name: 'exception',
                  timeUnixNano: '1765097000050000000',
                  attributes: [
                    attribute('exception.type', 'ValidationError'),
                    attribute('exception.message', 'no trainer named camille.martin@ac-lyon.fr'),
                    attribute('exception.stacktrace', 'at school 0690001A'),
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

const logs = {
  resourceLogs: [
    {
      resource: { attributes: RESOURCE },
      scopeLogs: [
        {
          scope: { name: '@relais/test' },
          logRecords: [
            {
              timeUnixNano: '1765097000000000000',
              severityText: 'warn',
              body: { stringValue: 'feedback refused' },
              attributes: [
                attribute('level', 'warn'),
                attribute('trace_id', '5b8efff798038103d269b633813fc60c'),
                attribute('message', 'Camille Martin wrote: the trainer is late'),
                attribute('email', 'camille.martin@ac-lyon.fr'),
              ],
            },
          ],
        },
      ],
    },
  ],
};

/**
 * The deployed configuration's processors and pipelines, unchanged, between an OTLP receiver on a free
 * port and a file: only the exporter differs (a file instead of the environment's backend), and the
 * health-check extension is left out (its fixed port may be taken on a shared machine).
 */
function testConfig(port: number, output: string): string {
  const deployed = parse(
    readFileSync(join(repositoryRoot, 'deploy/otel/collector.yaml'), 'utf8'),
  ) as CollectorConfig;
  const pipelines = Object.fromEntries(
    Object.entries(deployed.service.pipelines).map(([name, pipeline]) => [
      name,
      { receivers: ['otlp'], processors: pipeline.processors, exporters: ['file'] },
    ]),
  );
  return stringify({
    receivers: { otlp: { protocols: { http: { endpoint: `127.0.0.1:${port}` } } } },
    processors: deployed.processors,
    exporters: { file: { path: output } },
    service: { pipelines, telemetry: { metrics: { level: 'none' } } },
  });
}

describe('the deployed collector redaction, run by the real collector', () => {
  let collector: ChildProcess | undefined;
  let directory = '';
  let output = '';
  let endpoint = '';
  let exported: { resourceSpans?: unknown[]; resourceLogs?: unknown[] }[] = [];

  beforeAll(async () => {
    const binary = collectorBinary();
    directory = mkdtempSync(join(tmpdir(), 'relais-collector-'));
    output = join(directory, 'exported.jsonl');
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    writeFileSync(join(directory, 'config.yaml'), testConfig(port, output));
    collector = spawn(binary, [`--config=${join(directory, 'config.yaml')}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    collector.stderr?.on('data', (chunk: Buffer) => (log += String(chunk)));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (collector.exitCode !== null) throw new Error(`the collector exited:\n${log}`);
      const ready = await fetch(`${endpoint}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }).catch(() => undefined);
      if (ready?.ok) break;
      if (Date.now() > deadline) throw new Error(`the collector did not listen:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const [path, payload] of [
      ['/v1/traces', traces],
      ['/v1/logs', logs],
    ] as const) {
      const response = await fetch(`${endpoint}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      expect(response.status).toBe(200);
    }
    const deadlineOut = Date.now() + 30_000;
    while (Date.now() < deadlineOut) {
      if (existsSync(output)) {
        exported = readFileSync(output, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { resourceSpans?: unknown[]; resourceLogs?: unknown[] });
        if (exported.some((e) => e.resourceSpans) && exported.some((e) => e.resourceLogs)) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, FIRST_BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (collector && collector.exitCode === null) {
      const exited = once(collector, 'exit');
      collector.kill('SIGTERM');
      await exited;
    }
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  const resourceSpans = () =>
    exported.flatMap(
      (e) =>
        (e.resourceSpans ?? []) as {
          resource: { attributes: Attribute[] };
          scopeSpans: { spans: { attributes: Attribute[]; events: { attributes: Attribute[] }[] }[] }[];
        }[],
    );
  const resourceLogs = () =>
    exported.flatMap(
      (e) =>
        (e.resourceLogs ?? []) as {
          resource: { attributes: Attribute[] };
          scopeLogs: { logRecords: { attributes: Attribute[] }[] }[];
        }[],
    );

  it('keeps the resource attributes that say which service sent the data', () => {
    const [spans] = resourceSpans();
    expect(valueOf(spans?.resource.attributes, 'service.name')).toBe('relais-feedback');
    expect(valueOf(spans?.resource.attributes, 'service.version')).toBe('0.1.0');
    const [records] = resourceLogs();
    expect(valueOf(records?.resource.attributes, 'service.name')).toBe('relais-feedback');
  });

  it('drops span attributes off the allow-list and masks an email on an allowed one', () => {
    const span = resourceSpans()[0]?.scopeSpans[0]?.spans[0];
    expect(keysOf(span?.attributes)).toEqual(['db.statement', 'http.route']);
    expect(valueOf(span?.attributes, 'db.statement')).not.toContain('camille.martin@ac-lyon.fr');
  });

  it('redacts span events: the exception message goes, a UAI code in the stack trace is masked', () => {
    const event = resourceSpans()[0]?.scopeSpans[0]?.spans[0]?.events[0];
    expect(keysOf(event?.attributes)).toEqual(['exception.stacktrace', 'exception.type']);
    expect(valueOf(event?.attributes, 'exception.stacktrace')).not.toContain('0690001A');
  });

  it('redacts log records with the same allow-list', () => {
    const record = resourceLogs()[0]?.scopeLogs[0]?.logRecords[0];
    expect(keysOf(record?.attributes)).toEqual(['level', 'trace_id']);
    expect(JSON.stringify(exported)).not.toContain('camille.martin@ac-lyon.fr');
    expect(JSON.stringify(exported)).not.toContain('Camille Martin');
  });
});

describe('the deployed collector configuration', () => {
  it(
    'passes the collector’s own validation, unchanged (misspelt keys and unknown components fail it)',
    () => {
      const config = join(repositoryRoot, 'deploy/otel/collector.yaml');
      expect(() =>
        execFileSync(collectorBinary(), ['validate', `--config=${config}`], {
          env: { ...process.env, RELAIS_TELEMETRY_BACKEND: 'http://127.0.0.1:4318' },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      ).not.toThrow();
    },
    FIRST_BUILD_TIMEOUT_MS,
  );
});
