import { z } from 'zod';
import type { EventContract } from './contract';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  [keyword: string]: unknown;
};

export function jsonSchemaOf(contract: EventContract): JsonSchema {
  return z.toJSONSchema(contract.schema, { target: 'draft-2020-12' }) as JsonSchema;
}

/**
 * Why a new schema would break consumers of the stored one (docs/design.md §4: add optional fields only).
 * Breaking: a property removed, a property made required, a type or enum changed, a constraint
 * tightened or loosened (consumers may rely on it either way). Allowed: a new optional property.
 */
export function breakingChanges(stored: JsonSchema, current: JsonSchema, path = '$'): string[] {
  const problems: string[] = [];
  const { properties: storedProps, required: storedRequired, ...storedRest } = stored;
  const { properties: currentProps, required: currentRequired, ...currentRest } = current;

  for (const keyword of new Set([...Object.keys(storedRest), ...Object.keys(currentRest)])) {
    if (keyword === 'items' || keyword === 'anyOf') continue;
    if (JSON.stringify(storedRest[keyword]) !== JSON.stringify(currentRest[keyword])) {
      problems.push(`${path}: "${keyword}" changed`);
    }
  }
  if (stored.items || current.items) {
    if (!stored.items || !current.items) problems.push(`${path}: array items changed`);
    else problems.push(...breakingChanges(stored.items, current.items, `${path}[]`));
  }
  if (stored.anyOf || current.anyOf) {
    const storedAlternatives = stored.anyOf ?? [];
    const currentAlternatives = current.anyOf ?? [];
    if (storedAlternatives.length !== currentAlternatives.length)
      problems.push(`${path}: alternatives changed`);
    else
      storedAlternatives.forEach((alternative, index) =>
        problems.push(...breakingChanges(alternative, currentAlternatives[index] ?? {}, `${path}|${index}`)),
      );
  }

  const wasRequired = new Set(storedRequired ?? []);
  for (const [name, storedProperty] of Object.entries(storedProps ?? {})) {
    const currentProperty = currentProps?.[name];
    if (!currentProperty) {
      problems.push(`${path}.${name}: removed`);
      continue;
    }
    problems.push(...breakingChanges(storedProperty, currentProperty, `${path}.${name}`));
  }
  for (const name of currentRequired ?? []) {
    if (!wasRequired.has(name)) problems.push(`${path}.${name}: became required`);
  }
  for (const name of wasRequired) {
    if (!(currentRequired ?? []).includes(name)) problems.push(`${path}.${name}: no longer required`);
  }
  return problems;
}
