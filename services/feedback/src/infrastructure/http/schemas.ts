import { z } from 'zod';
import {
  feedbackCategories,
  feedbackStatuses,
  maxFeedbackMessageLength,
  maxIntensity,
  minIntensity,
} from '../../domain/feedback-item';
import { maxMessageLength } from '../../domain/message';

export const courseIdParams = z.strictObject({ id: z.uuid('a course id is a UUID') });
export const feedbackIdParams = z.strictObject({ fid: z.uuid('a feedback id is a UUID') });

const text = (max: number, what: string) =>
  z
    .string(`${what} is text`)
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is at most ${max.toLocaleString('en')} characters`);

export const newFeedbackBody = z.strictObject({
  category: z.enum(feedbackCategories, `category is one of ${feedbackCategories.join(', ')}`),
  intensity: z
    .number('intensity is a whole number from 1 to 5')
    .int('intensity is a whole number from 1 to 5')
    .min(minIntensity, 'intensity is at least 1')
    .max(maxIntensity, 'intensity is at most 5'),
  message: text(maxFeedbackMessageLength, 'message'),
  visibility: z.enum(['named', 'anonymous'], 'visibility is named or anonymous'),
});

export const replyBody = z.strictObject({ message: text(maxFeedbackMessageLength, 'message') });

export const statusBody = z.strictObject({
  status: z.enum(feedbackStatuses, `status is one of ${feedbackStatuses.join(', ')}`),
});

export const newMessageBody = z.strictObject({
  toUserId: z.string().min(1).max(64),
  message: text(maxMessageLength, 'message'),
});

const replyView = z.object({
  id: z.uuid(),
  by: z.enum(['trainer', 'author']),
  name: z.string().optional().describe('a trainer’s name; the author’s only on a named item'),
  message: z.string(),
  postedOn: z.iso.date(),
});

/**
 * An item as a trainer or its author sees it. No author id, school or token, ever; `author` only on a
 * named item in a trainer's view. Dates are days.
 */
export const itemView = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  category: z.enum(feedbackCategories),
  intensity: z.number().int(),
  message: z.string(),
  visibility: z.enum(['named', 'anonymous']),
  author: z.object({ name: z.string() }).optional(),
  status: z.enum(feedbackStatuses),
  postedOn: z.iso.date(),
  daysToFirstReply: z
    .number()
    .int()
    .nullable()
    .describe('whole days from posting to a trainer’s first reply'),
  replies: z.array(replyView),
});

export const postedItemView = itemView.extend({
  notice: z
    .string()
    .optional()
    .describe('present when an anonymous item is posted in a course of fewer than 5 participants'),
});

export const courseFeedbackView = z.object({
  courseId: z.uuid(),
  openItems: z.number().int().describe('items still open, waiting for a trainer'),
  counts: z.object({ open: z.number().int(), acknowledged: z.number().int(), addressed: z.number().int() }),
  items: z.array(itemView),
});

export const ownItemView = itemView.extend({ courseTitle: z.string() });

export const messageView = z.object({
  id: z.string(),
  courseId: z.string(),
  from: z.object({ userId: z.string(), name: z.string() }),
  to: z.object({ userId: z.string(), name: z.string() }),
  message: z.string(),
  sentOn: z.string(),
});
