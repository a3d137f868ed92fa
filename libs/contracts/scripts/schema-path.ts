import { fileURLToPath } from 'node:url';

export const storedSchemaPath = (eventType: string): string =>
  fileURLToPath(new URL(`../schemas/${eventType}.json`, import.meta.url));
