import mongoose from 'mongoose';

/**
 * Idempotent consumers without transactions (docs/design.md §4): the id of the event is recorded in the same
 * single-document update as its effect, and the update matches only documents that have not seen it.
 * The list is capped: redeliveries arrive close to the original, never hundreds of events later.
 */
export const appliedEventsCap = 500;

export function notYetApplied(eventId: string): Record<string, unknown> {
  return { appliedEventIds: mongoose.trusted({ $ne: eventId }) };
}

export function recordApplied(eventId: string): Record<string, unknown> {
  return { appliedEventIds: { $each: [eventId], $slice: -appliedEventsCap } };
}

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
