import type { EventOrigin, PendingEvent } from '@relais/contracts';
import { dayOf as utcDayOf, type CollectedPersonalData } from '@relais/platform';
import { update } from '@relais/store/revisions';
import {
  attestationOfTeacher,
  attestationWithCode,
  creditedHours,
  enroll,
  formerParticipantOf,
  isMember,
  isTrainerOf,
  participantOf,
  publishCourse,
  setCompletion,
  updateCourse,
  withdraw,
  type Attestation,
  type Course,
  type CourseOutcome,
  type FormerParticipant,
  type Participant,
} from '../domain/course';
import type { Actor } from './actor';
import { newAttestationCode } from './attestation-codes';
import { dayOf, schoolYearOf } from './calendar';
import { eventsFor } from './course-events';
import { AttestationNotFound, ClosingDayInPast, CourseNotFound, NotAllowed, UnknownTrainers } from './errors';
import type { ParticipationFacts } from './participation-facts';
import { personalDataOf } from './personal-data';
import type { Clock, CourseRepository, TrainerDirectory } from './ports';

export interface NewCourseRequest {
  title: string;
  description?: string;
  academy: string;
  themes: string[];
  predictedHours: number;
  trainerIds: string[];
  districts?: string[];
  capacity?: number;
  closesOn?: string;
}

export interface CourseUpdateRequest {
  title?: string;
  description?: string;
  themes?: string[];
  predictedHours?: number;
  trainerIds?: string[];
  districts?: string[];
  capacity?: number | null;
  closesOn?: string | null;
  status?: Course['status'];
}

export interface ParticipantView {
  userId: string;
  name: string;
  role: 'participant' | 'trainer';
  school?: string;
}

export interface DistrictCourseView {
  courseId: string;
  title: string;
  trainers: string[];
  teachers: { name: string; school?: string; status: Participant['status']; creditedHours?: number }[];
}

export interface RequestContext {
  actor: Actor;
  correlationId: string;
}

export interface EnrollmentView {
  courseId: string;
  title: string;
  status: Participant['status'];
  creditedHours: number;
  /** True when he withdrew after completion: no longer a participant, his hours still credited. */
  withdrawn: boolean;
}

/** An attestation and the course it is about, for the teacher it was issued to. */
export interface TeacherAttestation extends Attestation {
  courseId: string;
}

/** The yearly summary: every attestation of one school year, and their hours. */
export interface SchoolYearSummary {
  schoolYear: string;
  teacherName: string;
  attestations: TeacherAttestation[];
  totalCreditedHours: number;
}

/** A change as `update` answers it, with what to do once it is saved. */
interface Saved {
  outcome: CourseOutcome;
  afterSave?: () => Promise<void>;
}

export class EnrollmentUseCases {
  constructor(
    private readonly courses: CourseRepository,
    private readonly trainers: TrainerDirectory,
    private readonly facts: ParticipationFacts,
    private readonly clock: Clock,
    private readonly newId: () => string,
    private readonly newCode: () => string = newAttestationCode,
  ) {}

  async createCourse({ actor, correlationId }: RequestContext, request: NewCourseRequest): Promise<Course> {
    if (actor.academy !== request.academy) {
      throw new NotAllowed('OTHER_ACADEMY', 'You can create courses only in your own academy.');
    }
    this.checkClosingDay(request.closesOn);
    const trainers = await this.resolveTrainers(request.trainerIds, request.academy);
    const { trainerIds: _trainerIds, districts, description, ...rest } = request;
    const outcome = publishCourse(
      {
        ...rest,
        id: this.newId(),
        description: description ?? '',
        trainers,
        districts: districts ?? [],
      },
      this.closingDay(),
    );
    const events = await this.pendingEventsFor(outcome, correlationId);
    await this.courses.insert(outcome.course, events.pending);
    await events.afterSave();
    return outcome.course;
  }

  async updateCourse(
    context: RequestContext,
    courseId: string,
    request: CourseUpdateRequest,
  ): Promise<Course> {
    const { trainerIds, ...fields } = request;
    this.checkClosingDay(fields.closesOn);
    const current = (await this.courses.findById(courseId))?.course;
    if (!current || current.academy !== context.actor.academy) throw new CourseNotFound();
    const trainers = trainerIds ? await this.resolveTrainers(trainerIds, current.academy) : undefined;
    const { course } = await this.change(context, courseId, (stored) =>
      updateCourse(stored, { ...fields, ...(trainers ? { trainers } : {}) }, this.closingDay()),
    );
    return course;
  }

  /**
   * The day a course closed now is closed on: in UTC, not Paris like attestations, because the
   * retention schedule counts UTC days (ADR 0032) and the roster replicas date the same closing
   * from the UTC day of its event, so every service counts from the same day.
   */
  private closingDay(): string {
    return utcDayOf(this.clock.now());
  }

  /** A planned closing day is today or later (Paris); null (clearing it) and absence always pass. */
  private checkClosingDay(closesOn: string | null | undefined): void {
    if (typeof closesOn !== 'string') return;
    const today = dayOf(this.clock.now());
    if (closesOn < today) throw new ClosingDayInPast(today);
  }

  /** The catalogue: open courses of the caller's academy, his own courses, all of it for its managers. */
  async catalogue(actor: Actor, isManager: boolean): Promise<Course[]> {
    const [academyCourses, trained, joined] = await Promise.all([
      actor.academy
        ? this.courses.find(
            isManager ? { academy: actor.academy } : { academy: actor.academy, status: 'open' },
          )
        : Promise.resolve([]),
      this.courses.find({ trainerId: actor.id }),
      this.courses.find({ participantId: actor.id }),
    ]);
    const byId = new Map([...academyCourses, ...trained, ...joined].map((course) => [course.id, course]));
    return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
  }

  /** The trainers a manager may assign to his academy's courses. */
  async assignableTrainers(actor: Actor): Promise<{ userId: string; name: string }[]> {
    if (!actor.academy) return [];
    return (await this.trainers.trainersOf(actor.academy)).map(({ userId, name }) => ({ userId, name }));
  }

  /**
   * L9: the binary "training completed" of each participant, for a trainer of the course, who set it
   * and must see what he set; nobody else learns it here.
   */
  async completions(actor: Actor, courseId: string): Promise<{ userId: string; completed: boolean }[]> {
    const course = (await this.courses.findById(courseId))?.course;
    if (!course || !course.trainers.some((trainer) => trainer.userId === actor.id))
      throw new CourseNotFound();
    return course.participants.map(({ userId, status }) => ({ userId, completed: status === 'completed' }));
  }

  /** L5/L6: members see who else is in the course, and nothing else about them. */
  async participants(actor: Actor, courseId: string): Promise<ParticipantView[]> {
    const course = (await this.courses.findById(courseId))?.course;
    if (!course || !isMember(course, actor.id)) throw new CourseNotFound();
    return [
      ...course.trainers.map(({ userId, name }) => ({ userId, name, role: 'trainer' as const })),
      ...course.participants.map(({ userId, name, school }) => ({
        userId,
        name,
        role: 'participant' as const,
        ...(school ? { school } : {}),
      })),
    ];
  }

  /**
   * L10: for his district only, the courses in place, their trainers' names, and the names and
   * schools of the district's teachers enrolled or completed, with hours once completed. Nothing else.
   */
  async districtOverview(actor: Actor, district: string): Promise<DistrictCourseView[]> {
    if (actor.district !== district) {
      throw new NotAllowed('OTHER_DISTRICT', 'You can read the overview of your own district only.');
    }
    const courses = await this.courses.find({ district });
    return courses
      .map((course) => ({
        courseId: course.id,
        title: course.title,
        trainers: course.trainers.map((trainer) => trainer.name),
        teachers: [
          ...course.participants
            .filter((participant) => participant.district === district)
            .map((participant) => ({
              name: participant.name,
              ...(participant.school ? { school: participant.school } : {}),
              status: participant.status,
              ...(participant.status === 'completed' ? { creditedHours: participant.creditedHours } : {}),
            })),
          // L1: the inspector sees the completion, not that the teacher left afterwards.
          ...course.formerParticipants
            .filter((former) => former.district === district)
            .map((former) => ({
              name: former.name,
              ...(former.school ? { school: former.school } : {}),
              status: 'completed' as const,
              creditedHours: former.creditedHours,
            })),
        ],
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** A course the caller may see: open in his academy, or one he is a member or manager of. */
  async visibleCourse(actor: Actor, courseId: string, isManager: boolean): Promise<Course> {
    const stored = await this.courses.findById(courseId);
    const course = stored?.course;
    if (!course || !isVisibleTo(course, actor, isManager)) throw new CourseNotFound();
    return course;
  }

  async enrollSelf(
    context: RequestContext,
    courseId: string,
  ): Promise<{ enrollment: EnrollmentView; created: boolean }> {
    const { actor } = context;
    const { course, changes } = await this.change(context, courseId, (current) => {
      // §5: a closed course answers as an unknown one to whoever is not in it, not "closed".
      if (!isVisibleTo(current, actor, false)) throw new CourseNotFound();
      return enroll(current, {
        userId: actor.id,
        name: actor.name,
        ...(actor.school ? { school: actor.school } : {}),
        ...(actor.district ? { district: actor.district } : {}),
      });
    });
    const participant = participantOf(course, actor.id);
    if (!participant) throw new CourseNotFound();
    return { enrollment: viewOf(course, participant), created: changes.length > 0 };
  }

  async withdrawSelf(context: RequestContext, courseId: string): Promise<void> {
    await this.change(context, courseId, (current) => {
      if (!participantOf(current, context.actor.id)) throw new CourseNotFound();
      return withdraw(current, context.actor.id);
    });
  }

  async setCompletion(
    context: RequestContext,
    courseId: string,
    teacherId: string,
    completed: boolean,
  ): Promise<EnrollmentView> {
    const { course } = await this.change(context, courseId, (current) => {
      if (!isTrainerOf(current, context.actor.id)) throw new CourseNotFound();
      return completed
        ? setCompletion(current, teacherId, true, {
            code: this.newCode(),
            completedOn: dayOf(this.clock.now()),
          })
        : setCompletion(current, teacherId, false);
    });
    const participant = participantOf(course, teacherId);
    if (!participant) throw new CourseNotFound();
    return viewOf(course, participant);
  }

  async myEnrollments(actor: Actor): Promise<{ enrollments: EnrollmentView[]; totalCreditedHours: number }> {
    const [joined, left] = await Promise.all([
      this.courses.find({ participantId: actor.id }),
      this.courses.find({ formerParticipantId: actor.id }),
    ]);
    const enrollments = [
      ...joined.flatMap((course) => {
        const participant = participantOf(course, actor.id);
        return participant ? [viewOf(course, participant)] : [];
      }),
      ...left.flatMap((course) => {
        const former = formerParticipantOf(course, actor.id);
        return former ? [formerViewOf(course, former)] : [];
      }),
    ];
    const totalCreditedHours = enrollments.reduce((total, enrollment) => total + enrollment.creditedHours, 0);
    return { enrollments, totalCreditedHours };
  }

  /** L3: his attestations, one per completed course, those he left after completion included. */
  async myAttestations(actor: Actor): Promise<TeacherAttestation[]> {
    const [joined, left] = await Promise.all([
      this.courses.find({ participantId: actor.id }),
      this.courses.find({ formerParticipantId: actor.id }),
    ]);
    return [...joined, ...left]
      .flatMap((course) => {
        const attestation = attestationOfTeacher(course, actor.id);
        return attestation ? [{ ...attestation, courseId: course.id }] : [];
      })
      .sort(
        (a, b) => a.completedOn.localeCompare(b.completedOn) || a.courseTitle.localeCompare(b.courseTitle),
      );
  }

  /** His attestation for one course; nobody else's, whoever asks (404 as for an unknown course). */
  async myAttestation(actor: Actor, courseId: string): Promise<TeacherAttestation> {
    const course = (await this.courses.findById(courseId))?.course;
    const attestation = course && attestationOfTeacher(course, actor.id);
    if (!attestation) throw new AttestationNotFound('course');
    return { ...attestation, courseId };
  }

  async schoolYearSummary(actor: Actor, schoolYear: string): Promise<SchoolYearSummary> {
    const attestations = (await this.myAttestations(actor)).filter(
      (attestation) => schoolYearOf(attestation.completedOn) === schoolYear,
    );
    if (attestations.length === 0) throw new AttestationNotFound('school-year');
    return {
      schoolYear,
      teacherName: actor.name,
      attestations,
      totalCreditedHours: attestations.reduce((total, attestation) => total + attestation.creditedHours, 0),
    };
  }

  /** GDPR articles 15 and 20: what enrollment holds that refers to him, whatever his roles (ADR 0032). */
  async personalData(actor: Actor): Promise<CollectedPersonalData> {
    return personalDataOf(this.courses, actor.id);
  }

  /** Public: the attestation a code names, while its completion stands; revoked or unknown alike. */
  async verify(code: string): Promise<Attestation> {
    const courses = await this.courses.find({ attestationCode: code });
    const attestation = courses.map((course) => attestationWithCode(course, code)).find(Boolean);
    if (!attestation) throw new AttestationNotFound('code');
    return attestation;
  }

  private async resolveTrainers(trainerIds: readonly string[], academy: string) {
    const unique = [...new Set(trainerIds)];
    const found = await this.trainers.findTrainers(unique);
    const known = new Map(found.filter((t) => t.academy === academy).map((t) => [t.userId, t]));
    const unknown = trainerIds.flatMap((id, index) => (known.has(id) ? [] : [{ id, index }]));
    if (unknown.length > 0) throw new UnknownTrainers(unknown);
    return unique.map((id) => ({ userId: id, name: known.get(id)?.name ?? '' }));
  }

  /**
   * Applies a domain rule to the latest revision and saves over it; when another request saved first,
   * the rule is applied again to the newer course (ADR 0026). RevisionConflict when it kept losing.
   */
  private async change(
    { correlationId }: RequestContext,
    courseId: string,
    rule: (course: Course) => CourseOutcome,
  ): Promise<CourseOutcome> {
    const saved = await update<Course, Saved>(this.courses.revisions, courseId, async (stored) => {
      if (!stored) throw new CourseNotFound();
      const outcome = rule(stored.state);
      if (outcome.changes.length === 0) return { save: 'nothing', result: { outcome } };
      const events = await this.pendingEventsFor(outcome, correlationId);
      return {
        save: 'state',
        next: outcome.course,
        events: events.pending,
        result: { outcome, afterSave: events.afterSave },
      };
    });
    await saved.afterSave?.();
    return saved.outcome;
  }

  private async pendingEventsFor(outcome: CourseOutcome, correlationId: string) {
    const origin: EventOrigin = { source: 'enrollment', correlationId, now: this.clock.now() };
    const { facts, countedTokens } = await this.facts.factsFor(outcome.course, outcome.changes, origin);
    const pending: PendingEvent[] = [...eventsFor(outcome.course, outcome.changes, origin), ...facts];
    return {
      pending,
      // Marked after the save: a crash in between may count a teacher twice, never expose one.
      afterSave: () => this.facts.markCounted(countedTokens),
    };
  }
}

function isVisibleTo(course: Course, actor: Actor, isManager: boolean): boolean {
  const sameAcademy = course.academy === actor.academy;
  return isMember(course, actor.id) || (sameAcademy && (isManager || course.status === 'open'));
}

function viewOf(course: Course, participant: Participant): EnrollmentView {
  return {
    courseId: course.id,
    title: course.title,
    status: participant.status,
    creditedHours: creditedHours(participant),
    withdrawn: false,
  };
}

function formerViewOf(course: Course, former: FormerParticipant): EnrollmentView {
  return {
    courseId: course.id,
    title: course.title,
    status: 'completed',
    creditedHours: former.creditedHours,
    withdrawn: true,
  };
}
