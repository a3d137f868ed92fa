import type { PendingEvent } from '@relais/contracts';
import { dayOf } from '../application/calendar';
import type { PendingEventSummary } from '../application/ports';

/** What a person is told of an event still waiting for the relay: its type and day, not its data. */
export function summaryOf(event: PendingEvent): PendingEventSummary {
  return { type: event.envelope.type, occurredOn: dayOf(new Date(event.envelope.occurredAt)) };
}
