export class CourseNotFound extends Error {
  override readonly name = 'CourseNotFound';
  constructor() {
    super('No course with this id is visible to you.');
  }
}

export class RecipientNotInCourse extends Error {
  override readonly name = 'RecipientNotInCourse';
  constructor() {
    super('You can write only to a trainer or a participant of this course.');
  }
}
