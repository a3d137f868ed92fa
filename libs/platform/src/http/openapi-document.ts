import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../errors/error-handler';
import { problemSchema } from './problem-schema';
import { toOpenApiPath } from './openapi-path';
import type { RequestSchemas, ResponseSpecs, RouteDefinition } from './route-definition';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export interface ServiceInfo {
  service: string;
  title: string;
  version: string;
  description?: string;
  /**
   * Turns what a handler throws (use-case outcomes) into a Problem; whatever it returns unchanged
   * reaches the error handler as is (a 500 for anything unknown). One mapping per service, not per route.
   */
  toProblem?: (error: unknown) => unknown;
}

export type DeclaredRoute = RouteDefinition<RequestSchemas, ResponseSpecs> & { request: RequestSchemas };

const BEARER_SCHEME = 'bearerAuth';

/** What every Relais API does beyond its operations; a generated client must know it too. */
const HTTP_CONVENTIONS =
  'Every answer carries `Cache-Control: no-store`. A path answers HEAD where it answers GET, and ' +
  'OPTIONS with 204 and an `Allow` header; any other method it does not list answers 405 ' +
  '`METHOD_NOT_ALLOWED` with `Allow`. Query parameters and body fields that an operation does not ' +
  'list are refused with 400 `UNKNOWN_FIELDS`; an empty query value (`?name=`) is a value, checked ' +
  'against its schema like any other.';

const NO_STORE_HEADER = {
  'Cache-Control': {
    description: 'Personal data is never cached (docs/design.md §5)',
    required: true,
    schema: { type: 'string' as const, enum: ['no-store'] },
  },
};

// What z.uuid() accepts (RFC 9562 versions and variant, nil and max); `format: uuid` alone allows more.
const UUID_PATTERN = z.regexes.uuid().source;

/** Problems every route can answer with even when its author did not list them. */
function implicitProblemStatuses(route: DeclaredRoute): number[] {
  const { params, query, body } = route.request;
  const statuses = [500];
  if (params || query || body) statuses.push(400);
  if (body) statuses.push(413, 415);
  if (route.secured !== false) statuses.push(401, 403);
  return statuses.filter((status) => !(status in route.responses));
}

function implicitDescription(status: number): string {
  if (status === 400) {
    return 'A value outside its schema (VALIDATION_FAILED), or a query parameter or body field this operation does not list (UNKNOWN_FIELDS).';
  }
  return STATUS_CODES[status] ?? 'Error';
}

/** Adds the pattern z.uuid() enforces to every `format: uuid` string, in place. */
function stateUuidPatterns(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(stateUuidPatterns);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  if (schema.format === 'uuid' && schema.type === 'string' && schema.pattern === undefined) {
    schema.pattern = UUID_PATTERN;
  }
  Object.values(schema).forEach(stateUuidPatterns);
}

function responsesOf(route: DeclaredRoute, problem: typeof problemSchema): RouteConfig['responses'] {
  const responses: RouteConfig['responses'] = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const isProblem = Number(status) >= 400;
    const content = isProblem
      ? { [PROBLEM_CONTENT_TYPE]: { schema: problem } }
      : spec.contentType
        ? { [spec.contentType]: { schema: { type: 'string' as const, format: 'binary' } } }
        : spec.schema && { 'application/json': { schema: spec.schema } };
    responses[status] = {
      description: spec.description,
      headers: NO_STORE_HEADER,
      ...(content ? { content } : {}),
    };
  }
  for (const status of implicitProblemStatuses(route)) {
    responses[String(status)] = {
      description: implicitDescription(status),
      headers: NO_STORE_HEADER,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problem } },
    };
  }
  return responses;
}

/** Builds the OpenAPI 3.1 document from the very schemas that validate requests. */
export function buildOpenApiDocument(info: ServiceInfo, routes: readonly DeclaredRoute[]): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  const problem = registry.register('Problem', problemSchema);
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Access token issued by the Keycloak realm "relais"',
  });
  for (const route of routes) {
    const { params, query, body } = route.request;
    registry.registerPath({
      method: route.method,
      path: toOpenApiPath(route.path),
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.tags ? { tags: route.tags } : {}),
      ...(route.secured !== false ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
      request: {
        ...(params ? { params } : {}),
        ...(query ? { query } : {}),
        ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
      },
      responses: responsesOf(route, problem),
    });
  }
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description: info.description ? `${info.description}\n\n${HTTP_CONVENTIONS}` : HTTP_CONVENTIONS,
    },
    servers: [{ url: `/api/${info.service}` }],
  });
  stateUuidPatterns(document.paths);
  return document;
}
