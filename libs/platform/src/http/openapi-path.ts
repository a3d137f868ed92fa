/** Express 5 named parameters: `:id`, `:courseId`. */
const NAMED_PARAMETER = /:([A-Za-z_$][A-Za-z0-9_$]*)/g;

/** Wildcards (`*rest`) and optional groups (`{...}`) have no OpenAPI equivalent. */
const UNREPRESENTABLE = /[*{}()?+]/;

export function pathParameterNames(expressPath: string): string[] {
  return [...expressPath.matchAll(NAMED_PARAMETER)].map((match) => match[1] ?? '');
}

/** `/courses/:id/enrollments` → `/courses/{id}/enrollments`. */
export function toOpenApiPath(expressPath: string): string {
  if (UNREPRESENTABLE.test(expressPath)) {
    throw new TypeError(
      `Route path "${expressPath}" uses Express syntax that OpenAPI cannot describe; use plain segments and :params`,
    );
  }
  return expressPath.replace(NAMED_PARAMETER, '{$1}');
}
