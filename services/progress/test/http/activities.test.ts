import { publishCourseWithMembers, startServiceHarness, type ServiceHarness } from '@relais/testing';
import { createInMemoryProgressService } from '../../src/index';

describe('progress activities over HTTP, with a roster built from enrollment events', () => {
  let harness: ServiceHarness;
  let courseId: string;
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryProgressService({ verifier: verifierFor('relais-progress') }),
    ]);
    courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      participants: ['teacher.01'],
    });
    await harness.bus.idle();
  });
  afterAll(async () => harness.stop());

  const activities = [
    { id: 'intro', title: 'Welcome', kind: 'resource' },
    { id: 'forum', title: 'Share a lesson', kind: 'forum', optional: true },
  ];

  it('lets a trainer of the course define the activities, and members read them', async () => {
    const put = await harness.call(
      'trainer.alice',
      'PUT',
      `/api/progress/courses/${courseId}/activities`,
      activities,
    );
    expect(put.status).toBe(200);
    const read = await harness.call('teacher.01', 'GET', `/api/progress/courses/${courseId}/activities`);
    expect(read).toMatchObject({
      status: 200,
      body: [
        { id: 'intro', title: 'Welcome', kind: 'resource', optional: false },
        { id: 'forum', title: 'Share a lesson', kind: 'forum', optional: true },
      ],
    });
  });

  it('hides the course from non-members behind 404, whatever their rank', async () => {
    for (const username of ['teacher.02', 'trainer.bruno', 'inspector.d1', 'ministry.dne']) {
      const read = await harness.call(username, 'GET', `/api/progress/courses/${courseId}/activities`);
      expect({ username, status: read.status }).toEqual({ username, status: 404 });
    }
  });

  it('refuses duplicate activity ids and empty titles with 400', async () => {
    const duplicate = await harness.call(
      'trainer.alice',
      'PUT',
      `/api/progress/courses/${courseId}/activities`,
      [activities[0], activities[0]],
    );
    expect(duplicate).toMatchObject({ status: 400, body: { code: 'DUPLICATE_ACTIVITY_IDS' } });
    const empty = await harness.call('trainer.alice', 'PUT', `/api/progress/courses/${courseId}/activities`, [
      { id: 'x', title: ' ', kind: 'resource' },
    ]);
    expect(empty.status).toBe(400);
  });
});
