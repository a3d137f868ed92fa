import type { Model } from 'mongoose';
import { MongoRevisionLog } from '@relais/store';
import type { Attestation, Course } from '../../domain/course';
import type { CourseQuery } from '../../application/ports';
import { CourseRevisions } from '../course-revisions';
import type { AttestationState, CourseRevisionRecord, CourseState } from './course-model';

/**
 * Courses in their RevisionLog on the database (ADR 0026): one record per save, superseded ones
 * deleted (L1). Queries match the records themselves; a match may be a superseded record not yet
 * deleted, which is why CourseRevisions checks each candidate's latest state again.
 */
export class MongoCourseRepository extends CourseRevisions {
  constructor(records: Model<CourseRevisionRecord>) {
    const revisions = new MongoRevisionLog<Course, CourseRevisionRecord>(records, {
      idField: 'courseId',
      toRecord: stateOf,
      fromRecord: (record) => courseOf(record.courseId, record),
    });
    super(revisions, async (query: CourseQuery) =>
      (await revisions.latestMatching(filterOf(query))).map(({ state }) => state),
    );
  }
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
  if (query.attestationCode !== undefined) {
    // $and, not a second $or: the district's $or may be there already.
    filter['$and'] = [
      {
        $or: [
          { 'participants.attestation.code': query.attestationCode },
          { 'formerParticipants.attestation.code': query.attestationCode },
        ],
      },
    ];
  }
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
  return course;
}
