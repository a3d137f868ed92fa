import type { SchemaOptions } from 'mongoose';

/**
 * Every Relais schema is closed: a field that the schema does not declare cannot be written or
 * queried. This is how "no such field exists anywhere" (L2) holds in the stores.
 */
export const closedSchemaOptions = {
  strict: 'throw',
  strictQuery: 'throw',
  versionKey: false,
  minimize: false,
} as const satisfies SchemaOptions;
