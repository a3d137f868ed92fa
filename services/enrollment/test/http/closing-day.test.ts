import { topics } from '@relais/contracts';
import type { ServiceHarness } from '@relais/testing';
import { lyonCourse, startEnrollmentHarness } from './enrollment-harness';

describe('a course’s planned closing day (closesOn)', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startEnrollmentHarness();
  });
  afterAll(async () => harness.stop());

  const create = (overrides: Record<string, unknown> = {}) =>
    harness.call('manager.lyon', 'POST', '/api/enrollment/courses', lyonCourse(overrides));
  const patch = (courseId: string, body: Record<string, unknown>) =>
    harness.call('manager.lyon', 'PATCH', `/api/enrollment/courses/${courseId}`, body);
  const snapshots = (courseId: string) =>
    harness.bus
      .records(topics.enrollmentEvents)
      .map((record) => JSON.parse(record.value ?? '{}') as { type: string; data: Record<string, unknown> })
      .filter((event) => event.type.startsWith('enrollment.course.') && event.data['courseId'] === courseId);

  it('is set on creation, changed and cleared by the manager, and told to siblings in the snapshot', async () => {
    const created = await create({ closesOn: '2099-06-30' });
    expect(created).toMatchObject({ status: 201, body: { closesOn: '2099-06-30' } });
    const courseId = created.body.id as string;

    expect(await patch(courseId, { closesOn: '2099-07-15' })).toMatchObject({
      status: 200,
      body: { closesOn: '2099-07-15' },
    });
    expect(
      (await harness.call('manager.lyon', 'GET', `/api/enrollment/courses/${courseId}`)).body,
    ).toMatchObject({ closesOn: '2099-07-15' });
    expect(await patch(courseId, { closesOn: null })).toMatchObject({
      status: 200,
      body: { closesOn: null },
    });

    await harness.host.relay.drainOnce();
    const events = snapshots(courseId);
    expect(events.map((event) => [event.type, event.data['closesOn']])).toEqual([
      ['enrollment.course.published.v1', '2099-06-30'],
      ['enrollment.course.updated.v1', '2099-07-15'],
      ['enrollment.course.updated.v1', undefined],
    ]);
  });

  it('is null on a course that plans none', async () => {
    expect((await create()).body).toMatchObject({ closesOn: null });
  });

  it.each([
    ['a malformed day', '30/06/2099'],
    ['a day that does not exist', '2099-02-30'],
  ])('refuses %s with a 400 problem naming closesOn, on creation and on change', async (_, closesOn) => {
    await expectRefused(closesOn, 400, 'VALIDATION_FAILED');
  });

  it('refuses a well-formed day before today with a 422 problem naming closesOn, on creation and on change', async () => {
    await expectRefused('2020-01-01', 422, 'CLOSING_DAY_PASSED');
  });

  async function expectRefused(closesOn: string, status: number, code: string): Promise<void> {
    const created = await create({ closesOn });
    expect(created.status).toBe(status);
    expect(created.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(created.body).toMatchObject({ code });
    expect(created.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'closesOn' })]);

    const courseId = (await create()).body.id as string;
    const changed = await patch(courseId, { closesOn });
    expect(changed.status).toBe(status);
    expect(changed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(changed.body).toMatchObject({ code });
    expect(changed.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'closesOn' })]);
  }
});
