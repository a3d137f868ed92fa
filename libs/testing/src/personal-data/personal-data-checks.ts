import type { PersonalDataDeclaration, PersonalDataExport, PersonalDataKind } from '@relais/platform';

/**
 * Stored fields a kind neither exports nor explains. A test passes the paths of the stored schema
 * (a mongoose schema's `Object.keys(schema.paths)`, or a record's keys): a field added to the store
 * without a decision about it comes out here. Sub-paths ("replies.0.text") count by their first
 * segment, which is what the declaration classifies.
 */
export function unclassifiedStoredFields(kind: PersonalDataKind, storedPaths: readonly string[]): string[] {
  const topLevel = new Set(storedPaths.map((path) => path.split('.')[0] ?? path));
  return [...topLevel].filter(
    (field) => !Object.hasOwn(kind.fields, field) && !Object.hasOwn(kind.notPersonal ?? {}, field),
  );
}

/**
 * What an export of a person who used every feature of the service lacks: a declared kind with no
 * record, or a declared field that no record carries. Empty when the export is complete.
 */
export function gapsInExport(declaration: PersonalDataDeclaration, exported: PersonalDataExport): string[] {
  return declaration.kinds.flatMap((kind) => {
    const records = exported.kinds.find((candidate) => candidate.kind === kind.kind)?.records ?? [];
    if (records.length === 0) return [`${kind.kind}: no record`];
    return Object.keys(kind.fields)
      .filter((field) => !records.some((record) => record[field] !== undefined))
      .map((field) => `${kind.kind}.${field}: in no record`);
  });
}

/** Where a value (an id, a name) occurs in an export: how a test proves another person's data is not there. */
export function exportMentions(exported: PersonalDataExport, value: string): boolean {
  return JSON.stringify(exported.kinds.map((kind) => kind.records)).includes(value);
}
