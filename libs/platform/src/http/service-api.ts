import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { badRequest, unsupportedMediaType } from '../errors/problem-factories';
import { RequestValidationError } from '../errors/validation-problem';
import type { RequestPart } from '../errors/validation-problem';
import { allowedMethods, answerUnsupportedMethod, pathTemplateMatcher } from './method-not-allowed';
import { buildOpenApiDocument } from './openapi-document';
import type { DeclaredRoute, OpenApiDocument, ServiceInfo } from './openapi-document';
import { pathParameterNames, toOpenApiPath } from './openapi-path';
import { recordRouteTemplate } from './route-template';
import type {
  HandlerInput,
  HttpMethod,
  RequestSchemas,
  ResponseSpecs,
  RouteDefinition,
} from './route-definition';

const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;

function isStrict(schema: z.ZodObject): boolean {
  return schema.def.catchall?._zod.def.type === 'never';
}

function parsePart(part: RequestPart, schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestValidationError(part, result.error.issues);
  return result.data;
}

function isEmptyBody(body: unknown): boolean {
  return (
    body === undefined ||
    (typeof body === 'object' && body !== null && !Array.isArray(body) && !Object.keys(body).length)
  );
}

function checkBodyMediaType(req: Request, expectsBody: boolean): void {
  // express.json skips bodies of other media types, so a form or text body arrives here unparsed.
  const hasContent = req.get('content-length') !== '0';
  if (hasContent && req.is(['json', '+json']) === false) {
    throw unsupportedMediaType(
      'UNSUPPORTED_MEDIA_TYPE',
      `The request body is ${req.get('content-type') ?? 'of no declared type'}; this API accepts application/json only.`,
    );
  }
  if (!expectsBody && !isEmptyBody(req.body)) {
    throw badRequest('UNEXPECTED_BODY', 'This operation takes no request body; send none.');
  }
}

interface DeclaredResource {
  matches: (path: string) => boolean;
  methods: Set<HttpMethod>;
  /** `Allow` of this resource alone, kept once asked until another method is declared on it. */
  allow?: readonly string[] | undefined;
}

/**
 * The one way services declare routes: the zod schemas given here validate requests (after the
 * route's middleware) and produce the OpenAPI document, so the two cannot drift apart.
 */
export class ServiceApi {
  readonly service: string;
  readonly router: Router;
  private readonly info: ServiceInfo;
  private readonly routes: DeclaredRoute[] = [];
  private document: OpenApiDocument | undefined;
  /** Declared methods per path template, for 405 and OPTIONS answers. */
  private readonly resources = new Map<string, DeclaredResource>();

  constructor(info: ServiceInfo) {
    if (!SERVICE_NAME.test(info.service)) {
      throw new TypeError(
        `Service name "${info.service}" must be lower-case kebab-case (it becomes /api/<service>)`,
      );
    }
    this.info = info;
    this.service = info.service;
    this.router = express.Router();
    // First on the router, so that an undeclared method is answered before any guard or validation.
    this.router.use(answerUnsupportedMethod((path) => this.allowedMethodsAt(path)));
  }

  route<R extends RequestSchemas = Record<never, never>, Rs extends ResponseSpecs = ResponseSpecs>(
    definition: RouteDefinition<R, Rs>,
  ): void {
    const declared = this.declare(definition as unknown as RouteDefinition<RequestSchemas, ResponseSpecs>);
    this.routes.push(declared);
    this.document = undefined;
    const resource = this.resources.get(definition.path) ?? {
      matches: pathTemplateMatcher(definition.path),
      methods: new Set<HttpMethod>(),
    };
    resource.methods.add(definition.method);
    resource.allow = undefined;
    this.resources.set(definition.path, resource);
    const routePath = definition.path;
    const recordTemplate: RequestHandler = (req, _res, next) => {
      recordRouteTemplate(req, routePath);
      next();
    };
    this.router[definition.method](
      definition.path,
      recordTemplate,
      ...(definition.middleware ?? []),
      this.handlerFor(declared),
    );
  }

  openApiDocument(): OpenApiDocument {
    this.document ??= buildOpenApiDocument(this.info, this.routes);
    return this.document;
  }

  /**
   * What a path answers, from the declarations alone; undefined for a path no route declares (404).
   * Overlapping templates (`/courses/:id`, `/courses/mine`) pool their methods, as Express would route them.
   */
  private allowedMethodsAt(path: string): readonly string[] | undefined {
    // Asked on every request: the usual single match answers its list computed once.
    let first: DeclaredResource | undefined;
    let pooled: HttpMethod[] | undefined;
    for (const resource of this.resources.values()) {
      if (!resource.matches(path)) continue;
      if (first === undefined) first = resource;
      else (pooled ??= [...first.methods]).push(...resource.methods);
    }
    if (first === undefined) return undefined;
    return pooled ? allowedMethods(pooled) : (first.allow ??= allowedMethods(first.methods));
  }

  /** Fails at start-up, not at request time, on declarations that would break validation or docs. */
  private declare(definition: RouteDefinition<RequestSchemas, ResponseSpecs>): DeclaredRoute {
    toOpenApiPath(definition.path);
    if (this.routes.some((route) => route.operationId === definition.operationId)) {
      throw new TypeError(`operationId "${definition.operationId}" is declared twice in ${this.service}`);
    }
    const request: RequestSchemas = { ...definition.request };
    const names = pathParameterNames(definition.path);
    if (request.params) {
      const declaredNames = Object.keys(request.params.shape).sort();
      if (declaredNames.join() !== [...names].sort().join()) {
        throw new TypeError(
          `${definition.operationId}: params schema keys (${declaredNames.join(', ')}) must match the path (${names.join(', ')})`,
        );
      }
    } else if (names.length > 0) {
      // Path parameters must appear in OpenAPI; undeclared ones are plain strings.
      request.params = z.strictObject(Object.fromEntries(names.map((name) => [name, z.string().min(1)])));
    }
    // docs/api.md: unknown request fields are a 400, in the query string too (L2 is enforced at the edge).
    request.query ??= z.strictObject({});
    for (const part of ['query', 'body'] as const) {
      const schema = request[part];
      if (schema instanceof z.ZodObject && !isStrict(schema)) {
        throw new TypeError(
          `${definition.operationId}: the ${part} schema must be strict (z.strictObject) so unknown fields are rejected`,
        );
      }
    }
    return { ...definition, request };
  }

  private handlerFor(route: DeclaredRoute): RequestHandler {
    const { params, query, body } = route.request;
    return async (req: Request, res: Response) => {
      if (params) req.params = parsePart('params', params, req.params) as Request['params'];
      if (query) {
        // Express 5 exposes req.query through a getter; an own property shadows it.
        Object.defineProperty(req, 'query', {
          value: parsePart('query', query, req.query),
          writable: true,
          configurable: true,
          enumerable: true,
        });
      }
      checkBodyMediaType(req, body !== undefined);
      if (body) req.body = parsePart('body', body, req.body);

      const input = {
        params: req.params,
        query: req.query,
        body: req.body,
        req,
        res,
      } as HandlerInput<RequestSchemas>;
      const result = await this.run(route, input);
      if (res.headersSent) return;
      if (!result) {
        res.status(204).end();
        return;
      }
      if (!(result.status in route.responses)) {
        // Our bug, not the caller's: an answer the OpenAPI document does not announce.
        throw new Error(`${route.operationId} answered status ${result.status}, which it does not declare`);
      }
      res.status(result.status);
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      if (result.body === undefined) {
        res.end();
        return;
      }
      const file = route.responses[result.status]?.contentType;
      if (file) {
        if (!Buffer.isBuffer(result.body)) {
          throw new Error(`${route.operationId} answered ${file} without its bytes`);
        }
        res.type(file).send(result.body);
        return;
      }
      res.json(this.serializeResponse(route, result.status, result.body));
    };
  }

  private async run(route: DeclaredRoute, input: HandlerInput<RequestSchemas>) {
    try {
      return await route.handler(input);
    } catch (error) {
      throw this.info.toProblem ? this.info.toProblem(error) : error;
    }
  }

  private serializeResponse(route: DeclaredRoute, status: number, body: unknown): unknown {
    const schema = route.responses[status]?.schema;
    if (!schema) return body;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      // Our bug, not the caller's: becomes a logged 500 with no body details.
      throw new Error(`Response of ${route.operationId} (${status}) does not match its declared schema`);
    }
    return parsed.data;
  }
}
