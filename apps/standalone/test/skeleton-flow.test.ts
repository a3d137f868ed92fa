import { currentMonth, runCourseLife, runSkeletonFlow, userIdOf } from '@relais/testing';
import { startTestStandalone, type StandaloneUnderTest } from './support/standalone-fixture';

describe('skeleton flow in standalone mode', () => {
  let relais: StandaloneUnderTest;
  beforeAll(async () => {
    relais = await startTestStandalone();
  });
  afterAll(async () => relais.stop());

  it('counts completions recorded by a trainer in the ministry table, without naming anyone', async () => {
    await runSkeletonFlow(relais, { publishStats: () => relais.publishStats() });
  });

  it('suppresses a cell of fewer than 11 teachers', async () => {
    // A Relais of its own: the skeleton above published, and so froze, this quarter's tables.
    const fresh = await startTestStandalone();
    try {
      const created = await fresh.call('manager.grenoble', 'POST', '/api/enrollment/courses', {
        title: 'Differentiated instruction',
        academy: 'grenoble',
        themes: ['inclusion'],
        predictedHours: 12,
        trainerIds: [userIdOf('trainer.chloe')],
      });
      expect(created.status).toBe(201);
      const enrolled = await fresh.call(
        'teacher.g01',
        'POST',
        `/api/enrollment/courses/${created.body.id}/enrollments`,
      );
      expect(enrolled.status).toBe(201);
      await fresh.publishStats();
      const path = `/api/stats/ministry/enrollments?period=${currentMonth()}&by=academy`;
      const response = await fresh.call('ministry.dne', 'GET', path);
      const cell = response.body?.cells?.find(
        (c: { academy?: string; measure: string }) =>
          c.academy === 'grenoble' && c.measure === 'teachers-enrolled',
      );
      expect(cell).toEqual({
        academy: 'grenoble',
        measure: 'teachers-enrolled',
        value: null,
        suppressed: 'primary',
      });
    } finally {
      await fresh.stop();
    }
  });
});

describe('a course lived through every service in standalone mode', () => {
  let relais: StandaloneUnderTest;
  beforeAll(async () => {
    relais = await startTestStandalone();
  });
  afterAll(async () => relais.stop());

  it('shows the inspector his district, moves the bar, and carries anonymous feedback both ways', async () => {
    await runCourseLife(relais, { publishStats: () => relais.publishStats() });
  });
});
