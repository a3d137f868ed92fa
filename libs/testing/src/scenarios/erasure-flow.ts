import { randomUUID } from 'node:crypto';
import { eventually, userIdOf, type RelaisClient } from '../relais-client';

/** The person the flow erases: whom the client signs in as, and his id (`sub`). */
export interface ErasedPerson {
  username: string;
  id: string;
}

export interface ErasureFlowOptions {
  person: ErasedPerson;
  /** Erases him: the ops route in one process, his deletion in the identity provider across five. */
  erase(person: ErasedPerson): Promise<void>;
  /** How long the erasure may take to reach every service (default 30 s). */
  timeoutMs?: number;
}

export interface ErasureFlowOutcome {
  courseId: string;
  /** The texts he wrote: they stay (named items as « Ancien participant »), so searches skip them. */
  texts: string[];
}

/** What `/me/data` gives a person in each service, and feedback's anonymous authorship. */
const MY_DATA = [
  '/api/enrollment/me/data',
  '/api/progress/me/data',
  '/api/feedback/me/data',
  '/api/feedback/me/data/anonymous-authorship',
  '/api/notifications/me/data',
  '/api/stats/me/data',
] as const;

interface ExportedKind {
  kind: string;
  records: unknown[];
}

async function everythingHeldAbout(relais: RelaisClient, username: string) {
  const held: Record<string, ExportedKind[]> = {};
  for (const path of MY_DATA) {
    const response = await relais.call(username, 'GET', path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    held[path] = (response.body.kinds as ExportedKind[]).map(({ kind, records }) => ({ kind, records }));
  }
  return held;
}

const recordsIn = (held: Record<string, ExportedKind[]>) =>
  Object.entries(held).flatMap(([path, kinds]) =>
    kinds.filter((kind) => kind.records.length > 0).map((kind) => `${path} ${kind.kind}`),
  );

/**
 * GDPR article 17 through every service, the same in one process or across five (issue 19): a
 * teacher uses every feature (enrollment and completion, progress marks, named and anonymous
 * feedback, messages both ways, a notice and his preferences), is erased, and then every service's
 * `/me/data` holds nothing of him, while what others see stays: his trainer keeps her inbox (his
 * named item signed « Ancien participant »), the other participants keep all theirs. His token,
 * taken before, still signs him in: what he would be shown is what is left.
 * Uses jest's expect: it is a test scenario, not a client.
 */
export async function runErasureFlow(
  relais: RelaisClient,
  { person, erase, timeoutMs = 30_000 }: ErasureFlowOptions,
): Promise<ErasureFlowOutcome> {
  const marker = randomUUID().slice(0, 8);
  const others = ['teacher.27', 'teacher.28', 'teacher.29', 'teacher.40'];
  const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
    title: `Effacement ${marker}`,
    academy: 'lyon',
    themes: [`erasure-${marker}`],
    predictedHours: 3,
    trainerIds: [userIdOf('trainer.alice')],
    districts: ['lyon-d1'],
  });
  expect(created.status).toBe(201);
  const courseId: string = created.body.id;
  for (const teacher of [person.username, ...others]) {
    expect(
      (await relais.call(teacher, 'POST', `/api/enrollment/courses/${courseId}/enrollments`)).status,
    ).toBe(201);
  }
  // Notifications learn his address when he opens them; he chooses to be mailed less.
  expect((await relais.call(person.username, 'GET', '/api/notifications/me/notifications')).status).toBe(200);
  expect(
    (
      await relais.call(person.username, 'PUT', '/api/notifications/me/preferences', {
        'feedback-reply': 'immediate',
        'feedback-status': 'daily-digest',
        'feedback-new': 'off',
        'completion-recorded': 'off',
        'message-new': 'daily-digest',
        'course-closing': 'off',
      })
    ).status,
  ).toBeLessThan(300);

  await eventually(async () => {
    const put = await relais.call('trainer.alice', 'PUT', `/api/progress/courses/${courseId}/activities`, [
      { id: 'read', title: 'Lire le cadre', kind: 'resource' },
    ]);
    return put.status === 200 ? put : undefined;
  }, timeoutMs);
  await eventually(async () => {
    const mark = await relais.call(
      person.username,
      'PUT',
      `/api/progress/courses/${courseId}/activities/read/completion`,
      { done: true },
    );
    return mark.status === 200 ? mark : undefined;
  }, timeoutMs);

  const named = `Je voudrais un exemple de séance, ${marker}.`;
  const anonymous = `Je suis perdu dans le module, ${marker}.`;
  const written = `Pouvons-nous en parler, ${marker} ?`;
  for (const [message, visibility] of [
    [named, 'named'],
    [anonymous, 'anonymous'],
  ] as const) {
    await eventually(async () => {
      const post = await relais.call(person.username, 'POST', `/api/feedback/courses/${courseId}/feedback`, {
        category: 'support-guidance',
        intensity: 3,
        message,
        visibility,
      });
      return post.status === 201 ? post : undefined;
    }, timeoutMs);
  }
  const inboxBefore = await relais.call('trainer.alice', 'GET', `/api/feedback/courses/${courseId}/feedback`);
  const namedItem = inboxBefore.body.items.find((item: { message: string }) => item.message === named);
  expect(
    (
      await relais.call('trainer.alice', 'POST', `/api/feedback/feedback/${namedItem.id}/replies`, {
        message: `Volontiers, jeudi ${marker}.`,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await relais.call(person.username, 'POST', `/api/feedback/courses/${courseId}/messages`, {
        toUserId: userIdOf('trainer.alice'),
        message: written,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await relais.call('trainer.alice', 'POST', `/api/feedback/courses/${courseId}/messages`, {
        toUserId: person.id,
        message: `Bien sûr, ${marker}.`,
      })
    ).status,
  ).toBe(201);
  const completion = `/api/enrollment/courses/${courseId}/enrollments/${person.id}/completion`;
  expect((await relais.call('trainer.alice', 'PUT', completion, { completed: true })).status).toBe(200);
  await eventually(async () => {
    const mine = await relais.call(person.username, 'GET', '/api/notifications/me/notifications');
    return (mine.body.notifications as { courseId: string; kind: string }[]).find(
      (notice) => notice.courseId === courseId && notice.kind === 'feedback-reply',
    );
  }, timeoutMs);

  // Before: something of him in every service that holds people.
  const his = await everythingHeldAbout(relais, person.username);
  const heldBefore = recordsIn(his);
  for (const expected of [
    '/api/enrollment/me/data enrollments',
    '/api/enrollment/me/data attestations',
    '/api/progress/me/data',
    '/api/feedback/me/data',
    '/api/feedback/me/data/anonymous-authorship',
    '/api/notifications/me/data',
  ]) {
    expect(heldBefore.some((held) => held.startsWith(expected))).toBe(true);
  }
  const othersBefore = await Promise.all(others.map((other) => everythingHeldAbout(relais, other)));
  const participantsBefore = await relais.call(
    'trainer.alice',
    'GET',
    `/api/enrollment/courses/${courseId}/participants`,
  );
  const requestedAfter = new Date(Date.now() - 1_000).toISOString();

  await erase(person);

  // Every service forgot him and acknowledged: his key is destroyed.
  const erasure = await eventually(async () => {
    const list = await relais.call('ops.admin', 'GET', '/api/enrollment/ops/erasures');
    const recent = (
      list.body.erasures as { requestedAt: string; status: string; servicesPending: string[] }[]
    ).filter((view) => view.requestedAt >= requestedAfter);
    return recent.length > 0 && recent.every((view) => view.status === 'done') ? recent[0] : undefined;
  }, timeoutMs);
  expect(erasure).toMatchObject({ status: 'done', servicesPending: [] });

  expect(recordsIn(await everythingHeldAbout(relais, person.username))).toEqual([]);

  // Others: as they were.
  expect(await Promise.all(others.map((other) => everythingHeldAbout(relais, other)))).toEqual(othersBefore);
  const participantsAfter = await relais.call(
    'trainer.alice',
    'GET',
    `/api/enrollment/courses/${courseId}/participants`,
  );
  expect(participantsAfter.body).toEqual(
    (participantsBefore.body as { userId: string }[]).filter(
      (participant) => participant.userId !== person.id,
    ),
  );
  const inboxAfter = await relais.call('trainer.alice', 'GET', `/api/feedback/courses/${courseId}/feedback`);
  expect(inboxAfter.body.items).toHaveLength(inboxBefore.body.items.length);
  expect(inboxAfter.body.items.find((item: { id: string }) => item.id === namedItem.id)).toMatchObject({
    message: named,
    author: { name: 'Ancien participant' },
  });
  expect(JSON.stringify(inboxAfter.body)).not.toContain(person.id);

  return { courseId, texts: [named, anonymous, written] };
}
