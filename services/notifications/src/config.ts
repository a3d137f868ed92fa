import { z } from 'zod';
import { booleanFlag, portNumber } from '@relais/platform';

/** The notifications service's own variables, read once at start-up by `loadConfig`. */
export const notificationsConfigSchema = z.object({
  NOTIFICATIONS_RECIPIENT_PRIVATE_KEY: z
    .string()
    .min(1)
    // Parsed when the service is assembled, which refuses anything but an RSA private key.
    .describe(
      'RSA private key (PEM) whose public half the feedback service seals item authors with ' +
        '(NOTIFICATIONS_RECIPIENT_PUBLIC_KEY there); ADR 0030',
    ),
  NOTIFICATIONS_UNSUBSCRIBE_KEY: z
    .string()
    .min(32, 'at least 32 characters')
    .describe('secret that signs the unsubscribe links of the mails; changing it voids the links sent'),
  PUBLIC_URL: z
    .string()
    .min(1)
    .describe('where people reach the portal and its API, for the links in mails (https://host)'),
  SMTP_HOST: z.string().min(1).describe('the SMTP relay (Mailpit in tests)'),
  SMTP_PORT: portNumber('the SMTP relay’s port').default(587),
  SMTP_SECURE: booleanFlag('TLS from the first byte (port 465); otherwise STARTTLS when offered').default(
    false,
  ),
  SMTP_USER: z.string().min(1).optional().describe('relay user, from a Secret'),
  SMTP_PASSWORD: z.string().min(1).optional().describe('relay password, from a Secret'),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('Relais <ne-pas-repondre@relais.invalid>')
    .describe('the sender of the mails'),
  NOTIFICATIONS_DIGEST_HOUR: z
    .string()
    .regex(/^\d{1,2}$/, 'an hour 0–23')
    .transform(Number)
    .pipe(z.number().int().min(0).max(23, 'an hour 0–23'))
    .default(7)
    .describe('hour (Europe/Paris) from which the previous days’ digest is sent'),
});
