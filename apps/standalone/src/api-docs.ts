import type { Express } from 'express';
import swaggerUi from 'swagger-ui-express';

/** Swagger UI at /docs, one entry per service's OpenAPI document (standalone mode only). */
export function mountApiDocs(app: Express, services: readonly string[]): void {
  const urls = services.map((service) => ({ url: `/api/${service}/openapi.json`, name: service }));
  const options = { explorer: true, swaggerOptions: { urls } };
  app.use('/docs', swaggerUi.serveFiles(undefined, options), swaggerUi.setup(undefined, options));
}
