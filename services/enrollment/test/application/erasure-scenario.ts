import type { CollectedPersonalData } from '@relais/platform';
import { randomUUID } from 'node:crypto';
import { EnrollmentUseCases, type RequestContext } from '../../src/application/enrollment-use-cases';
import { ErasureUseCases, type ErasureCounts } from '../../src/application/erasure';
import { AttestationNotFound } from '../../src/application/errors';
import { ParticipationFacts } from '../../src/application/participation-facts';
import { enrollmentPersonalData, PENDING_EVENTS } from '../../src/application/personal-data';
import type { CourseRepository, ParticipationCounter } from '../../src/application/ports';
import type { ErasureRequestStore } from '../../src/application/erasure-requests';
import {
  ERASURE_REQUESTS,
  erasureRequestRecords,
} from '../../src/application/erasure-requests-personal-data';
import { createEvent, personErased } from '@relais/contracts';

export interface ErasureStores {
  courses: CourseRepository;
  counter: ParticipationCounter;
  erasureRequests: ErasureRequestStore;
  /** Every stored document of the service, as text: the courses' revisions, outbox, counted cells. */
  storedText(): Promise<string>;
  /** Drops what `open` made. */
  close(): Promise<void>;
}

const academy = 'lyon';
/** The person erased: a teacher of three courses and the only trainer of a fourth. */
const erased = {
  id: `erased-${randomUUID()}`,
  name: 'Dominique Effacé-Roy',
  school: '0690099Z',
  district: 'lyon-d9',
};
const erasedContext: RequestContext = {
  actor: { id: erased.id, name: erased.name, academy, district: erased.district, school: erased.school },
  correlationId: 'c-erased',
};
const camille: RequestContext = {
  actor: { id: 'teacher-camille', name: 'Camille Durand', academy, district: 'lyon-d1', school: '0690001A' },
  correlationId: 'c-camille',
};
const alice = { userId: 'trainer-alice', name: 'Alice Martin', academy };
const aliceContext: RequestContext = {
  actor: { id: alice.userId, name: alice.name, academy },
  correlationId: 'c-alice',
};
const erasedAsTrainer: RequestContext = { ...erasedContext, correlationId: 'c-erased-trainer' };
const manager: RequestContext = {
  actor: { id: 'manager', name: 'Hélène Rousseau', academy },
  correlationId: 'c-manager',
};
const inspector = { id: 'inspector-d9', name: 'Inspector', academy, district: erased.district };

const nothingErased: ErasureCounts = {
  coursesChanged: 0,
  enrollments: 0,
  attestations: 0,
  trainerMemberships: 0,
  supersededRevisionsDropped: 0,
  pendingEventsDropped: 0,
  pendingEventsRewritten: 0,
  erasureRequestsMade: 0,
};

const occurrences = (text: string, value: string) => text.split(value).length - 1;

/**
 * Erasure of one person in enrollment (issue 19 point 3, ADR 0033), on a store: run on the
 * in-memory adapters and on the real database, since what it finds depends on the store's queries.
 */
export function describeErasureScenario(adapterName: string, open: () => Promise<ErasureStores>): void {
  describe(`erasure of a person in enrollment: ${adapterName}`, () => {
    let stores: ErasureStores;
    let useCases: EnrollmentUseCases;
    let erasure: ErasureUseCases;
    const marked: string[] = [];

    beforeEach(async () => {
      stores = await open();
      marked.length = 0;
      const counter: ParticipationCounter = {
        alreadyCounted: (tokens) => stores.counter.alreadyCounted(tokens),
        markCounted: async (tokens) => {
          marked.push(...tokens);
          await stores.counter.markCounted(tokens);
        },
      };
      const trainers = [alice, { userId: erased.id, name: erased.name, academy }];
      useCases = new EnrollmentUseCases(
        stores.courses,
        {
          findTrainers: async (ids) => trainers.filter((trainer) => ids.includes(trainer.userId)),
          trainersOf: async (of) => trainers.filter((trainer) => trainer.academy === of),
        },
        new ParticipationFacts(counter, 'a-test-counting-key-of-32-characters!'),
        { now: () => new Date('2026-12-01T09:00:00Z') },
        randomUUID,
      );
      erasure = new ErasureUseCases(stores.courses, stores.erasureRequests);
    });
    afterEach(async () => stores.close());

    const newCourse = (title: string, trainerIds: string[]) =>
      useCases.createCourse(manager, {
        title,
        academy,
        themes: ['reading'],
        predictedHours: 9,
        trainerIds,
        districts: ['lyon-d1'],
      });

    /**
     * He completes "Lire au CP", completes then leaves "Compter au CE1", is only enrolled in
     * "Écrire au CM1", all trained by Alice, with Camille beside him; he alone trains "Parler en
     * maternelle", where Camille completed. The relay never ran: every event is still pending.
     */
    async function everyKindOfRecord() {
      const completed = await newCourse('Lire au CP', [alice.userId]);
      const left = await newCourse('Compter au CE1', [alice.userId]);
      const enrolled = await newCourse('Écrire au CM1', [alice.userId]);
      const trained = await newCourse('Parler en maternelle', [erased.id]);
      for (const course of [completed, left, enrolled]) {
        await useCases.enrollSelf(erasedContext, course.id);
        await useCases.enrollSelf(camille, course.id);
      }
      await useCases.enrollSelf(camille, trained.id);
      for (const course of [completed, left]) {
        for (const teacher of [erasedContext, camille]) {
          await useCases.setCompletion(aliceContext, course.id, teacher.actor.id, true);
        }
      }
      await useCases.setCompletion(erasedAsTrainer, trained.id, camille.actor.id, true);
      await useCases.withdrawSelf(erasedContext, left.id);
      // As an administrator too, he had asked for someone else's erasure.
      const erasureId = randomUUID();
      await stores.erasureRequests.add(
        {
          erasureId,
          requestedAt: new Date('2026-11-30T10:00:00Z'),
          source: 'administrator',
          requestedBy: erased.id,
          reason: 'Départ de l’académie, demande écrite du 28 novembre',
          personKeyId: 'key-of-someone-else',
        },
        createEvent(
          personErased,
          { erasureId, personId: 'someone-else' },
          { source: 'enrollment', correlationId: 'c', now: new Date() },
        ),
      );
      const codes = async (teacher: RequestContext) =>
        new Map((await useCases.myAttestations(teacher.actor)).map((one) => [one.courseId, one.code]));
      return {
        completed,
        left,
        enrolled,
        trained,
        hisCodes: await codes(erasedContext),
        camillesCodes: await codes(camille),
      };
    }

    /**
     * His export, the pending events in one order: the collector orders them by time only, and the
     * events of one instant come in the store's order.
     */
    const heldAbout = async (actor: RequestContext['actor']): Promise<CollectedPersonalData> => ({
      ...(await useCases.personalData(actor)),
      [ERASURE_REQUESTS]: erasureRequestRecords(await stores.erasureRequests.madeBy(actor.id)),
    });
    const exportOf = async ({ actor }: RequestContext) => {
      const held = await heldAbout(actor);
      const byType = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a['type']).localeCompare(String(b['type']));
      return { ...held, [PENDING_EVENTS]: [...(held[PENDING_EVENTS] ?? [])].sort(byType) };
    };

    /** The pending events naming him, in one order whatever the store's. */
    const pendingOf = async (userId: string) =>
      (await stores.courses.pendingEventsNaming(userId)).sort((a, b) =>
        a.envelope.id.localeCompare(b.envelope.id),
      );

    it('leaves nothing of him in any kind of "Mes données", and nothing stored names him but what others were issued', async () => {
      const { completed, left, enrolled, trained, hisCodes, camillesCodes } = await everyKindOfRecord();
      const before = await heldAbout(erasedContext.actor);
      // Every kind the declaration lists held something of him: a kind added later must be seeded
      // here, and then erased, or this fails.
      for (const { kind } of enrollmentPersonalData.kinds)
        expect(before[kind]?.length ?? 0).toBeGreaterThan(0);
      const camilleBefore = await exportOf(camille);
      const camillePending = await pendingOf(camille.actor.id);
      const overviewBefore = await useCases.districtOverview(inspector, erased.district);
      const aliceSeesBefore = await useCases.participants(aliceContext.actor, completed.id);
      const pendingAboutHim = (await stores.courses.pendingEventsNaming(erased.id)).filter(
        (event) => (event.envelope.data as { userId?: string }).userId === erased.id,
      ).length;

      const counts = await erasure.forgetPerson(erased.id);

      expect(counts).toEqual({
        ...nothingErased,
        coursesChanged: 4,
        enrollments: 3,
        attestations: 2,
        trainerMemberships: 1,
        pendingEventsDropped: pendingAboutHim,
        // The snapshot of the course he trained, published with his name.
        pendingEventsRewritten: 1,
        erasureRequestsMade: 1,
      });
      expect(pendingAboutHim).toBe(6);
      const after = await heldAbout(erasedContext.actor);
      for (const { kind } of enrollmentPersonalData.kinds) expect(after[kind] ?? []).toEqual([]);

      // His attestations verify nothing, as an unknown code; Camille's all still do.
      for (const code of hisCodes.values()) {
        await expect(useCases.verify(code)).rejects.toBeInstanceOf(AttestationNotFound);
      }
      expect(hisCodes.size).toBe(2);
      for (const code of camillesCodes.values()) {
        expect(await useCases.verify(code)).toMatchObject({ teacherName: camille.actor.name });
      }

      // The one exception: his name as trainer, printed on the attestation Camille was issued in
      // the course he trained. Nothing else stored holds his id, name, school or district.
      const hersInTrained = await useCases.verify(camillesCodes.get(trained.id)!);
      expect(hersInTrained.trainerNames).toEqual([erased.name]);
      const stored = await stores.storedText();
      expect(occurrences(stored, erased.name)).toBe(1);
      expect(stored).toContain(JSON.stringify([erased.name]));
      for (const value of [erased.id, erased.school, erased.district]) expect(stored).not.toContain(value);

      // Others are as they were: Camille's records, her pending events, Alice's view without him.
      expect(await exportOf(camille)).toEqual(camilleBefore);
      expect(await pendingOf(camille.actor.id)).toEqual(camillePending);
      expect(await useCases.participants(aliceContext.actor, completed.id)).toEqual(
        aliceSeesBefore.filter((view) => view.userId !== erased.id),
      );
      expect((await useCases.participants(aliceContext.actor, enrolled.id)).map((view) => view.name)).toEqual(
        [alice.name, camille.actor.name],
      );
      // His inspector saw him in three courses, which no longer name anyone of the district.
      expect(overviewBefore.map((view) => view.courseId).sort()).toEqual(
        [completed.id, left.id, enrolled.id].sort(),
      );
      expect(await useCases.districtOverview(inspector, erased.district)).toEqual([]);
      expect((await stores.courses.findById(left.id))?.course.formerParticipants).toEqual([]);

      // The course he trained stays as it was, with no trainer, until its manager assigns one.
      const orphan = await useCases.visibleCourse(manager.actor, trained.id, true);
      expect(orphan).toMatchObject({
        status: 'open',
        trainers: [],
        participants: [expect.objectContaining({ userId: camille.actor.id })],
      });
      const reassigned = await useCases.updateCourse(manager, trained.id, { trainerIds: [alice.userId] });
      expect(reassigned.trainers).toEqual([{ userId: alice.userId, name: alice.name }]);

      // The counted cells are tokens that hold no id: all still there.
      expect(marked.length).toBeGreaterThan(0);
      expect((await stores.counter.alreadyCounted(marked)).size).toBe(new Set(marked).size);
    });

    it('finds nothing the second time, nor for a person it never knew', async () => {
      await everyKindOfRecord();
      const storedBefore = async () => stores.storedText();
      expect((await erasure.forgetPerson(erased.id)).coursesChanged).toBe(4);
      const afterFirst = await storedBefore();

      expect(await erasure.forgetPerson(erased.id)).toEqual(nothingErased);
      expect(await erasure.forgetPerson(`unknown-${randomUUID()}`)).toEqual(nothingErased);
      expect(await storedBefore()).toBe(afterFirst);
    });

    it('refuses an empty id before reading anything', async () => {
      await expect(erasure.forgetPerson('')).rejects.toBeInstanceOf(TypeError);
      await expect(erasure.forgetPerson('  ')).rejects.toBeInstanceOf(TypeError);
    });

    it('survives his enrollments arriving meanwhile, and a later call forgets what came', async () => {
      const courses = await Promise.all(
        ['Lire au CP', 'Compter au CE1', 'Écrire au CM1'].map((title) => newCourse(title, [alice.userId])),
      );
      await useCases.enrollSelf(erasedContext, courses[0]!.id);

      await Promise.all([
        erasure.forgetPerson(erased.id),
        ...courses.map((course) => useCases.enrollSelf(erasedContext, course.id)),
        erasure.forgetPerson(erased.id),
      ]);

      await erasure.forgetPerson(erased.id);
      const after = await heldAbout(erasedContext.actor);
      for (const { kind } of enrollmentPersonalData.kinds) expect(after[kind] ?? []).toEqual([]);
      expect(await stores.storedText()).not.toContain(erased.id);
      expect(await erasure.forgetPerson(erased.id)).toEqual(nothingErased);
    });
  });
}
