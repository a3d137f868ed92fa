import express, { type Express } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ServiceProcess } from './service-processes';

/**
 * What the Kubernetes ingress does, on one machine: `/api/<service>` to that service's process,
 * paths unchanged. Nothing else is routed.
 */
export function createGateway(services: readonly ServiceProcess[], host = '127.0.0.1'): Express {
  const gateway = express();
  gateway.disable('x-powered-by');
  for (const service of services) {
    gateway.use(
      createProxyMiddleware({
        target: `http://${host}:${service.port}`,
        pathFilter: `/api/${service.name}`,
        changeOrigin: false,
      }),
    );
  }
  gateway.use((_req, res) => {
    res.status(404).type('application/problem+json').json({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      detail: 'Routes are /api/<service>/…',
    });
  });
  return gateway;
}
