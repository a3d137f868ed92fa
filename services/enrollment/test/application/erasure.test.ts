import { InMemoryErasureRequestStore } from '../../src/infrastructure/memory/in-memory-erasure-requests';
import type { RevisionLog } from '@relais/store/revisions';
import type { CourseRepository } from '../../src/application/ports';
import { ErasureIncomplete, ErasureUseCases } from '../../src/application/erasure';
import type { Course } from '../../src/domain/course';
import { InMemoryCourseRepository } from '../../src/infrastructure/memory/in-memory-course-repository';
import { CourseMother, ParticipantMother } from '../mothers/course-mother';

describe('an erasure that other writers keep losing', () => {
  it('erases what it can, then throws with the counts, so that the caller erases again', async () => {
    const courses = new InMemoryCourseRepository();
    const him = ParticipantMother.enrolled();
    const busy = CourseMother.open({ participants: [him] });
    const free = CourseMother.open({ participants: [him] });
    await courses.insert(busy, []);
    await courses.insert(free, []);
    // Every save of the busy course loses to another writer.
    const log = courses.revisions;
    const busyLog: RevisionLog<Course> = {
      read: (id) => log.read(id),
      append: async (id, ...rest) => (id === busy.id ? 'conflict' : log.append(id, ...rest)),
      remove: (id, ...rest) => log.remove(id, ...rest),
    };
    const racing: CourseRepository = Object.assign(Object.create(courses) as CourseRepository, {
      revisions: busyLog,
    });

    const erasure = new ErasureUseCases(racing, new InMemoryErasureRequestStore(new Map())).forgetPerson(
      him.userId,
    );

    await expect(erasure).rejects.toBeInstanceOf(ErasureIncomplete);
    await expect(erasure).rejects.toMatchObject({
      coursesDeferred: 1,
      counts: { coursesChanged: 1, enrollments: 1 },
    });
    expect((await courses.findById(free.id))?.course.participants).toEqual([]);
    expect((await courses.findById(busy.id))?.course.participants).toEqual([him]);
    expect(
      (
        await new ErasureUseCases(courses, new InMemoryErasureRequestStore(new Map())).forgetPerson(
          him.userId,
        )
      ).enrollments,
    ).toBe(1);
  });
});
