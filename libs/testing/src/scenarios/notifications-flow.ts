import { randomUUID } from 'node:crypto';
import { demoNameOf } from '../harness/enrollment-events';
import { eventually, userIdOf, type RelaisClient } from '../relais-client';

/** A mail as the scenario reads it: from the standalone's /dev/mails or from Mailpit's API. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * A trainer answers a teacher's anonymous item: the teacher finds a notice in his notification centre
 * and a mail, which say what happened and link to the page, and carry nothing of what was written, of
 * who wrote it or of who answered; the trainer gets no notice of the anonymous item before the digest.
 * Then the trainer writes 1:1 to a colleague of the course, who is told that a message came and where
 * to read it, and nothing of who wrote or what.
 * The same in one process or across five, mails read wherever the deployment keeps them.
 * Uses jest's expect: it is a test scenario, not a client.
 */
export async function runNotificationsFlow(
  relais: RelaisClient,
  mailsTo: (address: string) => Promise<readonly ReceivedMail[]>,
): Promise<void> {
  const marker = randomUUID().slice(0, 8);
  const title = `Notifications ${marker}`;
  const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
    title,
    academy: 'lyon',
    themes: [`notices-${marker}`],
    predictedHours: 3,
    trainerIds: [userIdOf('trainer.alice')],
    districts: ['lyon-d1'],
  });
  expect(created.status).toBe(201);
  const courseId: string = created.body.id;
  const author = 'teacher.16';
  for (const teacher of [author, 'teacher.17', 'teacher.18', 'teacher.19', 'teacher.20']) {
    expect(
      (await relais.call(teacher, 'POST', `/api/enrollment/courses/${courseId}/enrollments`)).status,
    ).toBe(201);
  }
  // Notices are mailed to the address of the person's token, learnt when he opens his notifications.
  const recipient = 'teacher.17';
  for (const username of [author, recipient, 'trainer.alice']) {
    expect((await relais.call(username, 'GET', '/api/notifications/me/notifications')).status).toBe(200);
  }

  const secret = `Je n’arrive pas à suivre le rythme du module ${marker}.`;
  await eventually(async () => {
    const post = await relais.call(author, 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'workload-time',
      intensity: 5,
      message: secret,
      visibility: 'anonymous',
    });
    return post.status === 201 ? post : undefined;
  });
  const inbox = await relais.call('trainer.alice', 'GET', `/api/feedback/courses/${courseId}/feedback`);
  const item = inbox.body.items.find((candidate: { message: string }) => candidate.message === secret);
  const answer = `Parlons-en jeudi, ${marker}.`;
  expect(
    (
      await relais.call('trainer.alice', 'POST', `/api/feedback/feedback/${item.id}/replies`, {
        message: answer,
      })
    ).status,
  ).toBe(201);

  const notice = await eventually(async () => {
    const mine = await relais.call(author, 'GET', '/api/notifications/me/notifications');
    return (mine.body.notifications as { courseId: string; kind: string; text: string; link: string }[]).find(
      (candidate) => candidate.courseId === courseId && candidate.kind === 'feedback-reply',
    );
  }, 20_000);
  expect(notice).toMatchObject({
    text: `Un formateur a répondu à l’un de vos retours dans « ${title} ».`,
    link: '/mes-retours',
  });

  const mail = await eventually(async () => {
    const received = await mailsTo(`${author}@demo.relais.invalid`);
    return received.find((candidate) => candidate.subject.includes(title));
  }, 20_000);
  expect(mail.subject).toBe(`Relais : Un formateur a répondu à l’un de vos retours dans « ${title} »`);
  expect(mail.text).toContain('/mes-retours');
  for (const forbidden of [
    secret,
    answer,
    demoNameOf(author),
    demoNameOf('trainer.alice'),
    userIdOf(author),
    item.id,
    'workload',
    'anonyme',
  ]) {
    expect(mail.text).not.toContain(forbidden);
    expect(mail.html).not.toContain(forbidden);
    expect(mail.subject).not.toContain(forbidden);
    expect(JSON.stringify(notice)).not.toContain(forbidden);
  }

  // The anonymous item reaches the trainer the next morning, in the digest: nothing now.
  const trainers = await relais.call('trainer.alice', 'GET', '/api/notifications/me/notifications');
  expect(
    (trainers.body.notifications as { courseId: string }[]).filter((n) => n.courseId === courseId),
  ).toEqual([]);
  expect(
    (await mailsTo('trainer.alice@demo.relais.invalid')).filter((m) => m.subject.includes(title)),
  ).toEqual([]);

  // A 1:1 message: its recipient learns that one came, in the portal and by mail, and nothing more.
  const words = `Pouvez-vous m’envoyer la fiche du module ${marker} ?`;
  const sent = await eventually(async () => {
    const post = await relais.call('trainer.alice', 'POST', `/api/feedback/courses/${courseId}/messages`, {
      toUserId: userIdOf(recipient),
      message: words,
    });
    return post.status === 201 ? post : undefined;
  });
  const told = await eventually(async () => {
    const mine = await relais.call(recipient, 'GET', '/api/notifications/me/notifications');
    return (mine.body.notifications as { courseId: string; kind: string; text: string; link: string }[]).find(
      (candidate) => candidate.courseId === courseId && candidate.kind === 'message-new',
    );
  }, 20_000);
  expect(told).toMatchObject({ text: `Nouveau message dans « ${title} ».`, link: '/messages' });
  const messageMail = await eventually(async () => {
    const received = await mailsTo(`${recipient}@demo.relais.invalid`);
    return received.find((candidate) => candidate.subject === `Relais : Nouveau message dans « ${title} »`);
  }, 20_000);
  expect(messageMail.text).toContain('/messages');
  for (const forbidden of [words, demoNameOf('trainer.alice'), userIdOf('trainer.alice'), sent.body.id]) {
    expect(messageMail.text).not.toContain(forbidden);
    expect(messageMail.html).not.toContain(forbidden);
    expect(messageMail.subject).not.toContain(forbidden);
    expect(JSON.stringify(told)).not.toContain(forbidden);
  }
}
