import { publishCourseWithMembers, type ServiceHarness } from '@relais/testing';
import { deliver, enrollmentOf, withdrawalOf } from '../support/enrollment-events';

const trackingAttempts = { timeSpent: 95, duration: 'PT12M', clicks: 14, views: 3, lastAccess: '2026-01-05' };

/**
 * Every kind of write progress accepts, each also tried with tracking data riding along, and every
 * answer checked: after this, the stores hold whatever these requests could have left behind.
 */
export async function exerciseEveryWrite(harness: ServiceHarness): Promise<void> {
  const courseId = await publishCourseWithMembers(harness.bus, {
    trainers: ['trainer.alice'],
    participants: ['teacher.01', 'teacher.02', 'teacher.03'],
    completed: ['teacher.03'],
  });
  await harness.bus.idle();
  const base = `/api/progress/courses/${courseId}`;
  const expectStatus = async (
    status: number,
    username: string,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const answer = await harness.call(username, method, path, body);
    if (answer.status !== status)
      throw new Error(`${method} ${path} answered ${answer.status}, not ${status}`);
  };
  const list = [
    { id: 'intro', title: 'Welcome', kind: 'resource' },
    { id: 'video', title: 'Phonics', kind: 'video' },
    { id: 'forum', title: 'Share', kind: 'forum', optional: true },
  ];
  await expectStatus(400, 'trainer.alice', 'PUT', `${base}/activities`, [
    { ...list[0], ...trackingAttempts },
  ]);
  await expectStatus(200, 'trainer.alice', 'PUT', `${base}/activities`, list);
  for (const username of ['teacher.01', 'teacher.02', 'teacher.03']) {
    for (const activityId of ['intro', 'video', 'forum']) {
      const path = `${base}/activities/${activityId}/completion`;
      await expectStatus(400, username, 'PUT', path, { done: true, ...trackingAttempts });
      await expectStatus(400, username, 'PUT', `${path}?timeSpent=30&views=2`, { done: true });
      await expectStatus(200, username, 'PUT', path, { done: true });
    }
  }
  await expectStatus(200, 'teacher.02', 'PUT', `${base}/activities/video/completion`, { done: false });
  await deliver(harness.bus, withdrawalOf(courseId, 'teacher.02'));
  await deliver(harness.bus, enrollmentOf(courseId, 'teacher.02'));
  await harness.bus.idle();
  await expectStatus(200, 'teacher.02', 'PUT', `${base}/activities/intro/completion`, { done: true });
  await expectStatus(200, 'trainer.alice', 'PUT', `${base}/activities`, list.slice(0, 2));
  for (const [username, path] of [
    ['teacher.01', `${base}/progress/me`],
    ['trainer.alice', `${base}/progress`],
    ['teacher.01', `${base}/activities`],
  ] as const)
    await expectStatus(200, username, 'GET', path);
}
