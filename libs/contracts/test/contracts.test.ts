import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as events from '../src/events';
import {
  allContracts,
  allTopics,
  deadLetterTopicOf,
  isEventContract,
  topics,
  type EventContract,
  ContractViolation,
  createEvent,
  envelopeSchema,
  participationCounted,
  readEvent,
  enrollmentCreated,
} from '../src/index';
import { topicsFilePath, topicsFileText } from '../scripts/topics-file';

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

  // ADR 0033: a field that names or locates a person travels sealed under his key; a contract that
  // adds one without declaring where it is (`persons`) would leave readable copies after an erasure.
  const namesAPerson = /^(userId|recipientId|personId|name|school|email|.*[Uu]serId)$/;
  const unsealedPersonFields = (contract: EventContract): string[] => {
    const places = contract.persons ?? [];
    const sealedAtRoot = new Set(places.flatMap((place) => (place.at === '$' ? place.fields : [])));
    const sealedLists = new Set(places.filter((place) => place.at !== '$').map((place) => place.at));
    const walk = (value: unknown, path: string): string[] => {
      if (Array.isArray(value)) return sealedLists.has(path) ? [] : value.flatMap((item) => walk(item, path));
      if (value === null || typeof value !== 'object') return [];
      return Object.entries(value).flatMap(([key, inner]) => {
        const at = path === '' ? key : `${path}.${key}`;
        if (path === '' && sealedAtRoot.has(key)) return [];
        return namesAPerson.test(key) ? [at] : walk(inner, at);
      });
    };
    return walk(contract.example, '');
  };
  it.each(allContracts.map((c) => [c.type, c] as const))(
    '%s: every field that names a person is in a sealed place',
    (_type, c) => {
      expect(unsealedPersonFields(c)).toEqual([]);
      for (const place of c.persons ?? []) {
        expect(c.classification).toBe('personal-reference');
        if (place.at === '$') expect(place.fields).toContain(place.idField);
      }
    },
  );

  it('deploy/kafka/topics.txt is what the contracts declare (else: npm run contracts:topics)', () => {
    expect(readFileSync(topicsFilePath, 'utf8')).toBe(topicsFileText());
  });

  it('lists in topics.txt every topic of a contract, each with its dead letters, and nothing else', () => {
    const listed = readFileSync(topicsFilePath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split(/\s+/)[0]);
    const declared = allContracts.flatMap((c) => [c.topic, deadLetterTopicOf(c.topic)]);
    expect([...listed].sort()).toEqual([...new Set(declared)].sort());
    expect([...allTopics].sort()).toEqual([...new Set(declared)].sort());
  });

  it('names in `topics` only topics a contract publishes to', () => {
    const declared = new Set(allContracts.map((c) => c.topic));
    expect(Object.values(topics).filter((topic) => !declared.has(topic))).toEqual([]);
  });
});

describe('no unused event or topic', () => {
  const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
  /** The runtime code: src of every lib, service and app but the contracts themselves. */
  const runtimeSources = ['libs', 'services', 'apps']
    .flatMap((kind) =>
      readdirSync(join(repositoryRoot, kind)).map((name) => join(repositoryRoot, kind, name)),
    )
    .filter((root) => !root.endsWith(join('libs', 'contracts')) && existsSync(join(root, 'src')))
    .flatMap((root) =>
      readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file) && !file.split(sep).includes('testing'))
        .map((file) => readFileSync(join(root, 'src', file), 'utf8')),
    );
  const contractNames = Object.entries(events).filter(([, value]) => isEventContract(value));
  const namedInRuntime = (name: string) =>
    runtimeSources.some((source) => new RegExp(`\\b${name}\\b`).test(source));

  it('finds the runtime sources', () => {
    expect(runtimeSources.length).toBeGreaterThan(100);
  });

  it.each(contractNames.map(([name, contract]) => [(contract as EventContract).type, name] as const))(
    '%s is emitted or handled by runtime code (%s)',
    (_type, name) => {
      expect(namedInRuntime(name)).toBe(true);
    },
  );

  it.each([...new Set(allContracts.map((c) => c.topic))])(
    '%s has a publisher or a consumer in runtime code',
    (topic) => {
      const publishers = contractNames
        .filter(([, contract]) => (contract as EventContract).topic === topic)
        .map(([name]) => name);
      const subscribers = Object.entries(topics)
        .filter(([, name]) => name === topic)
        .map(([key]) => `topics.${key}`);
      expect(
        [...publishers, ...subscribers].filter((name) =>
          runtimeSources.some((source) => source.includes(name)),
        ),
      ).not.toEqual([]);
    },
  );
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
