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
