import { Problem, tooManyRequests } from '@relais/platform';
import { RevisionConflict } from '@relais/store/revisions';
import { DomainError, type DomainErrorCode } from '../../domain/domain-error';
import {
  AnonymityThresholdNotMet,
  CourseNotFound,
  DailyLimitReached,
  FeedbackNotFound,
  RecipientNotInCourse,
} from '../../application/errors';

const statusOfDomainCode: Record<DomainErrorCode, number> = {
  INVALID_STATUS_TRANSITION: 409,
  STATUS_RESERVED_TO_TRAINERS: 403,
};

/** Use-case outcomes as problems; anything unknown is rethrown for the platform's 500 handler. */
export function toProblem(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new Problem({ status: statusOfDomainCode[error.code], code: error.code, detail: error.message });
  }
  if (error instanceof CourseNotFound) {
    return new Problem({ status: 404, code: 'COURSE_NOT_FOUND', detail: error.message });
  }
  if (error instanceof FeedbackNotFound) {
    return new Problem({ status: 404, code: 'FEEDBACK_NOT_FOUND', detail: error.message });
  }
  if (error instanceof RecipientNotInCourse) {
    return new Problem({ status: 422, code: 'RECIPIENT_NOT_IN_COURSE', detail: error.message });
  }
  if (error instanceof AnonymityThresholdNotMet) {
    return new Problem({ status: 409, code: 'ANONYMITY_THRESHOLD', detail: error.message });
  }
  if (error instanceof DailyLimitReached) {
    return tooManyRequests('DAILY_LIMIT_REACHED', error.message, error.retryAfterSeconds);
  }
  if (error instanceof RevisionConflict) {
    const detail = 'The feedback item changed several times while saving; try again.';
    return new Problem({ status: 409, code: 'CONCURRENT_UPDATE', detail });
  }
  return error;
}
