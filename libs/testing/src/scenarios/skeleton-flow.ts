import { randomUUID } from 'node:crypto';
import { currentMonth, userIdOf, type RelaisClient } from '../relais-client';
import { publishedStatsTable, type ScenarioOptions } from './published-stats';

const teachers = Array.from({ length: 11 }, (_, index) => `teacher.${String(index + 1).padStart(2, '0')}`);

/**
 * The walking skeleton, the same in one process or across four: a manager creates a course, eleven
 * teachers enroll, the trainer records their completion, anonymous facts reach stats, and the
 * ministry reads a table in which those completions are counted (eleven: smaller cells are
 * suppressed, as in production) once the period is published: in one process, where the scenario
 * can publish it; across processes, it checks that stats says when it will be (docs/design.md §7). Uses
 * jest's expect: it is a test scenario, not a client.
 */
export async function runSkeletonFlow(relais: RelaisClient, options: ScenarioOptions = {}): Promise<void> {
  // A theme of its own, so that a shared database (across processes) starts this table at zero.
  const theme = `skeleton-${randomUUID().slice(0, 8)}`;
  const created = await relais.call('manager.lyon', 'POST', '/api/enrollment/courses', {
    title: 'Teaching reading in CP',
    description: 'Phonics and comprehension.',
    academy: 'lyon',
    themes: [theme],
    predictedHours: 9,
    trainerIds: [userIdOf('trainer.alice')],
    districts: ['lyon-d1'],
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    title: 'Teaching reading in CP',
    trainers: [{ name: expect.any(String) }],
  });
  const courseId: string = created.body.id;

  for (const teacher of teachers) {
    const enrolled = await relais.call(teacher, 'POST', `/api/enrollment/courses/${courseId}/enrollments`);
    expect(enrolled).toMatchObject({ status: 201, body: { courseId, status: 'enrolled', creditedHours: 0 } });
  }
  for (const teacher of teachers) {
    const completed = await relais.call(
      'trainer.alice',
      'PUT',
      `/api/enrollment/courses/${courseId}/enrollments/${userIdOf(teacher)}/completion`,
      { completed: true },
    );
    expect(completed).toMatchObject({ status: 200, body: { status: 'completed', creditedHours: 9 } });
  }
  const record = await relais.call('teacher.01', 'GET', '/api/enrollment/me/enrollments');
  expect(record.body.enrollments).toContainEqual(
    expect.objectContaining({ courseId, status: 'completed', creditedHours: 9 }),
  );

  const path = `/api/stats/ministry/enrollments?period=${currentMonth()}&by=theme`;
  const table = await publishedStatsTable(relais, 'ministry.dne', path, options);
  if (!table) return;
  const cellsOfTheme = (table['cells'] as { theme?: string }[]).filter((cell) => cell.theme === theme);
  expect(cellsOfTheme).toEqual(
    expect.arrayContaining([
      { theme, measure: 'teachers-enrolled', value: 11 },
      { theme, measure: 'teachers-completed', value: 11 },
      { theme, measure: 'credited-hours', value: 99 },
    ]),
  );
  const published = JSON.stringify(cellsOfTheme);
  for (const teacher of teachers) expect(published).not.toContain(userIdOf(teacher));
  expect(published).not.toContain(courseId);
}
