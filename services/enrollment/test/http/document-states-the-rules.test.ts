import { randomUUID } from 'node:crypto';
import { userIdOf, type ServiceHarness } from '@relais/testing';
import { lyonCourse, startEnrollmentHarness } from './enrollment-harness';

/**
 * Issue 15 point 11(a): the OpenAPI document states every rule the server applies, so a client that
 * sends what the document allows is never refused with a 400, and what it forbids is refused. A body
 * that is well-formed but names something that does not exist answers 422 with the field it names.
 */
type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; items?: JsonSchema };
interface Operation {
  requestBody: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  parameters: { schema: JsonSchema }[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

/** The JSON Schema keywords these rules use, as a client reading the document applies them. */
function violations(schema: JsonSchema, value: unknown): string[] {
  const broken: string[] = [];
  const number = typeof value === 'number' ? value : undefined;
  const text = typeof value === 'string' ? value : undefined;
  if (number !== undefined) {
    if (schema['type'] === 'integer' && !Number.isInteger(number)) broken.push('type');
    if (typeof schema['minimum'] === 'number' && number < schema['minimum']) broken.push('minimum');
    if (typeof schema['maximum'] === 'number' && number > schema['maximum']) broken.push('maximum');
    const step = schema['multipleOf'];
    if (typeof step === 'number' && !Number.isInteger(number / step)) broken.push('multipleOf');
  }
  if (text !== undefined) {
    const pattern = schema['pattern'];
    if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(text)) broken.push('pattern');
    const maxLength = schema['maxLength'];
    if (typeof maxLength === 'number' && [...text].length > maxLength) broken.push('maxLength');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (schema['format'] === 'uuid' && !uuid.test(text)) broken.push('format');
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) broken.push('minItems');
    for (const item of value) broken.push(...(schema.items ? violations(schema.items, item) : []));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const size = Object.keys(value).length;
    if (typeof schema['minProperties'] === 'number' && size < schema['minProperties']) {
      broken.push('minProperties');
    }
    for (const [key, field] of Object.entries(value)) {
      const fieldSchema = schema.properties?.[key];
      if (fieldSchema) broken.push(...violations(fieldSchema, field));
    }
  }
  return broken;
}

const blank = '\u000b \u3000';
/** 200 characters outside the Basic Multilingual Plane: JSON Schema and zod both count 200, not 400. */
const longestTitle = '📚'.repeat(200);

describe('the OpenAPI document states the rules the server applies', () => {
  let harness: ServiceHarness;
  let createBody: JsonSchema;
  let updateBody: JsonSchema;
  let document: Document;
  let createdId: string;

  beforeAll(async () => {
    harness = await startEnrollmentHarness();
    document = (await harness.call(undefined, 'GET', '/api/enrollment/openapi.json')).body;
    createBody = bodyOf(operation('post', '/courses'));
    updateBody = bodyOf(operation('patch', '/courses/{id}'));
    createdId = (await harness.call('manager.lyon', 'POST', '/api/enrollment/courses', lyonCourse())).body.id;
  });
  afterAll(async () => harness.stop());

  const operation = (method: string, path: string): Operation => {
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`the document has no ${method} ${path}`);
    return found;
  };
  const bodyOf = (declared: Operation) => declared.requestBody.content['application/json']?.schema ?? {};

  const create = (overrides: Record<string, unknown>) =>
    harness.call('manager.lyon', 'POST', '/api/enrollment/courses', lyonCourse(overrides));

  it.each([
    ['predictedHours', 5e-324, 'minimum'],
    ['predictedHours', 7.25, 'multipleOf'],
    ['predictedHours', 200.5, 'maximum'],
    ['title', blank, 'pattern'],
    ['title', `${longestTitle}📚`, 'maxLength'],
    ['description', blank, 'pattern'],
    ['themes', ['   '], 'pattern'],
    ['themes', ['=HYPERLINK("x")'], 'pattern'],
    ['themes', [], 'minItems'],
    ['capacity', 0, 'minimum'],
    ['capacity', 2.5, 'type'],
    ['districts', ['Lyon D1'], 'pattern'],
    ['academy', 'Lyon', 'pattern'],
    ['trainerIds', ['nobody'], 'format'],
  ])('refuses %s = %j with 400, and the document says so (%s)', async (field, value, keyword) => {
    expect(violations(createBody, { [field]: value })).toContain(keyword);
    const answer = await create({ [field]: value });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.errors.map((error: { path: string }) => error.path.split('.')[0])).toContain(field);
  });

  it.each([
    ['predictedHours', 7.5],
    ['predictedHours', 0.5],
    ['predictedHours', 200],
    ['title', longestTitle],
    ['title', '  Lire au CP  '],
    ['themes', ['reading', 'life-2f4a9c1e']],
    ['capacity', 1],
    ['districts', ['lyon-d1', 'grenoble-d1']],
  ])('accepts %s = %j, which the document allows', async (field, value) => {
    expect(violations(createBody, { [field]: value })).toEqual([]);
    expect((await create({ [field]: value })).status).toBe(201);
  });

  it('stores titles without their surrounding spaces', async () => {
    expect((await create({ title: '  Lire au CP  ' })).body.title).toBe('Lire au CP');
  });

  it('states that an edit must change at least one field', async () => {
    expect(violations(updateBody, {})).toContain('minProperties');
    const answer = await harness.call('manager.lyon', 'PATCH', `/api/enrollment/courses/${createdId}`, {});
    expect(answer.status).toBe(400);
  });

  it('states the same rules on an edit as on a creation', async () => {
    for (const field of ['title', 'description', 'themes', 'predictedHours', 'trainerIds', 'districts']) {
      expect({ field, schema: updateBody.properties?.[field] }).toEqual({
        field,
        schema: createBody.properties?.[field],
      });
    }
    const answer = await harness.call('manager.lyon', 'PATCH', `/api/enrollment/courses/${createdId}`, {
      predictedHours: 5e-324,
    });
    expect(answer.status).toBe(400);
  });

  it.each([
    ['an id no one has', () => randomUUID()],
    ['a teacher', () => userIdOf('teacher.01')],
    ['a trainer of another academy', () => userIdOf('trainer.chloe')],
  ])('answers 422 TRAINER_NOT_FOUND, naming the field, for %s as trainer', async (_case, idOf) => {
    const trainerIds = [userIdOf('trainer.alice'), idOf()];
    expect(violations(createBody, { trainerIds })).toEqual([]);
    const created = await create({ trainerIds });
    const edited = await harness.call('manager.lyon', 'PATCH', `/api/enrollment/courses/${createdId}`, {
      trainerIds,
    });
    for (const answer of [created, edited]) {
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(answer.body).toMatchObject({
        status: 422,
        code: 'TRAINER_NOT_FOUND',
        errors: [{ in: 'body', path: 'trainerIds.1', message: expect.any(String) }],
      });
      expect(answer.body.detail).toContain('trainerIds.1');
      expect(answer.body.detail).not.toContain(trainerIds[1]);
    }
  });

  it('declares 422 on the operations that answer it', () => {
    expect(Object.keys(operation('post', '/courses').responses)).toContain('422');
    expect(Object.keys(operation('patch', '/courses/{id}').responses)).toContain('422');
  });

  it('documents ids as UUIDs, in the path as in the body', () => {
    const { parameters } = operation('put', '/courses/{id}/enrollments/{teacherId}/completion');
    expect(parameters.map((parameter) => parameter.schema['format'])).toEqual(['uuid', 'uuid']);
  });
});
