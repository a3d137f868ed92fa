/**
 * Stores the JSON Schema of every contract that has none yet. It never overwrites a stored schema:
 * a stored schema is a promise to consumers, and a breaking change is a new major (a new type).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { allContracts, jsonSchemaOf } from '../src/index';
import { storedSchemaPath } from './schema-path';

for (const contract of allContracts) {
  const path = storedSchemaPath(contract.type);
  if (existsSync(path)) continue;
  writeFileSync(path, `${JSON.stringify(jsonSchemaOf(contract), null, 2)}\n`);
  console.log(`stored ${path}`);
}
