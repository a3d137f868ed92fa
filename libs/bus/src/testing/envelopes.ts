import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@relais/contracts';

/** A valid envelope for bus tests; the type follows `<service>.<subject>.<action>.v<major>`. */
export function anEnvelope<TData>(
  type: string,
  data: TData,
  overrides: Partial<Omit<EventEnvelope, 'data'>> = {},
): EventEnvelope<TData> {
  return {
    id: randomUUID(),
    type,
    source: 'bus-contract',
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    data,
    ...overrides,
  };
}
