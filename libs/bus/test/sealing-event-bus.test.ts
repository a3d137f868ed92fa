import { coursePublished, enrollmentCreated, topics, type EventEnvelope } from '@relais/contracts';
import { InMemoryEventBus } from '../src/memory/in-memory-event-bus';
import { InMemoryPersonKeyring } from '../src/sealing/in-memory-person-keyring';
import { PersonSealer } from '../src/sealing/person-sealer';
import { SealingEventBus } from '../src/sealing/sealing-event-bus';
import { silentLogger } from '../src/bus-logger';
import { anEnvelope } from '../src/testing/envelopes';
import { waitFor } from '../src/testing/async-helpers';

const TOPIC = topics.enrollmentEvents;
const courseId = '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f';
const enrollmentOf = (userId: string, name: string) =>
  anEnvelope(enrollmentCreated.type, { courseId, userId, name, school: '0690999Z' });

describe('SealingEventBus over the in-memory bus', () => {
  let inner: InMemoryEventBus;
  let keyring: InMemoryPersonKeyring;
  let bus: SealingEventBus;
  let sealer: PersonSealer;

  beforeEach(() => {
    inner = new InMemoryEventBus({ partitions: 2 });
    keyring = new InMemoryPersonKeyring(['progress']);
    sealer = new PersonSealer({ keyring, keyIdSecret: 'shared' });
    bus = new SealingEventBus(inner, sealer, silentLogger);
  });

  afterEach(async () => {
    await bus.close();
  });

  const consume = async (groupId: string, options: { batch?: boolean } = {}) => {
    const seen: EventEnvelope[] = [];
    const handler = async (envelope: EventEnvelope) => {
      seen.push(envelope);
    };
    await bus.subscribe({
      groupId,
      topic: TOPIC,
      fromBeginning: true,
      handlers: { [enrollmentCreated.type]: handler, [coursePublished.type]: handler },
      ...(options.batch
        ? {
            batchHandler: async (items) => {
              seen.push(...items.map((item) => item.envelope));
            },
          }
        : {}),
    });
    return seen;
  };

  it('keeps only sealed copies on the topic and hands plain data to handlers', async () => {
    const camille = enrollmentOf('u-7f3e-camille', 'Camille Zéphyrine');
    await bus.publish(TOPIC, [{ key: courseId, envelope: camille }]);
    const stored = inner.records(TOPIC).map((record) => record.value ?? '');
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain('u-7f3e-camille');
    expect(stored[0]).not.toContain('Zéphyrine');
    expect(stored[0]).not.toContain('0690999Z');

    const seen = await consume('progress.roster');
    await waitFor(() => seen.length === 1, 2_000, 'the enrollment');
    expect(seen[0]).toEqual(camille);
  });

  it.each([{ batch: false }, { batch: true }])(
    'a replay from the start after his key is destroyed never brings him back (batch: $batch)',
    async ({ batch }) => {
      await bus.publish(TOPIC, [
        { key: courseId, envelope: enrollmentOf('u-camille', 'Camille') },
        { key: courseId, envelope: enrollmentOf('u-bruno', 'Bruno') },
        {
          key: courseId,
          envelope: anEnvelope(coursePublished.type, {
            ...coursePublished.example,
            trainers: [
              { userId: 'u-camille', name: 'Camille' },
              { userId: 'u-alice', name: 'Alice' },
            ],
          }),
        },
      ]);
      const keyId = sealer.keyIdOf('u-camille');
      await keyring.beginErasure(keyId);
      await keyring.acknowledgeErasure(keyId, 'progress');

      const seen = await consume('replay-after-erasure', { batch });
      await waitFor(() => seen.length === 2, 2_000, 'the readable events');
      expect(JSON.stringify(seen)).not.toContain('u-camille');
      expect(seen.map((envelope) => envelope.type).sort()).toEqual(
        [coursePublished.type, enrollmentCreated.type].sort(),
      );
      expect(JSON.stringify(seen)).toContain('u-alice');
    },
  );

  it('does not publish an event of a person whose erasure has begun', async () => {
    await keyring.beginErasure(sealer.keyIdOf('u-camille'));
    await bus.publish(TOPIC, [{ key: courseId, envelope: enrollmentOf('u-camille', 'Camille') }]);
    expect(inner.records(TOPIC)).toEqual([]);
  });
});
