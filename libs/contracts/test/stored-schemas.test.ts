import { existsSync, readFileSync } from 'node:fs';
import { allContracts, breakingChanges, jsonSchemaOf, type JsonSchema } from '../src/index';
import { storedSchemaPath } from '../scripts/schema-path';

describe('stored JSON Schemas (schema evolution)', () => {
  it.each(allContracts.map((contract) => [contract.type, contract] as const))(
    '%s has a stored schema and the current one does not break it',
    (type, contract) => {
      const path = storedSchemaPath(type);
      expect({ type, stored: existsSync(path) }).toEqual({ type, stored: true });
      const stored = JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
      expect(breakingChanges(stored, jsonSchemaOf(contract))).toEqual([]);
    },
  );
});

describe('breakingChanges', () => {
  const stored: JsonSchema = {
    type: 'object',
    properties: {
      courseId: { type: 'string' },
      status: { type: 'string', enum: ['open', 'closed'] },
      trainers: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      },
      note: { type: 'string' },
    },
    required: ['courseId', 'status', 'trainers'],
    additionalProperties: false,
  };

  it('accepts an unchanged schema', () => {
    expect(breakingChanges(stored, structuredClone(stored))).toEqual([]);
  });

  it('accepts a new optional property', () => {
    const current = structuredClone(stored);
    current.properties = { ...current.properties, themes: { type: 'array', items: { type: 'string' } } };
    expect(breakingChanges(stored, current)).toEqual([]);
  });

  it('rejects a removed property', () => {
    const current = structuredClone(stored);
    delete current.properties?.['note'];
    expect(breakingChanges(stored, current)).toEqual(['$.note: removed']);
  });

  it('rejects a new required property', () => {
    const current = structuredClone(stored);
    current.properties = { ...current.properties, themes: { type: 'string' } };
    current.required = [...(current.required ?? []), 'themes'];
    expect(breakingChanges(stored, current)).toEqual(['$.themes: became required']);
  });

  it('rejects a required property made optional', () => {
    const current = structuredClone(stored);
    current.required = ['courseId', 'trainers'];
    expect(breakingChanges(stored, current)).toEqual(['$.status: no longer required']);
  });

  it('rejects a changed type, a changed enum and a nested change', () => {
    const current = structuredClone(stored);
    current.properties!['courseId'] = { type: 'number' };
    current.properties!['status'] = { type: 'string', enum: ['open'] };
    current.properties!['trainers']!.items!.properties!['name'] = { type: 'integer' };
    expect(breakingChanges(stored, current)).toEqual([
      '$.courseId: "type" changed',
      '$.status: "enum" changed',
      '$.trainers[].name: "type" changed',
    ]);
  });
});
