export class CourseNotFound extends Error {
  override readonly name = 'CourseNotFound';
  constructor() {
    super('No course with this id is visible to you.');
  }
}
