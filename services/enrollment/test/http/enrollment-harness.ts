import { randomBytes } from 'node:crypto';
import { demoRealmFile, startServiceHarness, userIdOf, type ServiceHarness } from '@relais/testing';
import { createInMemoryEnrollmentService } from '../../src/index';

export function startEnrollmentHarness(): Promise<ServiceHarness> {
  return startServiceHarness((verifierFor) => [
    createInMemoryEnrollmentService({
      verifier: verifierFor('relais-enrollment'),
      realmFile: demoRealmFile,
      countingKey: randomBytes(32).toString('base64url'),
    }),
  ]);
}

export const lyonCourse = (overrides: Record<string, unknown> = {}) => ({
  title: 'Teaching reading in CP',
  description: 'Phonics and comprehension.',
  academy: 'lyon',
  themes: ['reading'],
  predictedHours: 9,
  trainerIds: [userIdOf('trainer.alice')],
  districts: ['lyon-d1'],
  ...overrides,
});

/** A Lyon course trained by Alice with the given participants; returns its id. */
export async function courseWith(harness: ServiceHarness, participants: string[] = []): Promise<string> {
  const created = await harness.call('manager.lyon', 'POST', '/api/enrollment/courses', lyonCourse());
  if (created.status !== 201) throw new Error(`could not create the course: ${created.status}`);
  for (const teacher of participants) {
    const enrolled = await harness.call(
      teacher,
      'POST',
      `/api/enrollment/courses/${created.body.id}/enrollments`,
    );
    if (enrolled.status !== 201) throw new Error(`${teacher} could not enroll: ${enrolled.status}`);
  }
  return created.body.id;
}
