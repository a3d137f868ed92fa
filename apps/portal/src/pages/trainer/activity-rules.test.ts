import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { errorsOfRefusal, hasErrors, validateActivities, type ActivityDraft } from './activity-rules';

const draft = (id: string, title = 'Lire le guide'): ActivityDraft => ({
  key: id,
  id,
  title,
  kind: 'resource',
  optional: false,
});

describe('validateActivities', () => {
  it('accepts a list the progress service accepts', () => {
    expect(hasErrors(validateActivities([draft('accueil'), draft('video.1_a-b')]))).toBe(false);
  });

  it('puts "already used" next to each repeated id, before anything is sent', () => {
    const errors = validateActivities([draft('accueil'), draft('video'), draft('accueil')]);
    expect(errors[0]?.id).toMatch(/déjà utilisé/);
    expect(errors[1]?.id).toBeUndefined();
    expect(errors[2]?.id).toMatch(/déjà utilisé/);
  });

  it('refuses an empty id, a character outside the URL-safe set, and a blank title', () => {
    const errors = validateActivities([draft(''), draft('lecture à voix haute'), draft('quiz', '   ')]);
    expect(errors[0]?.id).toMatch(/Donnez un identifiant/);
    expect(errors[1]?.id).toMatch(/n'utilise que/);
    expect(errors[2]?.title).toMatch(/Donnez un titre/);
  });
});

describe('errorsOfRefusal', () => {
  it('shows the API’s DUPLICATE_ACTIVITY_IDS next to the repeated ids', () => {
    const drafts = [draft('a'), draft('b'), draft('a')];
    const errors = errorsOfRefusal(new ApiError(422, 'DUPLICATE_ACTIVITY_IDS'), drafts);
    expect(errors?.map((row) => row.id)).toEqual([
      expect.stringMatching(/même identifiant/),
      undefined,
      expect.stringMatching(/même identifiant/),
    ]);
  });

  it('places a refused body field on its row', () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', [{ in: 'body', path: '1.title', message: 'x' }]);
    const errors = errorsOfRefusal(refusal, [draft('a'), draft('b')]);
    expect(errors?.[1]?.title).toMatch(/Corrigez les champs signalés/);
    expect(errors?.[0]).toEqual({});
  });

  it('leaves a refusal about no field to the form-level alert', () => {
    expect(errorsOfRefusal(new ApiError(404, 'COURSE_NOT_FOUND'), [draft('a')])).toBeUndefined();
  });
});
