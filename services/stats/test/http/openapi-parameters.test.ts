import { createInMemoryStatsService } from '../../src/index';
import { everyTestPeriodPublished } from '../support/facts';

/**
 * Issue 15 point 11(a): the document states every rule the server applies to a query, so that a
 * client generated from it (or a property-based tester) never sends a schema-valid request that the
 * server refuses.
 */
const service = createInMemoryStatsService({
  verifier: { verify: async () => Promise.reject(new Error('not used')) },
  minimumCount: 11,
  publication: everyTestPeriodPublished,
});
type Parameter = { name: string; in: string; required?: boolean; schema: Record<string, unknown> };
const parametersOf = (path: string): Parameter[] => {
  const document = service.api.openApiDocument() as unknown as {
    paths: Record<string, { get: { parameters: Parameter[] } }>;
  };
  return document.paths[path]?.get.parameters ?? [];
};
const schemaOf = (path: string, name: string) =>
  parametersOf(path).find((parameter) => parameter.name === name)?.schema ?? {};

describe('the stats OpenAPI document states what the server enforces', () => {
  it.each([
    [
      '/ministry/enrollments',
      'period',
      ['2026-11', '2026-Q4'],
      ['', '2026-13', '2026-Q5', '2026-1', '2026-11 '],
    ],
    ['/chsct/feedback-trends', 'from', ['2026-01'], ['', '2026-00', '2026-Q1', '26-01']],
    ['/chsct/feedback-trends', 'to', ['2026-12'], ['', '2026-13']],
  ])('%s %s: a pattern that accepts exactly what the server accepts', (path, name, good, bad) => {
    const schema = schemaOf(path, name);
    expect(schema['type']).toBe('string');
    const pattern = new RegExp(String(schema['pattern']), 'u');
    for (const value of good)
      expect({ value, matches: pattern.test(value) }).toEqual({ value, matches: true });
    for (const value of bad)
      expect({ value, matches: pattern.test(value) }).toEqual({ value, matches: false });
    expect(parametersOf(path).find((parameter) => parameter.name === name)?.required).toBe(true);
  });

  it.each([
    ['/ministry/enrollments', ['academy', 'theme']],
    ['/chsct/feedback-trends', ['category', 'academy']],
  ])('%s by: an enum of the dimensions', (path, dimensions) => {
    expect(schemaOf(path, 'by')['enum']).toEqual(dimensions);
  });
});
