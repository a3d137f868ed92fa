import { ApiError } from '../../api/errors';
import type { operations } from '../../api/generated/enrollment';
import { fr } from '../../i18n/fr';

export type ErasureBody = operations['requestErasure']['requestBody']['content']['application/json'];
export type ErasureView = operations['requestErasure']['responses'][202]['content']['application/json'];

/** What the administrator typed, as typed: nothing is lost when the service refuses it. */
export interface ErasureDraft {
  personId: string;
  reason: string;
  /** The explicit confirmation that the erasure is irreversible. */
  confirmed: boolean;
}

export type ErasureField = keyof ErasureDraft;
export type ErasureErrors = Partial<Record<ErasureField, string>>;

export const emptyErasureDraft: ErasureDraft = { personId: '', reason: '', confirmed: false };

// The enrollment service's rules (services/enrollment/src/infrastructure/http/schemas.ts,
// `erasureRequestBody`, published in its OpenAPI document), checked before sending so that each
// sentence appears next to its field at once. Any UUID, as JSON Schema's `uuid` format has it.
export const REASON_MIN = 10;
export const REASON_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const t = fr.erasure.form;

/** The body to send, or the sentence for each field to fix. */
export function validateErasure(
  draft: ErasureDraft,
): { body: ErasureBody; errors?: undefined } | { body?: undefined; errors: ErasureErrors } {
  const errors: ErasureErrors = {};
  const personId = draft.personId.trim();
  if (personId === '') errors.personId = t.personIdRequired;
  else if (!UUID.test(personId)) errors.personId = t.personIdFormat;

  const reason = draft.reason.trim();
  if (reason === '') errors.reason = t.reasonRequired;
  else if (reason.length < REASON_MIN) errors.reason = t.reasonTooShort;
  else if (reason.length > REASON_MAX) errors.reason = t.reasonTooLong;
  // The audit record says why, never whom (ADR 0033): the service refuses a reason repeating the id.
  else if (personId !== '' && reason.toLowerCase().includes(personId.toLowerCase()))
    errors.reason = t.reasonNamesPerson;

  if (!draft.confirmed) errors.confirmed = t.confirmRequired;

  if (Object.keys(errors).length > 0) return { errors };
  return { body: { personId, reason } };
}

/**
 * The service's refusal, next to the field it is about; undefined when it concerns no field. Its
 * messages are English and for developers: the form says in French what the field's rule is.
 */
export function errorsOfErasureRefusal(error: unknown): ErasureErrors | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const errors: ErasureErrors = {};
  for (const path of error.fields()) {
    if (path === 'personId') errors.personId = t.personIdFormat;
    else if (path === 'reason') errors.reason = t.reasonRefused;
  }
  if (error.code === 'BODY_TOO_LARGE') errors.reason = t.reasonTooLong;
  return Object.keys(errors).length > 0 ? errors : undefined;
}

export type ErasureStatus = Pick<ErasureView, 'status' | 'servicesPending'>;

/** How many erasures are still running: the list refreshes itself only while some are. */
export function pendingCount(erasures: readonly ErasureStatus[]): number {
  return erasures.filter((erasure) => erasure.status === 'pending').length;
}

/** The services still to forget the person, in French and in the registry's order. */
export function servicesNamed(services: readonly string[]): string {
  return services.map((service) => fr.erasure.services[service] ?? service).join(', ');
}
