import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import express, { type Express, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ProcessState } from './supervisor';

export interface GatewayUpstream {
  name: string;
  port: number;
  /** What the supervisor knows of the process; without a supervisor, always `running`. */
  state?: () => ProcessState;
}

export interface GatewayOptions {
  host?: string;
  /** An upstream that has not answered within this long is answered 504 (the ingress' read timeout). */
  upstreamTimeoutMs?: number;
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 60_000;
/** Seconds a client should wait before retrying a service that is restarting. */
const RETRY_AFTER_SECONDS = 2;

interface Problem {
  status: 502 | 503 | 504 | 404;
  title: string;
  code: string;
  detail: string;
}

function sendProblem(res: Response | ServerResponse, problem: Problem, retryAfter?: number): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify({ type: 'about:blank', ...problem });
  res.writeHead(problem.status, {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
    ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
  });
  res.end(body);
}

const restarting = (service: string): Problem => ({
  status: 503,
  title: 'Service Unavailable',
  code: 'SERVICE_RESTARTING',
  detail: `relais-${service} is restarting after it stopped; retry in a few seconds.`,
});

const unreachable = (service: string): Problem => ({
  status: 502,
  title: 'Bad Gateway',
  code: 'SERVICE_UNREACHABLE',
  detail: `relais-${service} refused the connection: it is not running. Look at its log lines.`,
});

const timedOut = (service: string, timeoutMs: number): Problem => ({
  status: 504,
  title: 'Gateway Timeout',
  code: 'SERVICE_TIMEOUT',
  detail: `relais-${service} did not answer within ${timeoutMs} ms.`,
});

const isComingBack = (state: ProcessState) => state === 'restarting' || state === 'starting';

class UpstreamTimeout extends Error {
  readonly code = 'RELAIS_UPSTREAM_TIMEOUT';
}

/**
 * What the Kubernetes ingress does, on one machine: `/api/<service>` to that service's process, paths
 * unchanged; and what Prometheus scrapes in the cluster: `/metrics/<service>` is that process' `/metrics`.
 * A service that is down is answered as problem+json with a code, never a proxy's text page: 503 while
 * its supervisor restarts it, 502 when it refuses connections otherwise, 504 when it does not answer.
 */
export function createGateway(upstreams: readonly GatewayUpstream[], options: GatewayOptions = {}): Express {
  const host = options.host ?? '127.0.0.1';
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const gateway = express();
  gateway.disable('x-powered-by');

  for (const upstream of upstreams) {
    const state = upstream.state ?? (() => 'running' as const);
    const proxy = createProxyMiddleware<IncomingMessage, ServerResponse>({
      target: `http://${host}:${upstream.port}`,
      changeOrigin: false,
      pathRewrite: (path) => (path === `/metrics/${upstream.name}` ? '/metrics' : path),
      on: {
        proxyReq: (proxyReq: ClientRequest) => {
          proxyReq.setTimeout(timeoutMs, () => proxyReq.destroy(new UpstreamTimeout()));
        },
        error: (error: Error & { code?: string }, _req, res: ServerResponse | Socket) => {
          if (!('writeHead' in res)) {
            res.destroy();
            return;
          }
          if (error instanceof UpstreamTimeout) sendProblem(res, timedOut(upstream.name, timeoutMs));
          else if (isComingBack(state())) sendProblem(res, restarting(upstream.name), RETRY_AFTER_SECONDS);
          else sendProblem(res, unreachable(upstream.name));
        },
      },
    });
    const route: express.RequestHandler = (req, res, next) => {
      if (isComingBack(state())) {
        sendProblem(res, restarting(upstream.name), RETRY_AFTER_SECONDS);
        return;
      }
      void proxy(req, res, next);
    };
    // Mounted on the full path so that the upstream sees the path unchanged, as behind the ingress.
    gateway.use((req, res, next) => {
      const path = req.path;
      if (path === `/api/${upstream.name}` || path.startsWith(`/api/${upstream.name}/`))
        return route(req, res, next);
      if (path === `/metrics/${upstream.name}` && req.method === 'GET') return route(req, res, next);
      next();
    });
  }

  gateway.use((_req, res) => {
    sendProblem(res, {
      status: 404,
      title: 'Not Found',
      code: 'ROUTE_NOT_FOUND',
      detail: 'Routes are /api/<service>/… and /metrics/<service>.',
    });
  });
  return gateway;
}
