const MASK = '?';

/** Keeps the shape of a database command (keys, operators, nesting) and replaces every value by '?'. */
export function maskValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValues);
  if (value !== null && typeof value === 'object' && !isLeafObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskValues(inner)]));
  }
  return MASK;
}

/** ObjectId, Date, Buffer, Decimal128…: values that happen to be objects. */
function isLeafObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype !== Object.prototype && prototype !== null;
}

/** For statements already serialised: JSON keeps its shape; anything else loses literals. */
export function maskStatement(statement: string): string {
  try {
    return JSON.stringify(maskValues(JSON.parse(statement)));
  } catch {
    return statement.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\b\d+(?:\.\d+)?\b/g, MASK);
  }
}
