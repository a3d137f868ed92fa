import { DomainError } from './domain-error';

export interface Trainer {
  userId: string;
  name: string;
}

export type ParticipantStatus = 'enrolled' | 'completed';

/**
 * What an "Attestation de formation" states, fixed when the completion is recorded: renaming the
 * course or changing its trainers later does not rewrite a document already handed to the teacher.
 * The code lets anyone holding the document check it (ADR 0031); it is random, never derived from him.
 */
export interface Attestation {
  code: string;
  teacherName: string;
  courseTitle: string;
  academy: string;
  creditedHours: number;
  /** The day the trainer ticked "formation terminée", in Paris (YYYY-MM-DD). */
  completedOn: string;
  trainerNames: string[];
}

/** What the application brings to a completion: the day, and a fresh verification code. */
export interface AttestationIssue {
  code: string;
  completedOn: string;
}

/** What the course keeps of a participant: what L6 and L10 let others see, and the binary status. */
export interface Participant {
  userId: string;
  name: string;
  school?: string;
  district?: string;
  status: ParticipantStatus;
  /** L3: the predicted duration at the time completion was recorded; 0 until then. */
  creditedHours: number;
  /** Once completed; absent for completions recorded before attestations existed. */
  attestation?: Attestation;
}

/**
 * What stays of a participant who withdrew after completion: the hours he worked stay credited to
 * his record and visible to his inspector (L1, L3, L10). He is no longer a member of the course.
 * A participant who withdraws before completion leaves nothing behind.
 */
export interface FormerParticipant {
  userId: string;
  name: string;
  school?: string;
  district?: string;
  creditedHours: number;
  /** His completion stays, and so does its attestation: the hours were worked (ADR 0031). */
  attestation?: Attestation;
}

export type CourseStatus = 'open' | 'closed';

export interface Course {
  id: string;
  academy: string;
  title: string;
  description: string;
  themes: string[];
  predictedHours: number;
  trainers: Trainer[];
  districts: string[];
  capacity?: number;
  /** The planned closing day (YYYY-MM-DD), when the manager gives one: participants are reminded of it. */
  closesOn?: string;
  status: CourseStatus;
  /**
   * The day the course was closed (YYYY-MM-DD, UTC like every day the retention schedule counts),
   * set by the decision that closed it and kept while it stays closed: its training record is kept
   * for a time counted from it (ADR 0032), as the roster replicas count from the same save's event.
   * Absent while open, and on courses closed before it was recorded until the retention job dates them.
   */
  closedOn?: string;
  /**
   * The day its training record was anonymised (ADR 0032, trainingRecord): nobody is named in it
   * any more. Absent otherwise; reopening the course starts a new record.
   */
  recordAnonymisedOn?: string;
  participants: Participant[];
  formerParticipants: FormerParticipant[];
}

/** What happened to a course, for the application to turn into events and facts. */
export type CourseChange =
  | { kind: 'course-published' }
  | { kind: 'course-updated' }
  | { kind: 'enrolled'; participant: Participant }
  | { kind: 'withdrawn'; participant: Participant }
  | { kind: 'completion-recorded'; participant: Participant }
  | { kind: 'completion-revoked'; participant: Participant; revokedHours: number };

export interface CourseOutcome {
  course: Course;
  changes: CourseChange[];
}

export type NewCourse = Omit<
  Course,
  'status' | 'closedOn' | 'recordAnonymisedOn' | 'participants' | 'formerParticipants'
> & {
  status?: CourseStatus;
};

/** `today` (YYYY-MM-DD, UTC) is the day of the decision: a course published closed was closed that day. */
export function publishCourse(input: NewCourse, today: string): CourseOutcome {
  if (input.trainers.length === 0) {
    throw new DomainError('TRAINERS_REQUIRED', 'A course needs at least one trainer: give trainerIds.');
  }
  const status = input.status ?? 'open';
  const course: Course = {
    ...input,
    status,
    ...(status === 'closed' ? { closedOn: today } : {}),
    participants: [],
    formerParticipants: [],
  };
  return { course, changes: [{ kind: 'course-published' }] };
}

export const isTrainerOf = (course: Course, userId: string): boolean =>
  course.trainers.some((trainer) => trainer.userId === userId);

export const participantOf = (course: Course, userId: string): Participant | undefined =>
  course.participants.find((participant) => participant.userId === userId);

export const formerParticipantOf = (course: Course, userId: string): FormerParticipant | undefined =>
  course.formerParticipants.find((former) => former.userId === userId);

/** L4: a member is a trainer or an enrolled (or completed) participant. */
export const isMember = (course: Course, userId: string): boolean =>
  isTrainerOf(course, userId) || participantOf(course, userId) !== undefined;

export const seatsLeft = (course: Course): number | undefined =>
  course.capacity === undefined ? undefined : Math.max(0, course.capacity - course.participants.length);

export interface Enrollee {
  userId: string;
  name: string;
  school?: string;
  district?: string;
}

/**
 * L1: a teacher enrolls himself, voluntarily. Enrolling again changes nothing. A teacher who withdrew
 * after completion and comes back finds his completion as he left it: the hours were worked once and
 * are credited once, so a second completion cannot credit them twice.
 */
export function enroll(course: Course, teacher: Enrollee): CourseOutcome {
  if (participantOf(course, teacher.userId)) return { course, changes: [] };
  if (isTrainerOf(course, teacher.userId)) {
    throw new DomainError('TRAINER_CANNOT_ENROLL', 'You train this course, so you cannot enroll in it.');
  }
  if (course.status === 'closed') {
    throw new DomainError('COURSE_CLOSED', 'This course is closed to new enrollments.');
  }
  if (seatsLeft(course) === 0) {
    throw new DomainError('COURSE_FULL', 'This course has no seat left.');
  }
  const former = formerParticipantOf(course, teacher.userId);
  const participant: Participant = former
    ? {
        ...teacher,
        status: 'completed',
        creditedHours: former.creditedHours,
        ...(former.attestation ? { attestation: former.attestation } : {}),
      }
    : { ...teacher, status: 'enrolled', creditedHours: 0 };
  return {
    course: {
      ...course,
      participants: [...course.participants, participant],
      formerParticipants: course.formerParticipants.filter((f) => f.userId !== teacher.userId),
    },
    changes: [{ kind: 'enrolled', participant }],
  };
}

/**
 * L1: withdrawal at any time, also after completion, no reason asked. He leaves the participants;
 * only hours already credited stay (they were worked), kept apart from the members of the course.
 */
export function withdraw(course: Course, userId: string): CourseOutcome {
  const participant = participantOf(course, userId);
  if (!participant) return { course, changes: [] };
  const participants = course.participants.filter((p) => p.userId !== userId);
  const formerParticipants =
    participant.status === 'completed'
      ? [...course.formerParticipants, formerParticipantFrom(participant)]
      : course.formerParticipants;
  return {
    course: { ...course, participants, formerParticipants },
    changes: [{ kind: 'withdrawn', participant }],
  };
}

function formerParticipantFrom({
  userId,
  name,
  school,
  district,
  creditedHours,
  attestation,
}: Participant): FormerParticipant {
  return {
    userId,
    name,
    ...(school ? { school } : {}),
    ...(district ? { district } : {}),
    creditedHours,
    ...(attestation ? { attestation } : {}),
  };
}

/**
 * L9: the trainer ticks "training completed", a binary; setting it twice changes nothing. Only for
 * participants: someone who left is out of the trainer's reach, his credited hours included.
 * Recording it issues the attestation; unticking it revokes that attestation, whose code then names
 * nothing (ADR 0031). Ticking it again issues a new one, with a new code and day.
 */
export function setCompletion(course: Course, userId: string, completed: false): CourseOutcome;
export function setCompletion(
  course: Course,
  userId: string,
  completed: true,
  issue: AttestationIssue,
): CourseOutcome;
export function setCompletion(
  course: Course,
  userId: string,
  completed: boolean,
  issue?: AttestationIssue,
): CourseOutcome {
  const participant = participantOf(course, userId);
  if (!participant) {
    throw new DomainError('NOT_A_PARTICIPANT', 'This person is not a participant of the course.');
  }
  const status: ParticipantStatus = completed ? 'completed' : 'enrolled';
  if (participant.status === status) return { course, changes: [] };
  const { attestation: _revoked, ...withoutAttestation } = participant;
  let updated: Participant = { ...withoutAttestation, status, creditedHours: 0 };
  if (completed) {
    // The overloads make this unreachable from typed code; a bug must not credit hours undocumented.
    if (!issue) throw new TypeError('A completion is recorded with the attestation it issues.');
    const attestation = attestationOf(course, participant, issue);
    updated = { ...withoutAttestation, status, creditedHours: course.predictedHours, attestation };
  }
  return {
    course: {
      ...course,
      participants: course.participants.map((p) => (p.userId === userId ? updated : p)),
    },
    changes: [
      completed
        ? { kind: 'completion-recorded', participant: updated }
        : { kind: 'completion-revoked', participant: updated, revokedHours: participant.creditedHours },
    ],
  };
}

function attestationOf(course: Course, participant: Participant, issue: AttestationIssue): Attestation {
  return {
    code: issue.code,
    teacherName: participant.name,
    courseTitle: course.title,
    academy: course.academy,
    creditedHours: course.predictedHours,
    completedOn: issue.completedOn,
    trainerNames: course.trainers.map((trainer) => trainer.name),
  };
}

/** His attestation in this course, whether he is still a participant or left after completion. */
export function attestationOfTeacher(course: Course, userId: string): Attestation | undefined {
  const participant = participantOf(course, userId);
  if (participant) return participant.status === 'completed' ? participant.attestation : undefined;
  return formerParticipantOf(course, userId)?.attestation;
}

/** The attestation that carries this code, if its completion still stands. */
export function attestationWithCode(course: Course, code: string): Attestation | undefined {
  const holders = [
    ...course.participants.filter((participant) => participant.status === 'completed'),
    ...course.formerParticipants,
  ];
  return holders.find((holder) => holder.attestation?.code === code)?.attestation;
}

/** L3: the predicted duration counts as working time once, and only once completed. */
export const creditedHours = (participant: Participant): number =>
  participant.status === 'completed' ? participant.creditedHours : 0;

export interface CourseChanges {
  title?: string;
  description?: string;
  themes?: string[];
  predictedHours?: number;
  trainers?: Trainer[];
  districts?: string[];
  capacity?: number | null;
  /** null clears the planned closing day. */
  closesOn?: string | null;
  status?: CourseStatus;
}

/**
 * A manager edits a course. Hours already credited stay as they were credited (L3); a participant
 * cannot become a trainer of his own course; capacity cannot drop below the enrolled participants.
 * Closing it records `today` (YYYY-MM-DD, UTC) as its closing day, which closing it again keeps;
 * reopening it forgets the day, and the anonymisation of a former record with it: the course will
 * have a new closing day, from which its new record is kept.
 */
export function updateCourse(course: Course, changes: CourseChanges, today: string): CourseOutcome {
  if (changes.trainers && changes.trainers.length === 0) {
    throw new DomainError('TRAINERS_REQUIRED', 'A course needs at least one trainer: give trainerIds.');
  }
  const participantTrainer = changes.trainers?.find((trainer) => participantOf(course, trainer.userId));
  if (participantTrainer) {
    throw new DomainError(
      'TRAINER_CANNOT_ENROLL',
      'One of the trainers is a participant of this course; he must withdraw before he can train it.',
    );
  }
  if (typeof changes.capacity === 'number' && changes.capacity < course.participants.length) {
    throw new DomainError(
      'CAPACITY_BELOW_ENROLLED',
      `The course already has ${course.participants.length} participants: capacity cannot be lower.`,
    );
  }
  const { capacity, closesOn, ...rest } = changes;
  const next: Course = { ...course, ...definedOnly(rest) };
  if (capacity === null) delete next.capacity;
  else if (capacity !== undefined) next.capacity = capacity;
  if (closesOn === null) delete next.closesOn;
  else if (closesOn !== undefined) next.closesOn = closesOn;
  if (next.status === 'closed' && course.status === 'open') next.closedOn = today;
  if (next.status === 'open') {
    delete next.closedOn;
    delete next.recordAnonymisedOn;
  }
  const unchanged = JSON.stringify(next) === JSON.stringify(course);
  return { course: next, changes: unchanged ? [] : [{ kind: 'course-updated' }] };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/**
 * A course closed before courses recorded their closing day: the retention job gives it the day it
 * first sees it closed (ADR 0032), the earliest day now known for certain. Nothing for any other
 * course. No event: the siblings' replicas dated the closing from their own copy of it.
 */
export function dateClosingFoundLate(course: Course, today: string): Course | undefined {
  if (course.status !== 'closed' || course.closedOn !== undefined) return undefined;
  return { ...course, closedOn: today };
}

/** What an anonymisation or an erasure forgot, by kind of record, for a log line: numbers, no one. */
export interface ForgottenRecords {
  /** Participants and those who left after completion: each was one person's enrollment. */
  enrollments: number;
  attestations: number;
  trainerMemberships: number;
}

/**
 * Whether the training record of this course is past its retention: closed on a day before
 * `cutoff` (the first day the schedule still keeps, ADR 0032), and still naming people.
 */
export const trainingRecordExpired = (course: Course, cutoff: string): boolean =>
  course.status === 'closed' &&
  course.closedOn !== undefined &&
  course.closedOn < cutoff &&
  course.recordAnonymisedOn === undefined;

/**
 * ADR 0032, trainingRecord "then anonymised": the course stays (its title, themes, hours, districts
 * name no one), the people go. Its participants and those who left after completion lose their id,
 * name, school and district, and their attestations with them, so a verification code now names
 * nothing; its trainers are forgotten too, since their names were kept for the same proof.
 *
 * No anonymous count is kept in their place: nothing reads one. Statistics were counted from the
 * facts of each change when it happened (stats keeps its own tallies), a trainer's views list
 * people by id, the inspector's by name, and a closed course takes no enrollment, so seats left
 * no longer matter. `undefined` when the record is not yet past its retention, or already forgotten.
 */
export function anonymiseTrainingRecord(
  course: Course,
  cutoff: string,
  today: string,
): { course: Course; forgotten: ForgottenRecords } | undefined {
  if (!trainingRecordExpired(course, cutoff)) return undefined;
  const { course: withoutAnyone, forgotten } = withoutPeople(course, () => true);
  return { course: { ...withoutAnyone, recordAnonymisedOn: today }, forgotten };
}

/**
 * Erasure of one person (issue 19, ADR 0033): what the retention job does to everyone of a course
 * after six years, done now to him alone. His enrollment goes, whether he is a participant or left
 * after completion, and his attestation with it, so its code verifies nothing any more. As a
 * trainer he leaves the trainers, even the last one: the course stays as its manager left it (open
 * or closed, its participants and their hours untouched) and shows no trainer until the manager
 * assigns one, which is what a manager expects when a trainer's account is deleted; closing it or
 * refusing the erasure would be deciding for him. Nothing else changes, and no event is made: every
 * sibling service forgets him on the erasure event itself.
 *
 * The names printed on other teachers' attestations stay, his among them: each is that teacher's
 * proof of training time counted as working time, issued and handed over, which the verification
 * page must confirm as it was printed (ADR 0031); the attestation is kept on a legal obligation,
 * which GDPR art. 17-3-b puts out of erasure's reach. It holds his name as a trainer of that course
 * only, with no id, so nothing in enrollment finds it from him.
 *
 * `undefined` when the course does not name him.
 */
export function forgetPersonInCourse(
  course: Course,
  userId: string,
): { course: Course; forgotten: ForgottenRecords } | undefined {
  const outcome = withoutPeople(course, (candidate) => candidate === userId);
  const { enrollments, trainerMemberships } = outcome.forgotten;
  return enrollments + trainerMemberships > 0 ? outcome : undefined;
}

/** The course without the trainers, participants and former participants `forgets` picks. */
function withoutPeople(
  course: Course,
  forgets: (userId: string) => boolean,
): { course: Course; forgotten: ForgottenRecords } {
  const kept = <Person extends { userId: string }>(people: readonly Person[]) =>
    people.filter((person) => !forgets(person.userId));
  const holders = [...course.participants, ...course.formerParticipants].filter((holder) =>
    forgets(holder.userId),
  );
  const trainers = kept(course.trainers);
  return {
    course: {
      ...course,
      trainers,
      participants: kept(course.participants),
      formerParticipants: kept(course.formerParticipants),
    },
    forgotten: {
      enrollments: holders.length,
      attestations: holders.filter((holder) => holder.attestation !== undefined).length,
      trainerMemberships: course.trainers.length - trainers.length,
    },
  };
}
