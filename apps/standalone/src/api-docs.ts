import { Router, type Express } from 'express';

/**
 * Swagger UI at /docs, one entry per service's OpenAPI document (standalone mode only).
 * swagger-ui-express is loaded by the first visit to /docs rather than at start-up: every start waited
 * for it, few open the docs (ADR 0022).
 */
export function mountApiDocs(app: Express, services: readonly string[]): void {
  const urls = services.map((service) => ({ url: `/api/${service}/openapi.json`, name: service }));
  const options = { explorer: true, swaggerOptions: { urls } };
  let docs: Promise<Router> | undefined;
  app.use('/docs', (req, res, next) => {
    docs ??= import('swagger-ui-express').then(({ default: swaggerUi }) =>
      Router().use(swaggerUi.serveFiles(undefined, options), swaggerUi.setup(undefined, options)),
    );
    docs.then((router) => router(req, res, next), next);
  });
}
