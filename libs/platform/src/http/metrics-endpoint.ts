import type { RequestHandler } from 'express';

/** Whatever renders the process's metrics in Prometheus text format (see @relais/telemetry). */
export interface MetricsEndpoint {
  contentType: string;
  collect(): Promise<string>;
}

export const PROMETHEUS_TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const NO_METRICS: MetricsEndpoint = {
  contentType: PROMETHEUS_TEXT_CONTENT_TYPE,
  collect: async () => '',
};

export function metricsHandler(metrics: MetricsEndpoint = NO_METRICS): RequestHandler {
  return async (_req, res) => {
    const text = await metrics.collect();
    res.status(200).setHeader('Cache-Control', 'no-store').type(metrics.contentType).send(text);
  };
}
