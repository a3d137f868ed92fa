import { randomUUID } from 'node:crypto';
import { currentMonth, eventually, userIdOf, type RelaisClient } from '../relais-client';
import { publishedStatsTable, type ScenarioOptions } from './published-stats';

/**
 * One course lived through every service, the same in one process or across four: the inspector sees
 * names, schools and hours; a teacher marks activities and the trainer sees the bar move; a teacher
 * posts anonymously, the trainer replies without learning who it is, the teacher reads the reply,
 * and the CHSCT sees it only as a count.
 * Sibling services learn about the course from events, so reads are retried until they caught up.
 * Uses jest's expect: it is a test scenario, not a client.
 */
export async function runCourseLife(relais: RelaisClient, options: ScenarioOptions = {}): Promise<void> {
  const marker = randomUUID().slice(0, 8);
  const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
    title: `Course life ${marker}`,
    academy: 'lyon',
    themes: [`life-${marker}`],
    predictedHours: 6,
    trainerIds: [userIdOf('trainer.alice')],
    districts: ['lyon-d1'],
  });
  expect(created.status).toBe(201);
  const courseId: string = created.body.id;
  // Five participants: the fewest with which feedback accepts anonymous items (docs/design.md §7).
  for (const teacher of ['teacher.14', 'teacher.15', 'teacher.22', 'teacher.23', 'teacher.24']) {
    expect(
      (await relais.call(teacher, 'POST', `/api/enrollment/courses/${courseId}/enrollments`)).status,
    ).toBe(201);
  }
  const completion = `/api/enrollment/courses/${courseId}/enrollments/${userIdOf('teacher.14')}/completion`;
  expect((await relais.call('trainer.alice', 'PUT', completion, { completed: true })).status).toBe(200);

  // The inspector of lyon-d1 sees names, schools and hours of his district's teachers only (L10).
  const overview = await relais.call('inspector.d1', 'GET', '/api/enrollment/districts/lyon-d1/overview');
  const course = overview.body.courses.find((c: { courseId: string }) => c.courseId === courseId);
  expect(course.teachers).toEqual(
    expect.arrayContaining([
      { name: expect.any(String), school: '0690003C', status: 'completed', creditedHours: 6 },
      { name: expect.any(String), school: '0690003C', status: 'enrolled' },
    ]),
  );
  expect(course.teachers).toHaveLength(2);

  // Progress: the trainer defines activities once the roster knows him; the bar moves as a teacher marks.
  const activities = [
    { id: 'read', title: 'Read the framework', kind: 'resource' },
    { id: 'try', title: 'Try it in class', kind: 'assignment' },
  ];
  await eventually(async () => {
    const put = await relais.call(
      'trainer.alice',
      'PUT',
      `/api/progress/courses/${courseId}/activities`,
      activities,
    );
    return put.status === 200 ? put : undefined;
  });
  await eventually(async () => {
    const mark = await relais.call(
      'teacher.15',
      'PUT',
      `/api/progress/courses/${courseId}/activities/read/completion`,
      {
        done: true,
      },
    );
    return mark.status === 200 ? mark : undefined;
  });
  const bars = await relais.call('trainer.alice', 'GET', `/api/progress/courses/${courseId}/progress`);
  expect(bars.body).toContainEqual(
    expect.objectContaining({ userId: userIdOf('teacher.15'), done: 1, total: 2, percent: 50 }),
  );

  // Feedback: anonymous to the trainer, heard and answered.
  const text = `I feel lost with the second activity (${marker}).`;
  // Until the roster replica counts all five, an anonymous item is refused (409): retry until then.
  await eventually(async () => {
    const post = await relais.call('teacher.22', 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'support-guidance',
      intensity: 4,
      message: text,
      visibility: 'anonymous',
    });
    return post.status === 201 ? post : undefined;
  });
  const seenByTrainer = await relais.call(
    'trainer.alice',
    'GET',
    `/api/feedback/courses/${courseId}/feedback`,
  );
  const item = seenByTrainer.body.items.find((candidate: { message: string }) => candidate.message === text);
  expect(item).toBeDefined();
  const exposed = JSON.stringify(item);
  expect(exposed).not.toContain(userIdOf('teacher.22'));
  expect(exposed).not.toContain('teacher.22');
  expect(item.author).toBeUndefined();
  const reply = await relais.call('trainer.alice', 'POST', `/api/feedback/feedback/${item.id}/replies`, {
    message: 'Let us go through it together on Thursday.',
  });
  expect(reply.status).toBe(201);
  const mine = await relais.call('teacher.22', 'GET', '/api/feedback/me/feedback');
  const myItem = mine.body.find((candidate: { id: string }) => candidate.id === item.id);
  expect(myItem.replies).toContainEqual(
    expect.objectContaining({ by: 'trainer', message: 'Let us go through it together on Thursday.' }),
  );

  // The CHSCT sees the difficulty as a count (suppressed while small), never the teacher or the text,
  // once the month is published.
  const month = currentMonth();
  const trends = await publishedStatsTable(
    relais,
    'chsct.lyon',
    `/api/stats/chsct/feedback-trends?from=${month}&to=${month}&by=category`,
    options,
  );
  if (!trends) return;
  const cell = (
    trends['cells'] as { academy?: string; category?: string; intensityBand?: string; measure: string }[]
  ).find(
    (candidate) =>
      candidate.academy === 'lyon' &&
      candidate.category === 'support-guidance' &&
      candidate.intensityBand === 'high' &&
      candidate.measure === 'respondents',
  );
  // Counted: hidden while small, or a count.
  expect(
    cell !== undefined && ('suppressed' in cell || Number((cell as { value?: unknown }).value) > 0),
  ).toBe(true);
  const published = JSON.stringify(trends);
  expect(published).not.toContain(marker);
  expect(published).not.toContain(userIdOf('teacher.22'));
  expect(published).not.toContain(courseId);
}
