/** Outcomes of a use case that are not domain rules: the HTTP adapter maps them to problems. */
export class CourseNotFound extends Error {
  override readonly name = 'CourseNotFound';
  constructor() {
    super('No course with this id is visible to you.');
  }
}

export class NotAllowed extends Error {
  override readonly name = 'NotAllowed';
  constructor(
    readonly code: 'OTHER_ACADEMY' | 'NOT_A_TRAINER_OF_COURSE' | 'OTHER_DISTRICT',
    message: string,
  ) {
    super(message);
  }
}

/** Well-formed trainer ids that name no trainer of the course's academy, with their place in the list. */
export class UnknownTrainers extends Error {
  override readonly name = 'UnknownTrainers';
  constructor(readonly unknown: readonly { id: string; index: number }[]) {
    super(
      `Not a trainer of the course's academy: ${unknown.map(({ index }) => `trainerIds.${index}`).join(', ')}. ` +
        'Give the ids of trainers of this academy.',
    );
  }
}

/** A planned closing day before today (Paris): a course is not planned to close in the past. */
export class ClosingDayInPast extends Error {
  override readonly name = 'ClosingDayInPast';
  constructor(readonly today: string) {
    super(`closesOn is in the past: give today (${today}) or a later day, or null to plan none.`);
  }
}

const attestationNotFound = {
  course: 'You have no attestation for this course: it is issued once a trainer records your completion.',
  'school-year':
    'You have no attestation in this school year: give a school year such as 2026-2027 in which a course was completed.',
  code: 'No valid attestation has this code: check it against the document, or the attestation was revoked.',
} as const;

/** No attestation where one was asked for; unknown and revoked codes answer alike (ADR 0031). */
export class AttestationNotFound extends Error {
  override readonly name = 'AttestationNotFound';
  constructor(readonly lookedUpBy: keyof typeof attestationNotFound) {
    super(attestationNotFound[lookedUpBy]);
  }
}
