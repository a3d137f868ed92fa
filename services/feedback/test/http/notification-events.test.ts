import { generateKeyPairSync } from 'node:crypto';
import { feedbackMessageSent, openSealedRecipient, topics } from '@relais/contracts';
import {
  publishCourseWithMembers,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import { createInMemoryFeedbackService } from '../../src/in-memory';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const teachers = Array.from({ length: 5 }, (_, i) => `teacher.0${i + 1}`);
const secretText = 'Je suis débordée, la classe de CM2 me prend tout mon temps.';

describe('feedback tells the notifications service what happened, not what was written', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryFeedbackService({
        verifier: verifierFor('relais-feedback'),
        recipientSealKey: keys.publicKey,
      }),
    ]);
  });
  afterAll(() => harness.stop());

  const events = () =>
    harness.bus
      .records(topics.feedbackEvents)
      .map((record) => JSON.parse(record.value ?? '{}') as { type: string; data: Record<string, unknown> });

  async function anonymousItem(): Promise<{ courseId: string; itemId: string }> {
    const courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: teachers,
    });
    await harness.bus.idle();
    const posted = await harness.call('teacher.03', 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'workload-time',
      intensity: 5,
      message: secretText,
      visibility: 'anonymous',
    });
    expect(posted.status).toBe(201);
    return { courseId, itemId: (posted.body as { id: string }).id };
  }

  it('announces an anonymous item with its author sealed for notifications alone, and no text, category or intensity', async () => {
    const { courseId, itemId } = await anonymousItem();
    const posted = await waitFor(() => events().find((event) => event.data['itemId'] === itemId));

    expect(posted.type).toBe('feedback.item.posted.v1');
    expect(Object.keys(posted.data).sort()).toEqual(['anonymous', 'courseId', 'itemId', 'sealedAuthor']);
    expect(posted.data).toMatchObject({ courseId, anonymous: true });
    expect(JSON.stringify(posted)).not.toContain(userIdOf('teacher.03'));
    expect(JSON.stringify(posted)).not.toContain('workload');
    expect(openSealedRecipient(keys.privateKey, posted.data['sealedAuthor'] as string)).toBe(
      userIdOf('teacher.03'),
    );
  });

  it('announces a trainer’s reply and status, not the author’s own reply or reopening', async () => {
    const { itemId } = await anonymousItem();
    const item = `/api/feedback/feedback/${itemId}`;
    const setStatus = (username: string, status: string) => harness.call(username, 'PATCH', item, { status });
    expect(
      (await harness.call('trainer.alice', 'POST', `${item}/replies`, { message: 'Parlons-en.' })).status,
    ).toBe(201);
    expect((await harness.call('teacher.03', 'POST', `${item}/replies`, { message: 'Merci.' })).status).toBe(
      201,
    );
    expect((await setStatus('trainer.alice', 'addressed')).status).toBe(200);
    expect((await setStatus('teacher.03', 'open')).status).toBe(200);

    const about = await waitFor(() => {
      const found = events().filter((event) => event.data['itemId'] === itemId);
      return found.length >= 3 ? found : undefined;
    });
    expect(about.map((event) => event.type)).toEqual([
      'feedback.item.posted.v1',
      'feedback.reply.posted.v1',
      'feedback.status.changed.v1',
    ]);
    expect(about[2]?.data).toMatchObject({ status: 'addressed' });
    expect(JSON.stringify(about)).not.toContain('Parlons-en');
  });

  it('announces a 1:1 message to its recipient with exactly the declared fields: no sender, no text', async () => {
    const courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: teachers,
    });
    await harness.bus.idle();
    const sent = await harness.call('teacher.02', 'POST', `/api/feedback/courses/${courseId}/messages`, {
      toUserId: userIdOf('trainer.alice'),
      message: secretText,
    });
    expect(sent.status).toBe(201);
    const messageId = (sent.body as { id: string }).id;

    const announced = await waitFor(() => events().find((event) => event.data['messageId'] === messageId));
    expect(announced.type).toBe(feedbackMessageSent.type);
    expect(Object.keys(announced.data).sort()).toEqual(Object.keys(feedbackMessageSent.schema.shape).sort());
    expect(announced.data).toEqual({ messageId, courseId, recipientId: userIdOf('trainer.alice') });
    const published = JSON.stringify(announced);
    expect(published).not.toContain(userIdOf('teacher.02'));
    expect(published).not.toContain('débordée');
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('not published in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
