import { Problem } from '@relais/platform';
import { RevisionConflict } from '@relais/store/revisions';
import { DomainError, type DomainErrorCode } from '../../domain/domain-error';
import {
  AttestationNotFound,
  ClosingDayInPast,
  CourseNotFound,
  NotAllowed,
  UnknownTrainers,
} from '../../application/errors';

const statusOfDomainCode: Record<DomainErrorCode, number> = {
  COURSE_CLOSED: 409,
  COURSE_FULL: 409,
  TRAINER_CANNOT_ENROLL: 409,
  CAPACITY_BELOW_ENROLLED: 409,
  NOT_A_PARTICIPANT: 404,
  TRAINERS_REQUIRED: 400,
};

/** Use-case outcomes as problems; anything unknown is rethrown for the platform's 500 handler. */
export function toProblem(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new Problem({ status: statusOfDomainCode[error.code], code: error.code, detail: error.message });
  }
  if (error instanceof CourseNotFound)
    return new Problem({ status: 404, code: 'COURSE_NOT_FOUND', detail: error.message });
  if (error instanceof AttestationNotFound)
    return new Problem({ status: 404, code: 'ATTESTATION_NOT_FOUND', detail: error.message });
  if (error instanceof NotAllowed)
    return new Problem({ status: 403, code: error.code, detail: error.message });
  if (error instanceof UnknownTrainers) {
    // Well-formed ids that name no one: the body is valid, what it refers to does not exist (422).
    return new Problem({
      status: 422,
      code: 'TRAINER_NOT_FOUND',
      detail: error.message,
      extensions: {
        errors: error.unknown.map(({ index }) => ({
          in: 'body',
          path: `trainerIds.${index}`,
          message: 'No trainer of the course’s academy has this id.',
        })),
      },
    });
  }
  if (error instanceof ClosingDayInPast) {
    // A well-formed day that the schema accepts but a rule refuses: 422, as unknown trainers (ADR 0021).
    return new Problem({
      status: 422,
      code: 'CLOSING_DAY_PASSED',
      detail: error.message,
      extensions: { errors: [{ in: 'body', path: 'closesOn', message: error.message }] },
    });
  }
  if (error instanceof RevisionConflict) {
    const detail = 'The course changed several times while saving; try again.';
    return new Problem({ status: 409, code: 'CONCURRENT_UPDATE', detail });
  }
  return error;
}
