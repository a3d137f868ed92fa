import { publishCourseWithMembers, startServiceHarness, type ServiceHarness } from '@relais/testing';
import { activityKinds } from '../../src/domain/activity';
import { createInMemoryProgressService } from '../../src/index';

interface StringSchema {
  type: 'string';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: string[];
}

function documentAccepts(schema: StringSchema, value: string): boolean {
  const length = [...value].length;
  return (
    length >= (schema.minLength ?? 0) &&
    length <= (schema.maxLength ?? Infinity) &&
    (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(value)) &&
    (schema.enum === undefined || schema.enum.includes(value))
  );
}

/**
 * Issue 15.11: the OpenAPI document is what clients are generated from and what Schemathesis
 * tests against, so the server must accept exactly the activity fields the document allows.
 */
describe('the progress OpenAPI document states the rules the server applies', () => {
  let harness: ServiceHarness;
  let courseId: string;
  let activityFields: Record<'id' | 'title' | 'kind', StringSchema>;

  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryProgressService({ verifier: verifierFor('relais-progress') }),
    ]);
    courseId = await publishCourseWithMembers(harness.bus, { trainers: ['trainer.alice'], participants: [] });
    await harness.bus.idle();
    const document = (await harness.call(undefined, 'GET', '/api/progress/openapi.json')).body;
    const body =
      document.paths['/courses/{id}/activities'].put.requestBody.content['application/json'].schema;
    activityFields = body.items.properties;
  });
  afterAll(async () => harness.stop());

  const replaceWith = (activity: Record<string, unknown>) =>
    harness.call('trainer.alice', 'PUT', `/api/progress/courses/${courseId}/activities`, [activity]);

  it.each([
    '',
    ' ',
    '\r',
    '\t\n',
    '\u00a0\u3000\ufeff',
    '\u001c',
    '\u0085',
    ' Ø ',
    'Séquence 1',
    'x'.repeat(200),
    'x'.repeat(201),
  ])('title %j: accepted by the server exactly when the document allows it', async (title) => {
    const answer = await replaceWith({ id: 'a', title, kind: 'other' });
    expect({ title, accepted: answer.status === 200 }).toEqual({
      title,
      accepted: documentAccepts(activityFields.title, title),
    });
  });

  it.each(['a', 'intro-1.2_b', '', 'a b', 'é', 'x'.repeat(64), 'x'.repeat(65)])(
    'id %j: accepted by the server exactly when the document allows it',
    async (id) => {
      const answer = await replaceWith({ id, title: 'Title', kind: 'other' });
      expect({ id, accepted: answer.status === 200 }).toEqual({
        id,
        accepted: documentAccepts(activityFields.id, id),
      });
    },
  );

  it('documents the list of what is not recorded as public, with its fields', async () => {
    const document = (await harness.call(undefined, 'GET', '/api/progress/openapi.json')).body;
    const operation = document.paths['/not-recorded'].get;
    expect(operation.security).toBeUndefined();
    const answer = operation.responses['200'].content['application/json'].schema;
    expect(Object.keys(answer.properties)).toEqual(['categories']);
    expect(Object.keys(answer.properties.categories.items.properties).sort()).toEqual([
      'category',
      'label',
      'refusedFieldNames',
    ]);
  });

  it('lists every kind the domain knows, and only those', () => {
    expect(activityFields.kind.enum).toEqual([...activityKinds]);
  });
});
