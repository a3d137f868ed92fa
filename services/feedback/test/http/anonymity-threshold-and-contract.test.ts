import { ConfigError, loadConfig } from '@relais/platform';
import { publishCourseWithMembers, startServiceHarness, type ServiceHarness } from '@relais/testing';
import { feedbackConfigSchema } from '../../src/config';
import { createInMemoryFeedbackService } from '../../src/in-memory';
import { newFeedbackBody, newMessageBody, replyBody } from '../../src/infrastructure/http/schemas';

const authorKey = 'a-feedback-author-key-of-32-characters';
const teachers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `teacher.${String(from + i).padStart(2, '0')}`);

describe('anonymity threshold: configuration', () => {
  it('defaults to 5 participants', () => {
    expect(loadConfig(feedbackConfigSchema, { FEEDBACK_AUTHOR_KEY: authorKey })).toMatchObject({
      FEEDBACK_ANONYMITY_THRESHOLD: 5,
    });
  });

  it('may be raised', () => {
    expect(
      loadConfig(feedbackConfigSchema, { FEEDBACK_AUTHOR_KEY: authorKey, FEEDBACK_ANONYMITY_THRESHOLD: '8' }),
    ).toMatchObject({ FEEDBACK_ANONYMITY_THRESHOLD: 8 });
  });

  it.each(['4', '0', '-1', '4.5', 'five'])(
    'refuses to start with FEEDBACK_ANONYMITY_THRESHOLD=%s, saying what is expected',
    (value) => {
      const load = () =>
        loadConfig(feedbackConfigSchema, {
          FEEDBACK_AUTHOR_KEY: authorKey,
          FEEDBACK_ANONYMITY_THRESHOLD: value,
        });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/FEEDBACK_ANONYMITY_THRESHOLD is invalid .*at least 5/);
    },
  );

  it('names the rule when the threshold is lowered', () => {
    expect(() =>
      loadConfig(feedbackConfigSchema, { FEEDBACK_AUTHOR_KEY: authorKey, FEEDBACK_ANONYMITY_THRESHOLD: '3' }),
    ).toThrow(/below 5: the threshold can be raised, never lowered/);
  });

  it('is refused below 5 by the service itself, whoever assembles it', () => {
    const verifier = { verify: () => Promise.reject(new Error('not used')) };
    expect(() => createInMemoryFeedbackService({ verifier, anonymityThreshold: 4 })).toThrow(
      /at least 5 participants: it can be raised, never lowered/,
    );
  });
});

describe('anonymity threshold: raised to 7', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryFeedbackService({ verifier: verifierFor('relais-feedback'), anonymityThreshold: 7 }),
    ]);
  });
  afterAll(async () => harness.stop());

  const anonymous = {
    category: 'workload-time',
    intensity: 4,
    message: 'Too much at once.',
    visibility: 'anonymous',
  };

  it('refuses anonymous items below the configured value, accepts them at it, and publishes it', async () => {
    const six = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: teachers(1, 6),
    });
    const seven = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: teachers(1, 7),
    });
    await harness.bus.idle();
    const refused = await harness.call(
      'teacher.01',
      'POST',
      `/api/feedback/courses/${six}/feedback`,
      anonymous,
    );
    expect(refused).toMatchObject({ status: 409, body: { code: 'ANONYMITY_THRESHOLD' } });
    expect(refused.body.detail).toMatch(/fewer than 7 participants/);
    expect(
      (await harness.call('teacher.01', 'POST', `/api/feedback/courses/${seven}/feedback`, anonymous)).status,
    ).toBe(201);
    expect((await harness.call('teacher.01', 'GET', '/api/feedback/policy')).body.anonymityThreshold).toBe(7);
    expect(
      (await harness.call('teacher.01', 'GET', `/api/feedback/courses/${six}/feedback-options`)).body,
    ).toEqual({ anonymityThreshold: 7, anonymousAvailable: false });
  });
});

describe('the OpenAPI document states the rules the server applies', () => {
  const verifier = { verify: () => Promise.reject(new Error('not used')) };
  const document = createInMemoryFeedbackService({ verifier }).api.openApiDocument() as unknown as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; schema: { pattern?: string } }[];
          requestBody?: {
            content: {
              'application/json': {
                schema: {
                  properties: Record<string, { pattern?: string; minLength?: number; maxLength?: number }>;
                };
              };
            };
          };
          responses: Record<string, unknown>;
        }
      >
    >;
  };
  const bodyOf = (path: string, method: string) =>
    document.paths[path]?.[method]?.requestBody?.content['application/json'].schema.properties ?? {};

  it('documents the policy and the feedback options of a course', () => {
    expect(Object.keys(document.paths['/policy']?.['get']?.responses ?? {})).toContain('200');
    expect(Object.keys(document.paths['/courses/{id}/feedback-options']?.['get']?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '404']),
    );
    expect(Object.keys(document.paths['/courses/{id}/feedback']?.['post']?.responses ?? {})).toContain('409');
    expect(Object.keys(document.paths['/courses/{id}/messages']?.['post']?.responses ?? {})).toContain('422');
  });

  it('gives every path id a UUID pattern, not only a format that a version-0 UUID satisfies', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const operation of Object.values(methods)) {
        for (const parameter of operation.parameters ?? []) {
          expect({ path, parameter: parameter.name, pattern: parameter.schema.pattern }).toEqual({
            path,
            parameter: parameter.name,
            pattern: expect.any(String),
          });
          const pattern = new RegExp(parameter.schema.pattern ?? '');
          expect(pattern.test('00000000-0000-0000-0000-000000000000')).toBe(false);
          expect(pattern.test('6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f')).toBe(true);
        }
      }
    }
  });

  // The texts a property-based tester may send: the document's pattern and the server agree on each.
  const samples = [
    'A remark.',
    '  padded  ',
    'é',
    '😀',
    'line\nbreak',
    '\u000b',
    ' ',
    '\t\n\r',
    '\u00a0',
    '\ufeff',
    '\u2028',
    '\u3000',
    'a\u0000',
    '\u001c',
    'a\u0085',
  ];

  it.each([
    [
      'a feedback message',
      '/courses/{id}/feedback',
      'post',
      'message',
      newFeedbackBody,
      { category: 'other', intensity: 1, visibility: 'named' },
    ],
    ['a reply', '/feedback/{fid}/replies', 'post', 'message', replyBody, {}],
    ['a 1:1 message', '/courses/{id}/messages', 'post', 'message', newMessageBody, { toUserId: 'someone' }],
  ] as const)('states in the document which texts %s may be', (_what, path, method, field, schema, rest) => {
    const property = bodyOf(path, method)[field];
    expect(property).toMatchObject({ minLength: 1, maxLength: 2_000, pattern: expect.any(String) });
    const pattern = new RegExp(property?.pattern ?? '');
    for (const sample of samples) {
      const accepted = schema.safeParse({ ...rest, [field]: sample }).success;
      expect({ sample, documented: pattern.test(sample) }).toEqual({ sample, documented: accepted });
    }
    expect(pattern.test('\u000b')).toBe(false);
    expect(pattern.test('A remark.')).toBe(true);
  });
});
