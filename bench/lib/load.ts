import autocannon from 'autocannon';

export interface LoadShape {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  headers?: Record<string, string>;
  /** Bodies sent in turn on each connection (one request per body, then again). */
  bodies?: string[];
  /** The Authorization header of each body, when they differ (two callers taking turns). */
  authorizations?: string[];
  connections?: number;
  seconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  overallRate?: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx plus socket errors and timeouts: a run with any measures nothing. */
  failures: number;
}

/** autocannon against one URL, 10 connections by default (an operator's first try). */
export async function load(shape: LoadShape): Promise<LoadFigures> {
  const method = shape.method ?? 'GET';
  const headers = { ...shape.headers, ...(shape.bodies ? { 'content-type': 'application/json' } : {}) };
  const result = await autocannon({
    url: shape.url,
    connections: shape.connections ?? 10,
    duration: shape.seconds,
    ...(shape.overallRate === undefined ? {} : { overallRate: Math.max(1, Math.round(shape.overallRate)) }),
    ...(shape.bodies
      ? {
          requests: shape.bodies.map((body) => ({
            method,
            path: new URL(shape.url).pathname,
            headers,
            body,
          })),
        }
      : { method, headers }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Saturation, then p99 at half of it: the two shapes of docs/design.md §8's HTTP target. */
export async function saturateThenHalf(
  shape: Omit<LoadShape, 'overallRate' | 'seconds'>,
  seconds: number,
): Promise<{ saturated: LoadFigures; half: LoadFigures }> {
  // Warms the JIT, the connection pool and the key cache; not counted.
  await load({ ...shape, seconds: Math.max(1, Math.round(seconds / 4)) });
  const saturated = await load({ ...shape, seconds });
  const half = await load({ ...shape, seconds, overallRate: saturated.requestsPerSecond / 2 });
  return { saturated, half };
}
