import { personErased, topics, type EventEnvelope } from '@relais/contracts';
import { waitFor } from '@relais/bus/testing';
import { userIdOf, type ServiceHarness } from '@relais/testing';
import { startEnrollmentHarness } from './enrollment-harness';

const ERASURES = '/api/enrollment/ops/erasures';
const reason = 'Demande écrite au titre de l’article 17 du RGPD';

describe('POST and GET /api/enrollment/ops/erasures', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startEnrollmentHarness();
  });
  afterAll(async () => harness.stop());

  it.each(['teacher.01', 'trainer.alice', 'manager.lyon', 'inspector.d1', 'ministry.dne', 'chsct.national'])(
    'refuses %s, who is no administrator, both ways',
    async (user) => {
      expect(
        (await harness.call(user, 'POST', ERASURES, { personId: userIdOf('teacher.02'), reason })).status,
      ).toBe(403);
      expect((await harness.call(user, 'GET', ERASURES)).status).toBe(403);
    },
  );

  it('refuses a request without a token', async () => {
    expect(
      (await harness.call(undefined, 'POST', ERASURES, { personId: userIdOf('teacher.02'), reason })).status,
    ).toBe(401);
  });

  it.each([
    ['no reason', { personId: userIdOf('teacher.02') }, 'reason'],
    ['a reason of a few letters', { personId: userIdOf('teacher.02'), reason: 'départ' }, 'reason'],
    ['a blank reason', { personId: userIdOf('teacher.02'), reason: '            ' }, 'reason'],
    ['a reason of 501 characters', { personId: userIdOf('teacher.02'), reason: 'x'.repeat(501) }, 'reason'],
    [
      'a reason naming whom',
      { personId: userIdOf('teacher.02'), reason: `Départ de ${userIdOf('teacher.02')}` },
      'reason',
    ],
    ['no person', { reason }, 'personId'],
    ['a person that is no UUID', { personId: 'camille.durand', reason }, 'personId'],
    ['a field of its own', { personId: userIdOf('teacher.02'), reason, email: 'a@b.fr' }, ''],
  ])('answers 400 with what to fix for %s, and requests nothing', async (_case, body, path) => {
    const before = (await harness.call('ops.admin', 'GET', ERASURES)).body.erasures.length;
    const response = await harness.call('ops.admin', 'POST', ERASURES, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(response.body.errors)).toContain(path);
    // The problem never quotes the person's id back.
    expect(JSON.stringify(response.body)).not.toContain(userIdOf('teacher.02'));
    expect((await harness.call('ops.admin', 'GET', ERASURES)).body.erasures).toHaveLength(before);
  });

  it('requests an erasure, publishes its event keyed by the request, and lists it pending, newest first', async () => {
    const personId = userIdOf('teacher.03');
    const first = await harness.call('ops.admin', 'POST', ERASURES, { personId, reason });
    const second = await harness.call('ops.admin', 'POST', ERASURES, {
      personId: userIdOf('teacher.04'),
      reason: '  Départ à la retraite, courrier du 2 décembre  ',
    });

    expect(first.status).toBe(202);
    expect(first.body).toEqual({
      erasureId: expect.any(String),
      requestedAt: expect.any(String),
      source: 'administrator',
      reason,
      requestedByMe: true,
      status: 'pending',
      servicesDone: [],
      servicesPending: ['enrollment'],
    });
    expect(second.body.reason).toBe('Départ à la retraite, courrier du 2 décembre');
    const listed = (await harness.call('ops.admin', 'GET', ERASURES)).body.erasures;
    expect(listed.slice(0, 2).map((view: { erasureId: string }) => view.erasureId)).toEqual([
      second.body.erasureId,
      first.body.erasureId,
    ]);
    expect(JSON.stringify(listed)).not.toContain(personId);

    await waitFor(() => harness.bus.records(topics.identityEvents).length >= 2, 5_000, 'the erasure events');
    const published = harness.bus
      .records(topics.identityEvents)
      .map((record) => JSON.parse(record.value ?? '{}') as EventEnvelope);
    const mine = published.find(
      (envelope) => (envelope.data as { erasureId: string }).erasureId === first.body.erasureId,
    );
    expect(mine?.type).toBe(personErased.type);
    expect(harness.bus.records(topics.identityEvents).map((record) => record.key)).toContain(
      first.body.erasureId,
    );
  });

  it('takes the same person twice, or a person Relais never knew, as harmless requests', async () => {
    const unknown = '00000000-0000-4000-8000-00000000dead';
    for (const personId of [unknown, unknown]) {
      expect((await harness.call('ops.admin', 'POST', ERASURES, { personId, reason })).status).toBe(202);
    }
  });
});
