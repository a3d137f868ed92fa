import { once } from 'node:events';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as OTLP/HTTP JSON carries it, with the `service.name` of the process that sent it. */
export interface ReceivedSpan {
  service: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
  events?: Array<{ name: string; attributes?: Array<{ key: string; value: Record<string, unknown> }> }>;
  /** Other spans this one follows from, e.g. the messages of a batch after the first. */
  links?: Array<{ traceId: string; spanId: string }>;
}

interface ExportRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: Record<string, unknown> }> };
    scopeSpans?: Array<{ spans?: Array<Omit<ReceivedSpan, 'service'>> }>;
  }>;
}

export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT is set to. */
  url: string;
  /**
   * The raw export bodies, to search for values that must never leave a process. `path` is where
   * they were posted: `/v1/traces` by default, or another path of the same receiver.
   */
  bodies(path?: string): string[];
  spans(path?: string): ReceivedSpan[];
  close(): Promise<void>;
}

const TRACES = '/v1/traces';

export function attributeOf(span: Pick<ReceivedSpan, 'attributes'>, key: string): unknown {
  const found = span.attributes.find((entry) => entry.key === key);
  return found && Object.values(found.value)[0];
}

/**
 * A minimal OTLP/HTTP receiver (JSON encoding, what @opentelemetry/exporter-trace-otlp-http sends)
 * that keeps every trace export in memory: the collector of tests that look at real processes' spans.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: Array<{ path: string; body: string }> = [];
  const server: Server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url?.endsWith('/v1/traces'))
        received.push({ path: req.url, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const bodies = (path = TRACES) => received.filter((entry) => entry.path === path).map(({ body }) => body);
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    spans: (path = TRACES) =>
      bodies(path).flatMap((body) =>
        ((JSON.parse(body) as ExportRequest).resourceSpans ?? []).flatMap((resource) => {
          const service = String(
            attributeOf({ attributes: resource.resource?.attributes ?? [] }, 'service.name'),
          );
          return (resource.scopeSpans ?? []).flatMap((scope) =>
            (scope.spans ?? []).map((span) => ({ ...span, service })),
          );
        }),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
