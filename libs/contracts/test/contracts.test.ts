import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  allContracts,
  allTopics,
  ContractViolation,
  createEvent,
  envelopeSchema,
  participationCounted,
  readEvent,
  enrollmentCreated,
} from '../src/index';

const origin = { source: 'enrollment', correlationId: 'corr-1', now: new Date('2026-11-28T14:35:12.345Z') };

describe('event contracts', () => {
  it.each(allContracts.map((c) => [c.type, c] as const))(
    '%s: its example satisfies its schema',
    (_type, c) => {
      expect(c.schema.safeParse(c.example).success).toBe(true);
    },
  );

  it('every contract type is unique', () => {
    const types = allContracts.map((c) => c.type);
    expect(new Set(types).size).toBe(types.length);
  });

  // Stats may only ever see anonymous facts (L11): no property that refers to a person or a course.
  const personReference =
    /^(userId|user|name|email|school|sub|courseId|teacherId|trainerId|trainers|author.*|message|text)$/i;
  const propertyNames = (schema: unknown): string[] => {
    if (schema === null || typeof schema !== 'object') return [];
    return Object.entries(schema as Record<string, unknown>).flatMap(([key, value]) =>
      key === 'properties' && value && typeof value === 'object'
        ? [...Object.keys(value), ...Object.values(value).flatMap(propertyNames)]
        : propertyNames(value),
    );
  };
  it.each(allContracts.filter((c) => c.classification === 'anonymous').map((c) => [c.type, c] as const))(
    '%s (a fact) has no property that refers to a person or a course',
    (_type, c) => {
      const names = propertyNames(c.schema.toJSONSchema());
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => personReference.test(name))).toEqual([]);
    },
  );

  it('deploy/kafka/topics.txt lists exactly the topics of the contracts, dead-letter topics included', () => {
    const file = readFileSync(
      fileURLToPath(new URL('../../../deploy/kafka/topics.txt', import.meta.url)),
      'utf8',
    );
    const listed = file
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split(/\s+/)[0]);
    expect([...listed].sort()).toEqual([...allTopics].sort());
  });
});

describe('createEvent and readEvent', () => {
  it('wraps valid data in an envelope on the contract topic with the contract key', () => {
    const data = { courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f', userId: 'u-1', name: 'Camille Durand' };
    const event = createEvent(enrollmentCreated, data, origin);
    expect(event.topic).toBe('enrollment.events.v1');
    expect(event.key).toBe(data.courseId);
    expect(envelopeSchema.parse(event.envelope)).toMatchObject({
      type: 'enrollment.enrollment.created.v1',
      source: 'enrollment',
      correlationId: 'corr-1',
      occurredAt: '2026-11-28T14:35:12.345Z',
      data,
    });
    expect(readEvent(enrollmentCreated, event.envelope)).toEqual(data);
  });

  it('strips fields the contract does not know, so nothing extra leaves a service', () => {
    const event = createEvent(
      participationCounted,
      {
        ...participationCounted.example,
        userId: 'u-1',
        timeSpent: 42,
      } as typeof participationCounted.example,
      origin,
    );
    expect(Object.keys(event.envelope.data as object).sort()).toEqual(
      ['academy', 'change', 'creditedHoursDelta', 'month', 'newTeacherIn', 'themes'].sort(),
    );
  });

  it('gives a fact its own correlation id, so it cannot be joined to the events of the same request', () => {
    const fact = createEvent(participationCounted, participationCounted.example, {
      ...origin,
      causationId: 'cause-1',
    });
    const event = createEvent(
      enrollmentCreated,
      { courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f', userId: 'u-1', name: 'Camille Durand' },
      { ...origin, causationId: 'cause-1' },
    );
    expect(event.envelope).toMatchObject({ correlationId: 'corr-1', causationId: 'cause-1' });
    expect(fact.envelope.correlationId).not.toBe('corr-1');
    expect(fact.envelope.causationId).toBeUndefined();
  });

  it('rounds the time of a fact to the day', () => {
    expect(createEvent(participationCounted, participationCounted.example, origin).envelope.occurredAt).toBe(
      '2026-11-28T00:00:00.000Z',
    );
  });

  it('refuses data that breaks the contract, naming the path but not the value', () => {
    const attempt = () =>
      createEvent(
        enrollmentCreated,
        { courseId: 'not-a-uuid', userId: 'u-1', name: 'Camille Durand', school: 'X' },
        origin,
      );
    expect(attempt).toThrow(ContractViolation);
    expect(attempt).toThrow(/courseId/);
    expect(attempt).not.toThrow(/Camille/);
  });

  it('reads only the type it was asked for', () => {
    const event = createEvent(participationCounted, participationCounted.example, origin);
    expect(() => readEvent(enrollmentCreated, event.envelope)).toThrow(ContractViolation);
  });
});
