import { describeError, scrubMessage } from '../src/delivery/scrub-error';

describe('describeError', () => {
  it('keeps the error name and the words of its message', () => {
    expect(describeError(new RangeError('course is full'))).toBe('RangeError: course is full');
  });

  it.each([
    ['an email', 'cannot notify jeanne.martin@example.org today', 'jeanne.martin'],
    ['a uuid', 'no enrollment 3b241101-e2bb-4255-8caf-4136c566a962', '3b241101'],
    ['a school code', 'unknown school 0690001A', '0690001A'],
    ['a quoted value', 'bad name "Jeanne Martin"', 'Jeanne'],
    ['a JSON fragment', 'cannot handle {"name":"Jeanne"}', 'Jeanne'],
  ])('removes %s', (_, message, personal) => {
    const described = describeError(new Error(message));
    expect(described).not.toContain(personal);
    expect(described).toContain('<redacted>');
  });

  it('bounds the length and keeps it on one line', () => {
    const scrubbed = scrubMessage(`first line\nsecond ${'word '.repeat(100)}`);
    expect(scrubbed).not.toContain('\n');
    expect(scrubbed.length).toBeLessThanOrEqual(201);
  });

  it('names what is thrown when it is not an Error, without its content', () => {
    expect(describeError('teacher.01 failed')).toBe('string');
    expect(describeError({ userId: 'u-1' })).toBe('object');
  });
});
