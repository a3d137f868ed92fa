import { randomUUID } from 'node:crypto';
import type { Course, Participant, Trainer } from '../../src/domain/course';

/** Object mothers: a valid course by default, with only what a test cares about overridden. */
export const TrainerMother = {
  alice: (): Trainer => ({ userId: 'trainer-alice', name: 'Alice Martin' }),
};

export const ParticipantMother = {
  enrolled: (overrides: Partial<Participant> = {}): Participant => ({
    userId: `teacher-${randomUUID().slice(0, 8)}`,
    name: 'Camille Durand',
    school: '0690001A',
    district: 'lyon-d1',
    status: 'enrolled',
    creditedHours: 0,
    ...overrides,
  }),
};

export const CourseMother = {
  open: (overrides: Partial<Course> = {}): Course => ({
    id: randomUUID(),
    academy: 'lyon',
    title: 'Teaching reading in CP',
    description: 'Phonics and comprehension, nine hours over six weeks.',
    themes: ['reading'],
    predictedHours: 9,
    trainers: [TrainerMother.alice()],
    districts: ['lyon-d1'],
    status: 'open',
    participants: [],
    formerParticipants: [],
    ...overrides,
  }),
};
