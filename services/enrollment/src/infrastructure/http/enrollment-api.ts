import { z } from 'zod';
import { ServiceApi, correlationIdOf, declareMyDataRoute } from '@relais/platform';
import { authenticate, callerOf, requireRole, type Caller, type TokenVerifier } from '@relais/auth';
import type { Request } from 'express';
import { seatsLeft, type Course } from '../../domain/course';
import type {
  EnrollmentUseCases,
  RequestContext,
  TeacherAttestation,
} from '../../application/enrollment-use-cases';
import { dayOf, schoolYearOf } from '../../application/calendar';
import { enrollmentPersonalData } from '../../application/personal-data';
import { attestationPdf, schoolYearSummaryPdf } from '../pdf/attestation-pdf';
import type { ErasureRequests } from '../../application/erasure-requests';
import { mountErasureRequestRoutes } from './erasure-requests-api';
import { toProblem } from './problems';
import {
  assignableTrainer,
  attestationContent,
  attestationParams,
  catalogueEntry,
  completionBody,
  completionParams,
  courseIdParams,
  courseUpdateBody,
  districtOverview,
  districtParams,
  enrollmentView,
  myAttestations,
  myEnrollments,
  newCourseBody,
  participantCompletion,
  participantView,
  schoolYearParams,
  verificationParams,
} from './schemas';

const problem = (description: string) => ({ description });

function contextOf(req: Request): RequestContext {
  const caller: Caller = callerOf(req);
  return {
    actor: {
      id: caller.id,
      name: caller.name,
      ...(caller.academy ? { academy: caller.academy } : {}),
      ...(caller.district ? { district: caller.district } : {}),
      ...(caller.school ? { school: caller.school } : {}),
    },
    correlationId: correlationIdOf(req),
  };
}

/**
 * A catalogue entry shows trainers by name only: ids of people stay inside the course, except for the
 * academy's training managers, who assign trainers by id.
 */
function catalogueEntryOf(course: Course, caller: Caller): z.input<typeof catalogueEntry> {
  const manages = caller.hasRole('training-manager') && caller.academy === course.academy;
  const myRole = course.trainers.some((trainer) => trainer.userId === caller.id)
    ? 'trainer'
    : course.participants.some((participant) => participant.userId === caller.id)
      ? 'participant'
      : null;
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    academy: course.academy,
    themes: course.themes,
    predictedHours: course.predictedHours,
    trainers: course.trainers.map(({ name, userId }) => (manages ? { name, userId } : { name })),
    districts: course.districts,
    capacity: course.capacity ?? null,
    status: course.status,
    closesOn: course.closesOn ?? null,
    seatsLeft: seatsLeft(course) ?? null,
    myRole,
  };
}

export interface EnrollmentApiOptions {
  /**
   * The origin people reach Relais at (RELAIS_PUBLIC_URL), printed on attestations with the path of
   * the verification page. Without it, the origin the request was made to.
   */
  publicUrl?: string;
  now?: () => Date;
}

function publicOriginOf(req: Request, options: EnrollmentApiOptions): string {
  if (options.publicUrl) return new URL(options.publicUrl).origin;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** Where the portal's public page confirms an attestation (apps/portal, /verifier/:code). */
const verificationUrlOf = (origin: string, code: string): string => `${origin}/verifier/${code}`;

function yearsOf(attestations: readonly TeacherAttestation[]) {
  const years = new Map<string, { schoolYear: string; courses: number; totalCreditedHours: number }>();
  for (const attestation of attestations) {
    const schoolYear = schoolYearOf(attestation.completedOn);
    const year = years.get(schoolYear) ?? { schoolYear, courses: 0, totalCreditedHours: 0 };
    year.courses += 1;
    year.totalCreditedHours += attestation.creditedHours;
    years.set(schoolYear, year);
  }
  return [...years.values()].sort((a, b) => b.schoolYear.localeCompare(a.schoolYear));
}

export function enrollmentApi(
  useCases: EnrollmentUseCases,
  erasureRequests: ErasureRequests,
  verifier: TokenVerifier,
  options: EnrollmentApiOptions = {},
): ServiceApi {
  const today = () => dayOf((options.now ?? (() => new Date()))());
  const api = new ServiceApi({
    service: 'enrollment',
    title: 'Relais enrollment',
    version: '1.0.0',
    toProblem,
  });
  const signedIn = authenticate(verifier);

  api.route({
    method: 'post',
    path: '/courses',
    operationId: 'createCourse',
    summary: 'Create a course in your own academy (training managers).',
    tags: ['courses'],
    middleware: [signedIn, requireRole('training-manager')],
    request: { body: newCourseBody },
    responses: {
      201: { description: 'The course, open for enrollment.', schema: catalogueEntry },
      400: problem('The body breaks a rule of the schema.'),
      403: problem('Not a training manager, or another academy.'),
      422: problem(
        'TRAINER_NOT_FOUND: a trainerId names no trainer of the academy; CLOSING_DAY_PASSED: closesOn is before today (see `errors`).',
      ),
    },
    handler: async ({ body, req }) => {
      const course = await useCases.createCourse(contextOf(req), body);
      return {
        status: 201,
        body: catalogueEntryOf(course, callerOf(req)),
        headers: { Location: `courses/${course.id}` },
      };
    },
  });

  api.route({
    method: 'patch',
    path: '/courses/:id',
    operationId: 'updateCourse',
    summary: 'Edit a course of your academy: fields, trainers, open or closed (training managers).',
    tags: ['courses'],
    middleware: [signedIn, requireRole('training-manager')],
    request: { params: courseIdParams, body: courseUpdateBody },
    responses: {
      200: { description: 'The course as it now is.', schema: catalogueEntry },
      400: problem('The body breaks a rule of the schema.'),
      404: problem('No such course in your academy.'),
      409: problem('Capacity below the enrolled participants, or a participant named as trainer.'),
      422: problem(
        'TRAINER_NOT_FOUND: a trainerId names no trainer of the academy; CLOSING_DAY_PASSED: closesOn is before today (see `errors`).',
      ),
    },
    handler: async ({ params, body, req }) => {
      const course = await useCases.updateCourse(contextOf(req), params.id, body);
      return { status: 200, body: catalogueEntryOf(course, callerOf(req)) };
    },
  });

  api.route({
    method: 'get',
    path: '/courses',
    operationId: 'listCourses',
    summary: 'The catalogue: open courses of your academy, your own courses; all of them for its managers.',
    tags: ['courses'],
    middleware: [signedIn],
    responses: { 200: { description: 'Catalogue entries.', schema: z.array(catalogueEntry) } },
    handler: async ({ req }) => {
      const courses = await useCases.catalogue(
        contextOf(req).actor,
        callerOf(req).hasRole('training-manager'),
      );
      return { status: 200, body: courses.map((course) => catalogueEntryOf(course, callerOf(req))) };
    },
  });

  api.route({
    method: 'get',
    path: '/trainers',
    operationId: 'listAssignableTrainers',
    summary: 'The trainers of your academy, whom you may assign to its courses (training managers).',
    tags: ['courses'],
    middleware: [signedIn, requireRole('training-manager')],
    responses: { 200: { description: 'Trainers by name.', schema: z.array(assignableTrainer) } },
    handler: async ({ req }) => ({
      status: 200,
      body: await useCases.assignableTrainers(contextOf(req).actor),
    }),
  });

  api.route({
    method: 'get',
    path: '/courses/:id/completions',
    operationId: 'listCompletions',
    summary: 'The binary "training completed" of each participant (trainers of the course).',
    tags: ['enrollments'],
    middleware: [signedIn, requireRole('trainer')],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'One row per participant.', schema: z.array(participantCompletion) },
      404: problem('Not a course you train.'),
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: await useCases.completions(contextOf(req).actor, params.id),
    }),
  });

  api.route({
    method: 'get',
    path: '/courses/:id/participants',
    operationId: 'listParticipants',
    summary: 'Who is in the course: names, roles and schools, nothing else (members).',
    tags: ['courses'],
    middleware: [signedIn, requireRole('teacher', 'trainer')],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'Trainers and participants.', schema: z.array(participantView) },
      404: problem('Not a course you are a member of.'),
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: await useCases.participants(contextOf(req).actor, params.id),
    }),
  });

  api.route({
    method: 'get',
    path: '/districts/:district/overview',
    operationId: 'districtOverview',
    summary:
      'For the inspector of the district: courses, trainers, teachers’ names, schools, status and hours.',
    tags: ['inspection'],
    middleware: [signedIn, requireRole('inspector')],
    request: { params: districtParams },
    responses: {
      200: { description: 'Courses in place for the district.', schema: districtOverview },
      403: problem('Not your district.'),
    },
    handler: async ({ params, req }) => ({
      status: 200,
      body: {
        district: params.district,
        courses: await useCases.districtOverview(contextOf(req).actor, params.district),
      },
    }),
  });

  api.route({
    method: 'get',
    path: '/courses/:id',
    operationId: 'getCourse',
    summary: 'One catalogue entry.',
    tags: ['courses'],
    middleware: [signedIn],
    request: { params: courseIdParams },
    responses: {
      200: { description: 'The catalogue entry.', schema: catalogueEntry },
      404: problem('No such course visible to you.'),
    },
    handler: async ({ params, req }) => {
      const caller = callerOf(req);
      const { actor } = contextOf(req);
      const course = await useCases.visibleCourse(
        actor,
        params.id,
        caller.roles.includes('training-manager'),
      );
      return { status: 200, body: catalogueEntryOf(course, callerOf(req)) };
    },
  });

  api.route({
    method: 'post',
    path: '/courses/:id/enrollments',
    operationId: 'enrollSelf',
    summary: 'Enroll yourself (voluntary); enrolling again returns the same enrollment.',
    tags: ['enrollments'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: courseIdParams, body: z.strictObject({}).optional() },
    responses: {
      201: { description: 'Enrolled.', schema: enrollmentView },
      200: { description: 'Already enrolled: the same enrollment.', schema: enrollmentView },
      404: problem('No such course visible to you; a closed course you are not in answers the same.'),
      409: problem('COURSE_FULL: no seat left; TRAINER_CANNOT_ENROLL: you train this course.'),
    },
    handler: async ({ params, req }) => {
      const { enrollment, created } = await useCases.enrollSelf(contextOf(req), params.id);
      return created ? { status: 201, body: enrollment } : { status: 200, body: enrollment };
    },
  });

  api.route({
    method: 'delete',
    path: '/courses/:id/enrollments/me',
    operationId: 'withdrawSelf',
    summary: 'Withdraw, at any time, also after completion, without giving a reason.',
    tags: ['enrollments'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: courseIdParams },
    responses: {
      204: {
        description:
          'Withdrawn: you leave the participant list; hours credited by a completion stay in your record.',
      },
      404: problem('You are not enrolled in this course.'),
    },
    handler: async ({ params, req, res }) => {
      await useCases.withdrawSelf(contextOf(req), params.id);
      res.status(204).end();
    },
  });

  api.route({
    method: 'put',
    path: '/courses/:id/enrollments/:teacherId/completion',
    operationId: 'setCompletion',
    summary: 'Tick or untick "training completed" (trainers of the course).',
    tags: ['enrollments'],
    middleware: [signedIn, requireRole('trainer')],
    request: { params: completionParams, body: completionBody },
    responses: {
      200: { description: 'The participant’s binary status and credited hours.', schema: enrollmentView },
      404: problem('Not a course you train, or not a participant of it (someone who withdrew no longer is).'),
    },
    handler: async ({ params, body, req }) => {
      const view = await useCases.setCompletion(contextOf(req), params.id, params.teacherId, body.completed);
      return { status: 200, body: view };
    },
  });

  api.route({
    method: 'get',
    path: '/me/enrollments',
    operationId: 'myEnrollments',
    summary:
      'Your own record: courses, binary status, credited hours and their total; a course left after completion stays, marked withdrawn.',
    tags: ['enrollments'],
    middleware: [signedIn, requireRole('teacher')],
    responses: { 200: { description: 'Your enrollments.', schema: myEnrollments } },
    handler: async ({ req }) => ({ status: 200, body: await useCases.myEnrollments(contextOf(req).actor) }),
  });

  api.route({
    method: 'get',
    path: '/me/attestations',
    operationId: 'myAttestations',
    summary:
      'Your attestations of training, one per completed course, and the school years they fall in (teachers).',
    tags: ['attestations'],
    middleware: [signedIn, requireRole('teacher')],
    responses: { 200: { description: 'Your attestations.', schema: myAttestations } },
    handler: async ({ req }) => {
      const attestations = await useCases.myAttestations(contextOf(req).actor);
      return {
        status: 200,
        body: {
          attestations: attestations.map((attestation) => ({
            ...attestation,
            schoolYear: schoolYearOf(attestation.completedOn),
          })),
          schoolYears: yearsOf(attestations),
        },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/me/attestations/:courseId.pdf',
    operationId: 'myAttestationPdf',
    summary: 'Your "Attestation de formation" for one completed course, as a PDF (teachers).',
    description:
      'States your name, the course, its academy, the hours credited, the day of completion and the trainers, ' +
      'with a verification code and the address of the public page that confirms it.',
    tags: ['attestations'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: attestationParams },
    responses: {
      200: { description: 'The attestation.', contentType: 'application/pdf' },
      404: problem('ATTESTATION_NOT_FOUND: no completion of yours is recorded in this course.'),
    },
    handler: async ({ params, req }) => {
      const attestation = await useCases.myAttestation(contextOf(req).actor, params.courseId);
      const pdf = await attestationPdf({
        attestation,
        verificationUrl: verificationUrlOf(publicOriginOf(req, options), attestation.code),
        issuedOn: today(),
      });
      return {
        status: 200,
        body: pdf,
        headers: {
          'Content-Disposition': `attachment; filename="attestation-formation-${attestation.completedOn}.pdf"`,
        },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/me/attestations/school-years/:schoolYear.pdf',
    operationId: 'mySchoolYearSummaryPdf',
    summary:
      'The summary of your hours credited in one school year (1 September to 31 August), as a PDF (teachers).',
    tags: ['attestations'],
    middleware: [signedIn, requireRole('teacher')],
    request: { params: schoolYearParams },
    responses: {
      200: { description: 'The summary.', contentType: 'application/pdf' },
      404: problem('ATTESTATION_NOT_FOUND: no course of yours was completed in this school year.'),
    },
    handler: async ({ params, req }) => {
      const summary = await useCases.schoolYearSummary(contextOf(req).actor, params.schoolYear);
      const origin = publicOriginOf(req, options);
      const pdf = await schoolYearSummaryPdf({
        schoolYear: summary.schoolYear,
        teacherName: summary.teacherName,
        totalCreditedHours: summary.totalCreditedHours,
        lines: summary.attestations.map((attestation) => ({
          attestation,
          verificationUrl: verificationUrlOf(origin, attestation.code),
        })),
        issuedOn: today(),
      });
      return {
        status: 200,
        body: pdf,
        headers: {
          'Content-Disposition': `attachment; filename="heures-de-formation-${summary.schoolYear}.pdf"`,
        },
      };
    },
  });

  // Every role: a trainer, a manager or an inspector may ask what is held about himself too.
  declareMyDataRoute(api, {
    middleware: [signedIn],
    declaration: enrollmentPersonalData,
    collect: async (req) => {
      const { actor } = contextOf(req);
      return { ...(await useCases.personalData(actor)), ...(await erasureRequests.personalData(actor.id)) };
    },
  });

  mountErasureRequestRoutes(api, erasureRequests, signedIn);

  api.route({
    method: 'get',
    path: '/verify/:code',
    operationId: 'verifyAttestation',
    summary:
      'Public: confirms an attestation by its verification code, with what it states and nothing more.',
    description:
      'No token needed: whoever holds the document can check it. An unknown code and the code of a revoked ' +
      'attestation (its completion was unticked) answer the same 404.',
    tags: ['attestations'],
    secured: false,
    request: { params: verificationParams },
    responses: {
      200: { description: 'The attestation is valid and states this.', schema: attestationContent },
      404: problem('ATTESTATION_NOT_FOUND: no valid attestation has this code.'),
    },
    handler: async ({ params }) => ({ status: 200, body: await useCases.verify(params.code) }),
  });

  return api;
}
