/** Outcomes of a use case that are not domain rules: the HTTP adapter maps them to problems. */

/** Also what a non-member gets, so that the existence of a course never leaks (L4). */
export class CourseNotFound extends Error {
  override readonly name = 'CourseNotFound';
  constructor() {
    super('No course with this id is visible to you.');
  }
}

export class ActivityNotFound extends Error {
  override readonly name = 'ActivityNotFound';
  constructor(readonly activityId: string) {
    super(`This course has no activity with the id ${activityId}; read its activity list for the ids.`);
  }
}
