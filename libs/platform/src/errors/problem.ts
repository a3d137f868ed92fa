import { STATUS_CODES } from 'node:http';

/** Base of every problem `type` URI: one stable, documented page per code (RFC 9457 §3.1.1). */
export const PROBLEM_TYPE_BASE = 'https://relais.example/problems/';

const STABLE_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** `ENROLLMENT_NOT_FOUND` → `https://relais.example/problems/enrollment-not-found`. */
export function problemTypeUri(code: string): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replaceAll('_', '-');
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extension: string]: unknown;
}

export interface ProblemInit {
  status: number;
  code: string;
  detail: string;
  /** Defaults to the HTTP reason phrase of `status`. */
  title?: string;
  /** Extra members of the problem document, e.g. `errors`. */
  extensions?: Record<string, unknown>;
  /** Response headers that belong to the problem, e.g. `Retry-After`. */
  headers?: Record<string, string>;
}

const RESERVED_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code']);

/**
 * An error that is meant to reach the client as an RFC 9457 problem document.
 * Its `detail` is shown to the caller, so it must say what to do and never carry personal data
 * of anyone but the caller's own input.
 */
export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: ProblemInit) {
    super(init.detail);
    if (!Number.isInteger(init.status) || init.status < 400 || init.status > 599) {
      throw new TypeError(`A problem status must be an HTTP error status (400-599), got ${init.status}`);
    }
    if (!STABLE_CODE.test(init.code)) {
      throw new TypeError(`A problem code must be UPPER_SNAKE_CASE, got "${init.code}"`);
    }
    const reserved = Object.keys(init.extensions ?? {}).filter((key) => RESERVED_MEMBERS.has(key));
    if (reserved.length > 0) {
      throw new TypeError(`Problem extensions may not redefine ${reserved.join(', ')}`);
    }
    this.name = 'Problem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? STATUS_CODES[init.status] ?? 'Error';
    this.detail = init.detail;
    this.extensions = init.extensions ?? {};
    this.headers = init.headers ?? {};
  }

  get type(): string {
    return problemTypeUri(this.code);
  }

  toJSON(): ProblemDocument {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...this.extensions,
    };
  }
}

export function isProblem(error: unknown): error is Problem {
  return error instanceof Problem;
}
