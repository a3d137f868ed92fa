import { z } from 'zod';

/**
 * Field helpers for config schemas. Each carries a default description (what is expected), which
 * `loadConfig` prints when the variable is missing or wrong; pass a more specific one when useful.
 */

export function portNumber(description = 'a TCP port number between 1 and 65535') {
  return z
    .string()
    .regex(/^\d+$/, 'not a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'below 1').max(65535, 'above 65535'))
    .describe(description);
}

export function commaSeparatedList(description = 'a comma-separated list of values') {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .pipe(z.array(z.string()).min(1, 'an empty list'))
    .describe(description);
}

export function url(description = 'an absolute URL such as https://host:port/path') {
  return z.url({ message: 'not an absolute URL' }).describe(description);
}

export function oneOf<const Values extends readonly [string, ...string[]]>(
  values: Values,
  description?: string,
) {
  return z
    .enum(values, { message: `not one of ${values.join(', ')}` })
    .describe(description ?? `one of: ${values.join(', ')}`);
}

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];

export function booleanFlag(description = 'true or false') {
  return z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.enum([...TRUE_WORDS, ...FALSE_WORDS], { message: 'not true/false (or 1/0, yes/no, on/off)' }))
    .transform((value) => TRUE_WORDS.includes(value))
    .describe(description);
}
