import mongoose, { type Model, type mongo } from 'mongoose';
import type { PendingEvent } from '@relais/contracts';
import { MongoRevisionLog } from '@relais/store';
import type { Attestation, Course } from '../../domain/course';
import type { CourseQuery } from '../../application/ports';
import {
  eraseFromPendingEvent,
  eventNamesPerson,
  eventNamesSomeone,
  pendingSinceBefore,
} from '../course-query';
import { CourseRevisions } from '../course-revisions';
import type { AttestationState, CourseRevisionRecord, CourseState } from './course-model';

/**
 * Courses in their RevisionLog on the database (ADR 0026): one record per save, superseded ones
 * deleted (L1). Queries match the records themselves; a match may be a superseded record not yet
 * deleted, which is why CourseRevisions checks each candidate's latest state again.
 */
export class MongoCourseRepository extends CourseRevisions {
  constructor(private readonly records: Model<CourseRevisionRecord>) {
    const revisions = new MongoRevisionLog<Course, CourseRevisionRecord>(records, {
      idField: 'courseId',
      toRecord: stateOf,
      fromRecord: (record) => courseOf(record.courseId, record),
    });
    super(revisions, async (query: CourseQuery) =>
      (await revisions.latestMatching(filterOf(query))).map(({ state }) => state),
    );
  }

  /**
   * Through the two indexed outbox paths that name a person (`eventNamesPerson`). A save carries the
   * pending events of the records it supersedes, so one not yet deleted repeats them: each counts once.
   */
  async pendingEventsNaming(userId: string): Promise<PendingEvent[]> {
    const records = await this.records
      .find(
        {
          $or: [
            { 'outbox.envelope.data.userId': userId },
            { 'outbox.envelope.data.trainers.userId': userId },
          ],
        },
        { outbox: 1 },
      )
      .lean<Pick<CourseRevisionRecord, 'outbox'>[]>()
      .exec();
    const events = new Map<string, PendingEvent>();
    for (const event of records.flatMap((record) => record.outbox)) {
      if (eventNamesPerson(event, userId)) events.set(event.envelope.id, event);
    }
    return [...events.values()];
  }

  /**
   * A match may be a superseded record not yet deleted, or the latest one of a course reopened
   * since: the caller decides on the latest revision (ADR 0026). A course whose record was
   * anonymised had a closing day, so `recordAnonymisedOn` absent keeps the index range tight.
   */
  async closedWithoutClosingDay(): Promise<string[]> {
    return this.idsMatching({
      status: 'closed',
      recordAnonymisedOn: mongoose.trusted({ $exists: false }),
      closedOn: mongoose.trusted({ $exists: false }),
    });
  }

  async trainingRecordsClosedBefore(day: string): Promise<string[]> {
    return this.idsMatching({
      status: 'closed',
      recordAnonymisedOn: mongoose.trusted({ $exists: false }),
      closedOn: mongoose.trusted({ $lt: day }),
    });
  }

  /**
   * Candidates through the index on the events' time, then the exact events pulled by value, as the
   * relay acknowledges (MongoOutboxStore: `$pull` with a condition removes nothing on FerretDB), on
   * the driver's collection so that the values compare as stored. A save that read a record's events
   * just before they were pulled carries them into its new record: the next pass removes them there.
   */
  async dropPendingEventsNamingSomeoneBefore(day: string): Promise<number> {
    const collection = this.records.collection as unknown as mongo.Collection<OutboxOfRecord>;
    const candidates = await collection
      .find({ 'outbox.envelope.occurredAt': { $lt: day } }, { projection: { outbox: 1 } })
      .toArray();
    const dropped = new Set<string>();
    for (const candidate of candidates) {
      const stale = candidate.outbox.filter(
        (event) => pendingSinceBefore(event, day) && eventNamesSomeone(event),
      );
      if (stale.length === 0) continue;
      const { modifiedCount } = await collection.updateOne(
        { _id: candidate._id },
        { $pullAll: { outbox: stale } },
      );
      if (modifiedCount > 0) for (const event of stale) dropped.add(event.envelope.id);
    }
    return dropped.size;
  }

  /** Every record, superseded ones included, through the three indexes on people. */
  async coursesWithRevisionsNaming(userId: string): Promise<string[]> {
    return this.idsMatching({
      $or: [
        { 'trainers.userId': userId },
        { 'participants.userId': userId },
        { 'formerParticipants.userId': userId },
      ],
    });
  }

  /**
   * What `MongoRevisionLog` does after inserting a record, done again for a save that stopped
   * before: every older record goes, as the save would have deleted them. Their pending events were
   * carried into the latest record when it was saved.
   */
  async dropSupersededRevisions(courseId: string): Promise<number> {
    const latest = await this.records
      .findOne({ courseId }, { revision: 1 })
      .sort({ revision: -1 })
      .lean<Pick<CourseRevisionRecord, 'revision'>>()
      .exec();
    if (!latest) return 0;
    const { deletedCount } = await this.records
      .deleteMany({ courseId, revision: mongoose.trusted({ $lt: latest.revision }) })
      .exec();
    return deletedCount;
  }

  /**
   * Candidates through the two indexed outbox paths that name a person. A snapshot is rewritten in
   * its place, on the condition that the same event is still at that index (the relay may have
   * pulled some meanwhile); the events about him are then pulled by value, as the relay
   * acknowledges (`$pull` with a condition removes nothing on FerretDB). Each event counts once,
   * though a superseded record not yet deleted repeats it. A save that read a record's events just
   * before brings the old copy into its new record: a later call finds it there.
   */
  async forgetPendingEventsNaming(userId: string): Promise<{ dropped: number; rewritten: number }> {
    const collection = this.records.collection as unknown as mongo.Collection<OutboxOfRecord>;
    const candidates = await collection
      .find(
        {
          $or: [
            { 'outbox.envelope.data.userId': userId },
            { 'outbox.envelope.data.trainers.userId': userId },
          ],
        },
        { projection: { outbox: 1 } },
      )
      .toArray();
    const dropped = new Set<string>();
    const rewritten = new Set<string>();
    for (const candidate of candidates) {
      const aboutHim: PendingEvent[] = [];
      for (const [index, event] of candidate.outbox.entries()) {
        const erased = eraseFromPendingEvent(event, userId);
        if (erased === 'keep') continue;
        if (erased === 'drop') {
          aboutHim.push(event);
          continue;
        }
        const { modifiedCount } = await collection.updateOne(
          { _id: candidate._id, [`outbox.${index}.envelope.id`]: event.envelope.id },
          { $set: { [`outbox.${index}`]: erased } },
        );
        if (modifiedCount > 0) rewritten.add(event.envelope.id);
      }
      if (aboutHim.length === 0) continue;
      const { modifiedCount } = await collection.updateOne(
        { _id: candidate._id },
        { $pullAll: { outbox: aboutHim } },
      );
      if (modifiedCount > 0) for (const event of aboutHim) dropped.add(event.envelope.id);
    }
    return { dropped: dropped.size, rewritten: rewritten.size };
  }

  private async idsMatching(filter: Record<string, unknown>): Promise<string[]> {
    const ids: unknown[] = await this.records.distinct('courseId', filter).exec();
    return ids.map(String);
  }
}

/** What the outbox purge reads and writes of a revision record, through the driver. */
interface OutboxOfRecord {
  _id: string;
  outbox: PendingEvent[];
}

function filterOf(query: CourseQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.academy !== undefined) filter['academy'] = query.academy;
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.trainerId !== undefined) filter['trainers.userId'] = query.trainerId;
  if (query.participantId !== undefined) filter['participants.userId'] = query.participantId;
  if (query.formerParticipantId !== undefined) {
    filter['formerParticipants.userId'] = query.formerParticipantId;
  }
  if (query.district !== undefined) {
    filter['$or'] = [
      { districts: query.district },
      { 'participants.district': query.district },
      { 'formerParticipants.district': query.district },
    ];
  }
  // $and, not a second $or: the district's $or may be there already.
  const alternatives: Record<string, unknown>[] = [];
  if (query.attestationCode !== undefined) {
    alternatives.push({
      $or: [
        { 'participants.attestation.code': query.attestationCode },
        { 'formerParticipants.attestation.code': query.attestationCode },
      ],
    });
  }
  if (query.personId !== undefined) {
    alternatives.push({
      $or: [
        { 'trainers.userId': query.personId },
        { 'participants.userId': query.personId },
        { 'formerParticipants.userId': query.personId },
      ],
    });
  }
  if (alternatives.length > 0) filter['$and'] = alternatives;
  return filter;
}

function attestationOf(state: AttestationState | undefined | null): { attestation?: Attestation } {
  if (!state) return {};
  const { code, teacherName, courseTitle, academy, creditedHours, completedOn, trainerNames } = state;
  return {
    attestation: {
      code,
      teacherName,
      courseTitle,
      academy,
      creditedHours,
      completedOn,
      trainerNames: [...trainerNames],
    },
  };
}

function stateOf(course: Course): CourseState {
  const { id: _id, ...state } = course;
  return state;
}

function courseOf(courseId: string, record: CourseState): Course {
  const course: Course = {
    id: courseId,
    academy: record.academy,
    title: record.title,
    description: record.description,
    themes: [...record.themes],
    predictedHours: record.predictedHours,
    trainers: record.trainers.map(({ userId, name }) => ({ userId, name })),
    districts: [...record.districts],
    status: record.status,
    participants: record.participants.map(
      ({ userId, name, school, district, status, creditedHours, attestation }) => ({
        userId,
        name,
        status,
        creditedHours: creditedHours ?? 0,
        ...(school ? { school } : {}),
        ...(district ? { district } : {}),
        ...attestationOf(attestation),
      }),
    ),
    formerParticipants: (record.formerParticipants ?? []).map(
      ({ userId, name, school, district, creditedHours, attestation }) => ({
        userId,
        name,
        creditedHours,
        ...(school ? { school } : {}),
        ...(district ? { district } : {}),
        ...attestationOf(attestation),
      }),
    ),
  };
  if (record.capacity !== undefined && record.capacity !== null) course.capacity = record.capacity;
  if (record.closesOn) course.closesOn = record.closesOn;
  if (record.closedOn) course.closedOn = record.closedOn;
  if (record.recordAnonymisedOn) course.recordAnonymisedOn = record.recordAnonymisedOn;
  return course;
}
