import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from '../../api/errors';
import { fr } from '../../i18n/fr';
import {
  errorsOfErasureRefusal,
  pendingCount,
  REASON_MAX,
  servicesNamed,
  validateErasure,
  type ErasureDraft,
} from './erasure-rules';

const t = fr.erasure.form;
const personId = '7C3BE2BB-362E-5337-B45C-3DAC7FE345A6';
const valid: ErasureDraft = {
  personId: ` ${personId} `,
  reason: '  Demande de la personne au titre de l’article 17.  ',
  confirmed: true,
};

describe('an erasure request, checked before it is sent', () => {
  it('sends the id and the reason trimmed, once confirmed', () => {
    expect(validateErasure(valid)).toEqual({
      body: { personId, reason: 'Demande de la personne au titre de l’article 17.' },
    });
  });

  it('says what is missing, field by field, the confirmation included', () => {
    expect(validateErasure({ personId: '', reason: '   ', confirmed: false }).errors).toEqual({
      personId: t.personIdRequired,
      reason: t.reasonRequired,
      confirmed: t.confirmRequired,
    });
  });

  it('refuses an id that is not one, whatever else is right', () => {
    expect(validateErasure({ ...valid, personId: 'teacher.39' }).errors).toEqual({
      personId: t.personIdFormat,
    });
  });

  it('holds the reason to 10 to 500 characters, counted without the spaces around it', () => {
    expect(validateErasure({ ...valid, reason: '  Départ.  ' }).errors).toEqual({
      reason: t.reasonTooShort,
    });
    expect(validateErasure({ ...valid, reason: 'Départ, .' }).errors).toEqual({ reason: t.reasonTooShort });
    expect(validateErasure({ ...valid, reason: 'Départ, ..' }).errors).toBeUndefined();
    expect(validateErasure({ ...valid, reason: 'x'.repeat(REASON_MAX) }).errors).toBeUndefined();
    expect(validateErasure({ ...valid, reason: 'x'.repeat(REASON_MAX + 1) }).errors).toEqual({
      reason: t.reasonTooLong,
    });
  });

  it('refuses a reason that names whom by his id, in any case (ADR 0033: why, never whom)', () => {
    expect(
      validateErasure({ ...valid, reason: `Départ de ${personId.toLowerCase()} en juin.` }).errors,
    ).toEqual({ reason: t.reasonNamesPerson });
  });
});

describe('the service’s refusal, placed on its field', () => {
  it('puts each refused body field next to its input, in French', () => {
    const refusal = apiErrorFrom(400, {
      code: 'VALIDATION_FAILED',
      errors: [
        { in: 'body', path: 'personId', message: 'personId is a user id (a UUID)' },
        { in: 'body', path: 'reason', message: 'reason is at least 10 characters' },
      ],
    });
    expect(errorsOfErasureRefusal(refusal)).toEqual({ personId: t.personIdFormat, reason: t.reasonRefused });
  });

  it('leaves a refusal about no field to the general alert', () => {
    expect(errorsOfErasureRefusal(apiErrorFrom(403, { code: 'FORBIDDEN_ROLE' }))).toBeUndefined();
    expect(errorsOfErasureRefusal(new Error('offline'))).toBeUndefined();
  });
});

describe('following erasures', () => {
  it('counts the pending ones, which keep the list refreshing', () => {
    expect(
      pendingCount([
        { status: 'pending', servicesPending: ['progress'] },
        { status: 'done', servicesPending: [] },
      ]),
    ).toBe(1);
    expect(pendingCount([{ status: 'done', servicesPending: [] }])).toBe(0);
  });

  it('names the services still to finish in French, an unknown one as it is', () => {
    expect(servicesNamed(['progress', 'notifications', 'attendance'])).toBe(
      'Progression, Notifications, attendance',
    );
  });
});
