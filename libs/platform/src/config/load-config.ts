import type { z } from 'zod';
import { ConfigError } from './config-error';
import type { ConfigProblem } from './config-error';

type Environment = Record<string, string | undefined>;

/** `.describe()` may sit on an outer wrapper (`.default()`, `.optional()`) or on the inner schema. */
function expectationOf(schema: z.ZodType | undefined): string {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if (current.description) return current.description;
    const inner: unknown = (current.def as { innerType?: unknown; in?: unknown }).innerType ?? undefined;
    current = inner as z.ZodType | undefined;
  }
  return 'see the service documentation';
}

/** Only the variables the schema knows, with empty strings treated as unset (as `FOO=` in a manifest). */
function pickVariables(keys: readonly string[], env: Environment): Environment {
  return Object.fromEntries(keys.map((key) => [key, env[key] === '' ? undefined : env[key]]));
}

/**
 * Parses the environment once at start-up. Fails with every problem at once, one per line, so an
 * operator fixes a manifest in one go instead of one crash loop per variable.
 */
export function loadConfig<Schema extends z.ZodObject>(
  schema: Schema,
  env: Environment = process.env,
): z.output<Schema> {
  const keys = Object.keys(schema.shape);
  const input = pickVariables(keys, env);
  const result = schema.safeParse(input);
  if (result.success) return result.data;

  const problems = new Map<string, ConfigProblem>();
  for (const issue of result.error.issues) {
    const variable = String(issue.path[0] ?? '(configuration)');
    if (problems.has(variable)) continue;
    problems.set(variable, {
      variable,
      problem: input[variable] === undefined ? 'missing' : issue.message,
      expected: expectationOf(schema.shape[variable] as z.ZodType | undefined),
    });
  }
  throw new ConfigError([...problems.values()]);
}
