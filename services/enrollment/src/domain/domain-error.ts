/**
 * A rule of the domain was not met. `code` is stable (clients and tests rely on it); `message` says
 * what the person can do about it and never contains personal data.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type DomainErrorCode =
  | 'COURSE_CLOSED'
  | 'COURSE_FULL'
  | 'TRAINER_CANNOT_ENROLL'
  | 'NOT_A_PARTICIPANT'
  | 'CAPACITY_BELOW_ENROLLED'
  | 'TRAINERS_REQUIRED';
