import { z } from 'zod';
import { deliveries, noticeKinds } from '../../domain/notice';

const delivery = z.enum(deliveries, `one of ${deliveries.join(', ')}`);

export const noticeIdParams = z.strictObject({
  id: z.string('a notification id').regex(/^[A-Za-z0-9_-]{22}$/, 'a notification id, as listed'),
});

export const unsubscribeParams = z.strictObject({
  token: z
    .string('the token of the link')
    .max(600, 'the token of an unsubscribe link is shorter: copy the link from the mail')
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'the token of an unsubscribe link, as in the mail'),
});

export const noticesQuery = z.strictObject({
  // The whole range in the pattern, so that the OpenAPI document states it too.
  limit: z
    .string()
    .regex(/^(100|[1-9][0-9]?)$/, 'a whole number from 1 to 100')
    .transform(Number)
    .optional(),
});

export const preferencesBody = z.strictObject(
  Object.fromEntries(noticeKinds.map((kind) => [kind, delivery])) as Record<
    (typeof noticeKinds)[number],
    typeof delivery
  >,
);

export const noticeView = z.object({
  id: z.string(),
  kind: z.enum(noticeKinds),
  /** The French sentence the portal shows: what happened, nothing of what was said. */
  text: z.string(),
  /** The portal path to open. */
  link: z.string(),
  courseId: z.string(),
  createdOn: z.string().describe('day (YYYY-MM-DD, Europe/Paris)'),
  read: z.boolean(),
});

export const noticesView = z.object({
  unread: z.number().int().min(0),
  notifications: z.array(noticeView),
});

export const preferencesView = z.object({
  preferences: preferencesBody,
  kinds: z.array(z.object({ kind: z.enum(noticeKinds), label: z.string() })),
});
