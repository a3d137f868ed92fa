import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, describeError, NetworkError } from './errors';

describe('describeError', () => {
  it('turns a problem code into the French sentence for that code, never the English detail', () => {
    const error = apiErrorFrom(409, {
      code: 'COURSE_FULL',
      detail: 'The course has no seat left',
      status: 409,
      title: 'Conflict',
      type: 'x',
    });
    expect(describeError(error)).toBe(
      'Ce parcours est complet : il ne reste plus de place. Choisissez un autre parcours dans le catalogue.',
    );
  });

  it('falls back on the status when the code is new to the portal', () => {
    expect(describeError(new ApiError(404, 'SOMETHING_NEW'))).toBe(
      "Ce que vous cherchez n'existe pas ou ne vous est pas accessible.",
    );
  });

  it('tells a person whose request never arrived to check the connection', () => {
    expect(describeError(new NetworkError(new TypeError('Failed to fetch')))).toMatch(
      /Vérifiez votre connexion/,
    );
  });

  it('keeps the refused body fields so a form can show the sentence next to them', () => {
    const error = apiErrorFrom(400, {
      code: 'VALIDATION_FAILED',
      errors: [
        { in: 'body', path: 'message', message: 'Too big' },
        { in: 'query', path: 'period', message: 'Invalid' },
      ],
    });
    expect(error.fields()).toEqual(['message']);
  });
});
