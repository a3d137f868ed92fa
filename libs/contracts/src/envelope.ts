import { z } from 'zod';

/**
 * The envelope every event and fact travels in (docs/design.md §4). Trace context is not here: it travels
 * in Kafka headers. `occurredAt` is an ISO date-time; facts round it to the day so that no fact
 * carries a time finer than stats needs.
 */
export const envelopeSchema = z.strictObject({
  id: z.uuid(),
  type: z.string().regex(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/, 'type is <service>.<subject>.<action>.v<major>'),
  source: z.string().min(1),
  occurredAt: z.iso.datetime(),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).optional(),
  data: z.unknown(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: TData };
