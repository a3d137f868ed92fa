import { allTopics, enrollmentCreated, topics, type EventEnvelope } from '@relais/contracts';
import { SealingEventBus, silentLogger } from '@relais/bus';
import { waitFor } from '@relais/bus/testing';
import { demoNameOf, runErasureFlow, userIdOf, type ErasedPerson } from '@relais/testing';
import { startTestStandalone, type StandaloneUnderTest } from './support/standalone-fixture';

const ERASURES = '/api/enrollment/ops/erasures';

describe('erasure in standalone mode (GDPR article 17, ADR 0033)', () => {
  let relais: StandaloneUnderTest;
  beforeAll(async () => {
    relais = await startTestStandalone();
  });
  afterAll(async () => relais.stop());

  const requestErasure = async ({ id }: ErasedPerson) => {
    const response = await relais.call('ops.admin', 'POST', ERASURES, {
      personId: id,
      reason: 'Demande écrite au titre de l’article 17 du RGPD',
    });
    expect(response.status).toBe(202);
  };

  const person: ErasedPerson = { username: 'teacher.39', id: userIdOf('teacher.39') };

  it('forgets a teacher in every service through the ops route, and leaves only sealed copies on every topic', async () => {
    await runErasureFlow(relais, { person, erase: requestErasure });

    const distinctive = [person.id, demoNameOf(person.username), `${person.username}@demo.relais.invalid`];
    for (const topic of allTopics) {
      const raw = relais.standalone.bus
        .records(topic)
        .map((record) => record.value ?? '')
        .join('\n');
      for (const value of distinctive)
        expect({ topic, found: raw.includes(value) }).toEqual({ topic, found: false });
    }
    // His enrollment was published, sealed: it is still on the topic, and nobody can read it.
    const replayed: EventEnvelope[] = [];
    const replaying = new SealingEventBus(
      relais.standalone.bus,
      relais.standalone.personKeys.sealer,
      silentLogger,
    );
    await replaying.subscribe({
      groupId: 'replay-after-erasure',
      topic: topics.enrollmentEvents,
      fromBeginning: true,
      handlers: {
        [enrollmentCreated.type]: async (envelope) => {
          replayed.push(envelope);
        },
      },
    });
    const published = relais.standalone.bus
      .records(topics.enrollmentEvents)
      .filter(
        (record) => (JSON.parse(record.value ?? '{}') as EventEnvelope).type === enrollmentCreated.type,
      );
    await waitFor(() => replayed.length === published.length - 1, 5_000, 'every readable enrollment');
    expect(JSON.stringify(replayed)).not.toContain(person.id);
    expect(replayed.map((envelope) => (envelope.data as { userId: string }).userId)).toContain(
      userIdOf('teacher.27'),
    );
  }, 90_000);

  it('takes a second erasure of the same person, and one of a person Relais never knew, to done', async () => {
    for (const personId of [person.id, '00000000-0000-4000-8000-00000000beef']) {
      const requested = await relais.call('ops.admin', 'POST', ERASURES, {
        personId,
        reason: 'Deuxième demande, reçue par courrier',
      });
      expect(requested.status).toBe(202);
      await waitFor(() => false, 0, 'nothing').catch(() => undefined);
      const done = async () =>
        (await relais.call('ops.admin', 'GET', ERASURES)).body.erasures.find(
          (view: { erasureId: string }) => view.erasureId === requested.body.erasureId,
        )?.status === 'done';
      const deadline = Date.now() + 10_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error('the erasure never finished');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  });
});
