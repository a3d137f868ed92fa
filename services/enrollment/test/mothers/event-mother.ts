import { randomUUID } from 'node:crypto';
import type { PendingEvent } from '@relais/contracts';

/** A pending event as repositories store them; its content does not matter to a store. */
export function anEvent(): PendingEvent {
  return {
    topic: 'enrollment.events.v1',
    key: randomUUID(),
    envelope: {
      id: randomUUID(),
      type: 'enrollment.course.updated.v1',
      source: 'enrollment',
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      data: {},
    },
  };
}
