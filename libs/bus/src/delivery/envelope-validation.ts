import { envelopeSchema, type EventEnvelope } from '@relais/contracts';
import type { z } from 'zod';
import { InvalidEnvelopeError } from '../errors';
import type { OutgoingMessage } from '../event-bus';

export type DecodedEnvelope = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/**
 * Paths and issue codes only: zod messages may quote the offending input (an unknown key, a value),
 * and the input is the payload we must never echo.
 */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);
}

export function decodeEnvelope(value: Buffer | string | null): DecodedEnvelope {
  if (value === null) return { ok: false, reason: 'PoisonMessage: empty value' };
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    // JSON.parse's message quotes the input: only say that it is not JSON.
    return { ok: false, reason: 'PoisonMessage: value is not JSON' };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      reason: `PoisonMessage: invalid envelope (${describeIssues(parsed.error).join('; ')})`,
    };
  }
  return { ok: true, envelope: parsed.data };
}

/** Publishing an invalid envelope is a bug in the publisher: fail loudly before anything is sent. */
export function assertPublishable(topic: string, messages: readonly OutgoingMessage[]): void {
  for (const message of messages) {
    const parsed = envelopeSchema.safeParse(message.envelope);
    if (!parsed.success) throw new InvalidEnvelopeError(topic, describeIssues(parsed.error));
  }
}
