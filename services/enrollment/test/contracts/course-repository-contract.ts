import { randomUUID } from 'node:crypto';
import type { OutboxStore } from '@relais/bus';
import type { CourseRepository } from '../../src/application/ports';
import type { Course } from '../../src/domain/course';
import type { ParticipationCounter } from '../../src/application/ports';
import { CourseMother, ParticipantMother } from '../mothers/course-mother';
import { anEvent, PersonEventMother } from '../mothers/event-mother';

export interface EnrollmentStores {
  courses: CourseRepository;
  counter: ParticipationCounter;
  /** The courses' outbox as the relay reads it. */
  outbox: OutboxStore;
}

/** One contract for the in-memory and the mongoose adapters of enrollment's stores. */
export function describeEnrollmentStoresContract(
  adapterName: string,
  open: () => Promise<EnrollmentStores>,
): void {
  describe(`enrollment stores contract: ${adapterName}`, () => {
    let stores: EnrollmentStores;
    beforeEach(async () => {
      stores = await open();
    });

    it('stores a course and reads it back at revision 1', async () => {
      const course = CourseMother.open({ capacity: 30, participants: [ParticipantMother.enrolled()] });
      await stores.courses.insert(course, []);
      expect(await stores.courses.findById(course.id)).toEqual({ course, revision: 1 });
    });

    it('stores a course without capacity or optional participant fields as it was given', async () => {
      const course = CourseMother.open({
        participants: [{ userId: 'teacher-x', name: 'Camille', status: 'enrolled', creditedHours: 0 }],
      });
      await stores.courses.insert(course, []);
      expect((await stores.courses.findById(course.id))?.course).toEqual(course);
    });

    it('answers undefined for an unknown course', async () => {
      expect(await stores.courses.findById(randomUUID())).toBeUndefined();
    });

    it('replaces only from the revision it read, so concurrent writers cannot both win', async () => {
      const course = CourseMother.open();
      await stores.courses.insert(course, []);
      const read = (await stores.courses.findById(course.id))!;
      const first = { ...course, title: 'First' };
      const second = { ...course, title: 'Second' };
      expect(await stores.courses.replace(read, first, [])).toBe(true);
      expect(await stores.courses.replace(read, second, [])).toBe(false);
      expect(await stores.courses.findById(course.id)).toEqual({ course: first, revision: 2 });
    });

    it('lets exactly one of many concurrent saves from the same revision win', async () => {
      const course = CourseMother.open();
      await stores.courses.insert(course, []);
      const read = (await stores.courses.findById(course.id))!;
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          stores.courses.replace(read, { ...course, title: `T${index}` }, []),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const winner = outcomes.indexOf(true);
      expect(await stores.courses.findById(course.id)).toEqual({
        course: { ...course, title: `T${winner}` },
        revision: 2,
      });
    });

    it('finds a course by its new participants right after a save', async () => {
      const course = CourseMother.open();
      await stores.courses.insert(course, []);
      const participant = ParticipantMother.enrolled();
      const read = (await stores.courses.findById(course.id))!;
      await stores.courses.replace(read, { ...course, participants: [participant] }, []);
      expect((await stores.courses.find({ participantId: participant.userId })).map((c) => c.id)).toEqual([
        course.id,
      ]);
      const withdrawn = (await stores.courses.findById(course.id))!;
      await stores.courses.replace(withdrawn, course, []);
      expect(await stores.courses.find({ participantId: participant.userId })).toEqual([]);
    });

    it('finds courses by academy, status, trainer, participant and district', async () => {
      const marker = randomUUID();
      const participant = ParticipantMother.enrolled({ userId: `p-${marker}`, district: `d-${marker}` });
      const trained = CourseMother.open({
        academy: 'lyon',
        trainers: [{ userId: `t-${marker}`, name: 'T' }],
      });
      const joined = CourseMother.open({ academy: 'lyon', status: 'closed', participants: [participant] });
      const targeted = CourseMother.open({ academy: 'grenoble', districts: [`d-${marker}`] });
      for (const course of [trained, joined, targeted]) await stores.courses.insert(course, []);
      const ids = async (query: Parameters<CourseRepository['find']>[0]) =>
        (await stores.courses.find(query)).map((course) => course.id).sort();
      expect(await ids({ trainerId: `t-${marker}` })).toEqual([trained.id]);
      expect(await ids({ participantId: `p-${marker}` })).toEqual([joined.id]);
      expect(await ids({ district: `d-${marker}` })).toEqual([joined.id, targeted.id].sort());
      expect(await ids({ participantId: `p-${marker}`, status: 'open' })).toEqual([]);
      expect((await ids({ academy: 'grenoble' })).includes(targeted.id)).toBe(true);
    });

    it('stores who left after completion with his credited hours, and finds the course by him and his district', async () => {
      const marker = randomUUID();
      const former = {
        userId: `f-${marker}`,
        name: 'Camille Durand',
        school: '0690001A',
        district: `d-${marker}`,
        creditedHours: 7.5,
      };
      const course = CourseMother.open({ status: 'closed', districts: [], formerParticipants: [former] });
      await stores.courses.insert(course, []);
      expect((await stores.courses.findById(course.id))?.course).toEqual(course);
      const ids = async (query: Parameters<CourseRepository['find']>[0]) =>
        (await stores.courses.find(query)).map((found) => found.id);
      expect(await ids({ formerParticipantId: former.userId })).toEqual([course.id]);
      expect(await ids({ participantId: former.userId })).toEqual([]);
      expect(await ids({ district: former.district })).toEqual([course.id]);
    });

    it('stores attestations as issued and finds a course by the code of one, held or kept after leaving', async () => {
      const marker = randomUUID().slice(0, 4).toUpperCase();
      const attestation = (code: string) => ({
        code,
        teacherName: 'Camille Durand',
        courseTitle: 'Lire au CP',
        academy: 'lyon',
        creditedHours: 7.5,
        completedOn: '2026-11-20',
        trainerNames: ['Alice Martin', 'Bruno Petit'],
      });
      const held = `${marker}-AAAA-AAAA-AAAA`;
      const kept = `${marker}-BBBB-BBBB-BBBB`;
      const course = CourseMother.open({
        participants: [
          ParticipantMother.enrolled({
            status: 'completed',
            creditedHours: 7.5,
            attestation: attestation(held),
          }),
        ],
        formerParticipants: [
          {
            userId: `f-${marker}`,
            name: 'Dominique Roy',
            creditedHours: 7.5,
            attestation: attestation(kept),
          },
        ],
      });
      await stores.courses.insert(course, []);
      expect((await stores.courses.findById(course.id))?.course).toEqual(course);
      const ids = async (code: string) =>
        (await stores.courses.find({ attestationCode: code })).map((found) => found.id);
      expect(await ids(held)).toEqual([course.id]);
      expect(await ids(kept)).toEqual([course.id]);
      expect(await ids(`${marker}-CCCC-CCCC-CCCC`)).toEqual([]);
    });

    it('finds the courses that name a person: as trainer, participant, or one who left after completion', async () => {
      const person = `person-${randomUUID()}`;
      const trained = CourseMother.open({ trainers: [{ userId: person, name: 'Dominique Roy' }] });
      const joined = CourseMother.open({
        status: 'closed',
        participants: [ParticipantMother.enrolled({ userId: person })],
      });
      const left = CourseMother.open({
        formerParticipants: [{ userId: person, name: 'Dominique Roy', creditedHours: 9 }],
      });
      const elsewhere = CourseMother.open({ participants: [ParticipantMother.enrolled()] });
      for (const course of [trained, joined, left, elsewhere]) await stores.courses.insert(course, []);
      const ids = async (query: Parameters<CourseRepository['find']>[0]) =>
        (await stores.courses.find(query)).map((course) => course.id).sort();

      expect(await ids({ personId: person })).toEqual([trained.id, joined.id, left.id].sort());
      expect(await ids({ personId: person, status: 'closed' })).toEqual([joined.id]);
      expect(await ids({ personId: `person-${randomUUID()}` })).toEqual([]);
    });

    it('finds the pending events that name a person, each once, also once the course no longer does', async () => {
      const [teacher, trainer] = [`teacher-${randomUUID()}`, `trainer-${randomUUID()}`];
      const participant = ParticipantMother.enrolled({ userId: teacher });
      const course = CourseMother.open({ trainers: [{ userId: trainer, name: 'Alice Martin' }] });
      const published = PersonEventMother.published(course);
      const enrolled = PersonEventMother.enrolled(course.id, participant);
      const withdrawn = PersonEventMother.withdrawn(course.id, teacher);
      const namesNoOne = anEvent();
      await stores.courses.insert({ ...course, participants: [participant] }, [
        published,
        enrolled,
        namesNoOne,
      ]);
      const read = (await stores.courses.findById(course.id))!;
      await stores.courses.replace(read, course, [withdrawn]);
      const eventIds = async (userId: string) =>
        (await stores.courses.pendingEventsNaming(userId)).map((event) => event.envelope.id).sort();

      expect(await eventIds(teacher)).toEqual([enrolled.envelope.id, withdrawn.envelope.id].sort());
      expect(await eventIds(trainer)).toEqual([published.envelope.id]);
      expect(await eventIds(`teacher-${randomUUID()}`)).toEqual([]);
      expect(
        (await stores.courses.pendingEventsNaming(teacher)).find(
          (e) => e.envelope.id === enrolled.envelope.id,
        ),
      ).toEqual(enrolled);
    });

    describe('retention (ADR 0032)', () => {
      const contains = (ids: readonly string[], course: { id: string }) => ids.includes(course.id);

      it('finds the closed courses that record no closing day, and no other', async () => {
        const undated = CourseMother.open({ status: 'closed' });
        const dated = CourseMother.open({ status: 'closed', closedOn: '2021-03-04' });
        const open = CourseMother.open();
        for (const course of [undated, dated, open]) await stores.courses.insert(course, []);

        const found = await stores.courses.closedWithoutClosingDay();

        expect([undated, dated, open].map((course) => contains(found, course))).toEqual([true, false, false]);
        expect(found.filter((id) => id === undated.id)).toHaveLength(1);
      });

      it('finds the courses closed before a day whose record names people, by their latest revision', async () => {
        const closedOn = (day: string, overrides: Partial<Course> = {}) =>
          CourseMother.open({
            status: 'closed',
            closedOn: day,
            participants: [ParticipantMother.enrolled()],
            ...overrides,
          });
        const dayBefore = closedOn('2020-12-06');
        const onTheDay = closedOn('2020-12-07');
        const anonymised = closedOn('2020-12-06', {
          recordAnonymisedOn: '2026-12-07',
          trainers: [],
          participants: [],
        });
        const reopenedSince = closedOn('2020-12-06');
        const undated = CourseMother.open({ status: 'closed' });
        for (const course of [dayBefore, onTheDay, anonymised, reopenedSince, undated]) {
          await stores.courses.insert(course, []);
        }
        const { closedOn: _day, ...reopened } = reopenedSince;
        await stores.courses.replace(
          { course: reopenedSince, revision: 1 },
          { ...reopened, status: 'open' },
          [],
        );

        const found = await stores.courses.trainingRecordsClosedBefore('2020-12-07');

        expect(
          [dayBefore, onTheDay, anonymised, reopenedSince, undated].map((course) => contains(found, course)),
        ).toEqual([true, false, false, false, false]);
        expect(found.filter((id) => id === dayBefore.id)).toHaveLength(1);
      });

      it('stores the closing day and the day the record was anonymised as they were given', async () => {
        const course = CourseMother.open({
          status: 'closed',
          closedOn: '2020-12-06',
          recordAnonymisedOn: '2026-12-07',
          trainers: [],
        });
        await stores.courses.insert(course, []);
        expect((await stores.courses.findById(course.id))?.course).toEqual(course);
      });

      it('drops the pending events naming someone saved before a day, each once, and no other', async () => {
        const [late, onTime] = [new Date('2020-03-31T23:59:59.999Z'), new Date('2020-04-01T00:00:00.000Z')];
        const teacher = ParticipantMother.enrolled();
        const course = CourseMother.open({ participants: [teacher] });
        const stale = [
          PersonEventMother.published(course, late),
          PersonEventMother.enrolled(course.id, teacher, late),
        ];
        const namesNoOne = anEvent(late);
        const kept = PersonEventMother.withdrawn(course.id, teacher.userId, onTime);
        await stores.courses.insert(course, [...stale, namesNoOne]);
        const read = (await stores.courses.findById(course.id))!;
        await stores.courses.replace(read, { ...course, title: 'Renamed' }, [kept]);
        const other = CourseMother.open();
        await stores.courses.insert(other, [PersonEventMother.published(other, late)]);

        expect(await stores.courses.dropPendingEventsNamingSomeoneBefore('2020-04-01')).toBe(3);

        const pendingIds = async (userId: string) =>
          (await stores.courses.pendingEventsNaming(userId)).map((event) => event.envelope.id);
        expect(await pendingIds(teacher.userId)).toEqual([kept.envelope.id]);
        expect(await pendingIds(course.trainers[0]!.userId)).not.toContain(stale[0]?.envelope.id);
        expect(await stores.courses.dropPendingEventsNamingSomeoneBefore('2020-04-01')).toBe(0);
        expect(await stores.courses.dropPendingEventsNamingSomeoneBefore('2020-04-02')).toBe(1);

        // What the relay still finds: the event that names no one waits for it, however old.
        const owner = `retention-${randomUUID()}`;
        const claimed = await stores.outbox.claim(owner, 60_000, 1_000);
        for (const { documentId } of claimed) await stores.outbox.acknowledge(documentId, owner, []);
        const waiting = claimed.flatMap(({ events }) => events.map((event) => event.envelope.id));
        expect(waiting).toContain(namesNoOne.envelope.id);
        for (const dropped of [...stale, kept]) expect(waiting).not.toContain(dropped.envelope.id);
      });
    });

    describe('erasure (ADR 0033)', () => {
      it('finds the courses whose revisions name a person, in any role, and no other', async () => {
        const person = `person-${randomUUID()}`;
        const trained = CourseMother.open({ trainers: [{ userId: person, name: 'Dominique Roy' }] });
        const joined = CourseMother.open({
          status: 'closed',
          participants: [ParticipantMother.enrolled({ userId: person })],
        });
        const left = CourseMother.open({
          formerParticipants: [{ userId: person, name: 'Dominique Roy', creditedHours: 9 }],
        });
        const withdrawnFrom = CourseMother.open({
          participants: [ParticipantMother.enrolled({ userId: person })],
        });
        const elsewhere = CourseMother.open({ participants: [ParticipantMother.enrolled()] });
        for (const course of [trained, joined, left, withdrawnFrom, elsewhere]) {
          await stores.courses.insert(course, []);
        }
        await stores.courses.replace(
          { course: withdrawnFrom, revision: 1 },
          { ...withdrawnFrom, participants: [] },
          [],
        );

        expect((await stores.courses.coursesWithRevisionsNaming(person)).sort()).toEqual(
          [trained.id, joined.id, left.id].sort(),
        );
        expect(await stores.courses.coursesWithRevisionsNaming(`person-${randomUUID()}`)).toEqual([]);
      });

      it('finds no superseded revision to drop after a save, and keeps the latest with its pending events', async () => {
        const course = CourseMother.open({ participants: [ParticipantMother.enrolled()] });
        const pending = anEvent();
        await stores.courses.insert(course, [pending]);
        const renamed = { ...course, title: 'Renamed' };
        await stores.courses.replace({ course, revision: 1 }, renamed, []);

        expect(await stores.courses.dropSupersededRevisions(course.id)).toBe(0);
        expect(await stores.courses.dropSupersededRevisions(randomUUID())).toBe(0);
        expect(await stores.courses.findById(course.id)).toEqual({ course: renamed, revision: 2 });
        const owner = `erasure-${randomUUID()}`;
        const claimed = await stores.outbox.claim(owner, 60_000, 1_000);
        for (const { documentId } of claimed) await stores.outbox.acknowledge(documentId, owner, []);
        expect(claimed.flatMap(({ events }) => events.map((event) => event.envelope.id))).toContain(
          pending.envelope.id,
        );
      });

      it('drops the pending events about a person, rewrites the snapshots naming him as trainer in their place, and leaves the rest', async () => {
        const [person, alice] = [`person-${randomUUID()}`, `trainer-${randomUUID()}`];
        const him = { userId: person, name: 'Dominique Roy' };
        const trainers = [{ userId: alice, name: 'Alice Martin' }, him];
        const course = CourseMother.open({ trainers });
        const elsewhere = CourseMother.open();
        const other = ParticipantMother.enrolled();
        const published = PersonEventMother.published(course);
        const hisEnrollment = PersonEventMother.enrolled(elsewhere.id, { ...him, name: 'Dominique Roy' });
        const hisWithdrawal = PersonEventMother.withdrawn(elsewhere.id, person);
        const othersEnrollment = PersonEventMother.enrolled(course.id, other);
        const namesNoOne = anEvent();
        await stores.courses.insert(course, [published, othersEnrollment, namesNoOne]);
        await stores.courses.insert(elsewhere, [hisEnrollment]);
        await stores.courses.replace({ course: elsewhere, revision: 1 }, { ...elsewhere, title: 'Renamed' }, [
          hisWithdrawal,
        ]);

        expect(await stores.courses.forgetPendingEventsNaming(person)).toEqual({ dropped: 2, rewritten: 1 });

        expect(await stores.courses.pendingEventsNaming(person)).toEqual([]);
        expect(await stores.courses.pendingEventsNaming(alice)).toEqual([
          {
            ...published,
            envelope: {
              ...published.envelope,
              data: {
                ...(published.envelope.data as object),
                trainers: [{ userId: alice, name: 'Alice Martin' }],
              },
            },
          },
        ]);
        expect(await stores.courses.pendingEventsNaming(other.userId)).toEqual([othersEnrollment]);
        const owner = `erasure-${randomUUID()}`;
        const claimed = await stores.outbox.claim(owner, 60_000, 1_000);
        for (const { documentId } of claimed) await stores.outbox.acknowledge(documentId, owner, []);
        const waiting = claimed.flatMap(({ events }) => events.map((event) => event.envelope.id));
        // In the order they were saved, the rewritten snapshot first in its course.
        const ofCourse = [published, othersEnrollment, namesNoOne].map((event) => event.envelope.id);
        expect(waiting.filter((id) => ofCourse.includes(id))).toEqual(ofCourse);
        expect(JSON.stringify(claimed)).not.toContain(person);
        expect(await stores.courses.forgetPendingEventsNaming(person)).toEqual({ dropped: 0, rewritten: 0 });
      });
    });

    it('remembers counted cells and only those', async () => {
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      await stores.counter.markCounted([a, b]);
      await stores.counter.markCounted([b]);
      expect([...(await stores.counter.alreadyCounted([a, b, c]))].sort()).toEqual([a, b].sort());
    });
  });
}
