import { fr } from '../i18n/fr';

export interface FieldProblem {
  in: 'body' | 'query' | 'params';
  path: string;
  message: string;
}

/** An API refusal, kept as the problem+json document said it: the portal speaks by `code`, never by `detail`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fieldProblems: readonly FieldProblem[] = [],
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }

  /** The body fields the API refused, by dotted path: forms show the sentence next to the field. */
  fields(): string[] {
    return this.fieldProblems.filter((problem) => problem.in === 'body').map((problem) => problem.path);
  }
}

/** The request never got an answer (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

function isProblem(body: unknown): body is { code: string; errors?: FieldProblem[] } {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isProblem(body)) return new ApiError(status, body.code, body.errors ?? []);
  return new ApiError(status, `HTTP_${status}`);
}

/** One French sentence a person can act on, for whatever a request threw. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return fr.errors.network;
  if (error instanceof ApiError) {
    return fr.errors.byCode[error.code] ?? fr.errors.byStatus[error.status] ?? fr.errors.fallback;
  }
  return fr.errors.fallback;
}
