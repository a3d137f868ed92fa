import type { ParticipationFact } from '../domain/enrollment-table';

/** Facts kept idempotently: the event id is the document id, so a replayed fact changes nothing. */
export interface ParticipationFactStore {
  /** false when this fact id was already recorded. */
  record(factId: string, fact: ParticipationFact): Promise<boolean>;
  inMonths(months: readonly string[]): Promise<ParticipationFact[]>;
}
