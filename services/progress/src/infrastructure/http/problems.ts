import { Problem } from '@relais/platform';
import { DuplicateActivityIds, EmptyActivityTitle } from '../../domain/activity';
import { ActivityNotFound, CourseNotFound } from '../../application/errors';

/** Use-case outcomes as problems; anything unknown is rethrown for the platform's 500 handler. */
export function toProblem(error: unknown): unknown {
  if (error instanceof CourseNotFound)
    return new Problem({ status: 404, code: 'COURSE_NOT_FOUND', detail: error.message });
  if (error instanceof ActivityNotFound)
    return new Problem({ status: 404, code: 'ACTIVITY_NOT_FOUND', detail: error.message });
  if (error instanceof DuplicateActivityIds)
    // Well-formed but contradictory: JSON Schema cannot say "unique by id", so this is not a 400.
    return new Problem({ status: 422, code: 'DUPLICATE_ACTIVITY_IDS', detail: error.message });
  if (error instanceof EmptyActivityTitle)
    return new Problem({ status: 400, code: 'EMPTY_ACTIVITY_TITLE', detail: error.message });
  return error;
}
