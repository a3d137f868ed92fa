import { randomUUID } from 'node:crypto';
import { InMemoryRosterStore, withCourse, withParticipant } from '@relais/roster';
import { CompletionUseCases } from '../../src/application/completion-use-cases';
import { CourseAccess } from '../../src/application/course-access';
import { ErasureUseCases } from '../../src/application/erasure';
import { PersonalDataQueries } from '../../src/application/personal-data';
import { InMemoryActivityStore, InMemoryCompletionMarkStore, progressPersonalData } from '../../src/index';
import { ActivityMother } from '../mothers/activity-mother';

const erased = 'teacher-erased';

/** A promise and what settles it (the tsconfig's lib predates `Promise.withResolvers`). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** A roster store whose erasure waits until the test lets it go: a declaration can run meanwhile. */
class GatedRosterStore extends InMemoryRosterStore {
  private readonly gate = signal();
  private readonly erasureReached = signal();
  /** Settles once the erasure waits at the gate. */
  readonly reached = this.erasureReached.promise;

  open(): void {
    this.gate.resolve();
  }

  override async forgetPerson(userId: string): Promise<number> {
    this.erasureReached.resolve();
    await this.gate.promise;
    return super.forgetPerson(userId);
  }
}

describe('progress erasure use case (ADR 0033)', () => {
  const courseWith = async (rosters: InMemoryRosterStore, activities: InMemoryActivityStore) => {
    const courseId = randomUUID();
    await rosters.apply(
      courseId,
      randomUUID(),
      withCourse(
        {
          courseId,
          academy: 'lyon',
          title: 'Lire au cycle 2',
          status: 'open',
          trainers: [{ userId: 'trainer-1', name: 'Alice Martin' }],
        },
        '2026-09-01',
      ),
    );
    await rosters.apply(courseId, randomUUID(), withParticipant({ userId: erased, name: 'Paul Erased' }));
    await activities.replace(courseId, [ActivityMother.required('a'), ActivityMother.required('b')]);
    return courseId;
  };

  it('does not let a mark declared while his erasure is under way outlive it', async () => {
    const rosters = new GatedRosterStore();
    const activities = new InMemoryActivityStore();
    const marks = new InMemoryCompletionMarkStore();
    const completion = new CompletionUseCases(new CourseAccess(rosters), activities, marks);
    const courseId = await courseWith(rosters, activities);
    await completion.declare(erased, courseId, 'a', true);

    // The erasure starts and stops at the roster; he declares another activity meanwhile, still a
    // participant. Were the marks deleted before the roster, this one would be left behind.
    const erasure = new ErasureUseCases(rosters, marks).forgetPerson(erased);
    await rosters.reached;
    await completion.declare(erased, courseId, 'b', true);
    rosters.open();

    expect(await erasure).toEqual({ courseRosters: 1, completionMarks: 2 });
    expect(await marks.marksBy(erased)).toEqual([]);
    const collected = await new PersonalDataQueries(rosters, activities, marks).collect(erased);
    expect(progressPersonalData.kinds.map(({ kind }) => collected[kind] ?? [])).toEqual(
      progressPersonalData.kinds.map(() => []),
    );
  });

  it('answers counts only, with no id in them', async () => {
    const rosters = new InMemoryRosterStore();
    const activities = new InMemoryActivityStore();
    const marks = new InMemoryCompletionMarkStore();
    const courseId = await courseWith(rosters, activities);
    await marks.add({ courseId, userId: erased, activityId: 'a' });

    const counts = await new ErasureUseCases(rosters, marks).forgetPerson(erased);

    expect(Object.values(counts).every((count) => typeof count === 'number')).toBe(true);
    expect(JSON.stringify(counts)).not.toContain(erased);
    expect(JSON.stringify(counts)).not.toContain(courseId);
  });
});
