import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** The body schema; a returned body is parsed through it, so fields it does not list never leave. */
  schema?: z.ZodType;
  /**
   * A file rather than JSON, e.g. `application/pdf`: the handler returns its bytes (a Buffer) as `body`,
   * sent as they are with this media type and documented as binary.
   */
  contentType?: string;
}

export type ResponseSpecs = { [status: number]: ResponseSpec };

export interface RequestSchemas {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
}

type ParamsOf<R> = R extends { params: infer P extends z.ZodObject } ? z.output<P> : Record<string, string>;
type QueryOf<R> = R extends { query: infer Q extends z.ZodObject } ? z.output<Q> : Record<string, unknown>;
type BodyOf<R> = R extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;

export interface HandlerInput<R> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  req: Request;
  res: Response;
}

/**
 * What a handler returns. Checked when the route answers, not by the compiler: TypeScript widens
 * literals in a handler's return value (`201` → number, `'closed'` → string) while it is still
 * inferring the route's types, so a typed status or body would reject correct code. At run time
 * `status` must be one of the declared responses and `body` is parsed through that response's
 * schema (fields it does not list are stripped); a mismatch is our bug and answers 500.
 */
export type HandlerResult<_Rs extends ResponseSpecs = ResponseSpecs> =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  // The handler already answered (e.g. streamed CSV), or there is nothing to say (204).
  | undefined
  | void;

export interface RouteDefinition<R extends RequestSchemas, Rs extends ResponseSpecs> {
  method: HttpMethod;
  /** Express 5 path relative to the service mount point, e.g. `/courses/:id/enrollments`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Defaults to true: the operation requires a bearer token (documented in OpenAPI). */
  secured?: boolean;
  /** Run before validation: authentication, role guards. */
  middleware?: RequestHandler[];
  request?: R;
  responses: Rs;
  handler: (input: HandlerInput<R>) => Promise<HandlerResult<Rs>> | HandlerResult<Rs>;
}
