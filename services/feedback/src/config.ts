import { z } from 'zod';
import { minimumAnonymityThreshold } from './domain/feedback-item';

/** The feedback service's own variables, read once at start-up by `loadConfig`. */
export const feedbackConfigSchema = z.object({
  FEEDBACK_AUTHOR_KEY: z
    .string()
    .min(32, 'at least 32 characters')
    .describe(
      'secret key of the one-way tokens that recognise the author of an anonymous item (kept outside ' +
        'the database; changing it makes existing items unrecognisable to their authors)',
    ),
  NOTIFICATIONS_RECIPIENT_PUBLIC_KEY: z
    .string()
    .includes('PUBLIC KEY', { message: 'a PEM public key' })
    .optional()
    .describe(
      'the notifications service’s RSA public key (PEM): authors are sealed with it so that a reply can ' +
        'reach them without feedback or Kafka knowing who wrote an item (ADR 0030); unset, no author notices',
    ),
  FEEDBACK_ANONYMITY_THRESHOLD: z
    .string()
    .regex(/^\d+$/, 'not a whole number')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(
          minimumAnonymityThreshold,
          `below ${minimumAnonymityThreshold}: the threshold can be raised, never lowered`,
        ),
    )
    .default(minimumAnonymityThreshold)
    .describe(
      `fewest participants (trainers not counted) of a course that accepts anonymous feedback; a ` +
        `whole number of at least ${minimumAnonymityThreshold} (the default), see ADR 0016`,
    ),
});
