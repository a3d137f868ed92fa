import { describe, expect, it } from 'vitest';
import type { Course } from '../../api/queries';
import { completionsById } from './completion-rules';
import { coursesITeach } from './trainer-rules';

const course = (title: string, myRole: Course['myRole'], trainerName = 'Alice Martin'): Course => ({
  id: `00000000-0000-4000-8000-00000000000${title.length}`,
  title,
  description: '',
  academy: 'lyon',
  themes: ['lecture'],
  predictedHours: 6,
  trainers: [{ name: trainerName }],
  districts: [],
  capacity: null,
  status: 'open',
  closesOn: null,
  seatsLeft: null,
  myRole,
});

describe('coursesITeach', () => {
  it("keeps the courses the service says the caller teaches, whatever the trainers' names", () => {
    const mine = course('Mien', 'trainer', 'Un homonyme');
    const namesakes = course('Homonyme', null, 'Alice Martin');
    const followed = course('Suivi', 'participant');
    expect(coursesITeach([mine, namesakes, followed])).toEqual([mine]);
  });
});

describe('completionsById', () => {
  it('gives each participant the state the trainer last marked, so a reload keeps "Terminée"', () => {
    expect(
      completionsById([
        { userId: 'a', completed: true },
        { userId: 'b', completed: false },
      ]),
    ).toEqual({ a: true, b: false });
  });
});
