import { z } from 'zod';
import {
  feedbackCategories,
  feedbackStatuses,
  maxFeedbackMessageLength,
  maxIntensity,
  minIntensity,
} from '../../domain/feedback-item';
import { maxMessageLength } from '../../domain/message';

/**
 * The ids this service hands out (crypto.randomUUID), as a pattern the OpenAPI document carries: a
 * "format: uuid" alone lets a client send a version-0 UUID that the server refuses. No regex flags:
 * the pattern is copied into the document as its source.
 */
const uuidPattern =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const uuid = (what: string) => z.string(`${what} is a UUID`).regex(uuidPattern, `${what} is a UUID`);

export const courseIdParams = z.strictObject({ id: uuid('a course id') });
export const feedbackIdParams = z.strictObject({ fid: uuid('a feedback id') });

/**
 * Control characters (C0 but tab, line feed and carriage return; DEL; C1), refused anywhere in a text; and
 * the blanks that cannot be its only content. Written as explicit code points, not \s or \S, which
 * mean different sets in JavaScript and in the tools that read the OpenAPI document (Python's re).
 */
const control = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f`;
const blank = String.raw`\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
/**
 * Leading blanks, a first readable character, then anything but controls: allowed characters only,
 * at least one of them not blank, and linear to match (no backtracking over the whole text).
 */
const readableText = new RegExp(`^[${blank}]*[^${control}${blank}][^${control}]*$`);

/**
 * Lengths count characters (code points), as JSON Schema's maxLength does, not UTF-16 units as
 * `string.length` does: an emoji is one character, and a text the document allows is never refused.
 */
const characterCount = (value: string) => [...value].length;

const text = (max: number, what: string) =>
  z
    .string(`${what} is text`)
    .min(1, `${what} must not be empty`)
    .refine((value) => characterCount(value) <= max, {
      message: `${what} is at most ${max.toLocaleString('en')} characters`,
    })
    .regex(
      readableText,
      `${what} must contain something other than spaces, and no control characters except tabs and line breaks`,
    )
    .meta({ maxLength: max });

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
  toUserId: z
    .string('toUserId is the id of a trainer or participant of the course')
    .min(1, 'toUserId must not be empty')
    .max(64, 'toUserId is at most 64 characters')
    .describe('a trainer or participant of the course other than you; anyone else → 422'),
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
  author: z
    .object({
      name: z.string(),
      formerParticipant: z
        .boolean()
        .describe('true once the author has left the course; his item stays as he wrote it'),
    })
    .optional()
    .describe('only on a named item, only in a trainer’s view'),
  status: z.enum(feedbackStatuses),
  postedOn: z.iso.date(),
  daysToFirstReply: z
    .number()
    .int()
    .nullable()
    .describe('whole days from posting to a trainer’s first reply'),
  replies: z.array(replyView),
});

export const courseFeedbackView = z.object({
  courseId: z.uuid(),
  openItems: z.number().int().describe('items still open, waiting for a trainer'),
  counts: z.object({ open: z.number().int(), acknowledged: z.number().int(), addressed: z.number().int() }),
  items: z.array(itemView),
});

export const feedbackPolicyView = z.object({
  anonymityThreshold: z
    .number()
    .int()
    .describe('fewest participants (trainers not counted) of a course that accepts anonymous feedback'),
  messageMaxLength: z.number().int().describe('longest message of an item or a reply, in characters'),
  categories: z.array(z.enum(feedbackCategories)),
  intensity: z.object({ min: z.number().int(), max: z.number().int() }),
});

export const feedbackOptionsView = z.object({
  anonymityThreshold: z.number().int(),
  anonymousAvailable: z
    .boolean()
    .describe('whether an anonymous item would be accepted in this course now; a named one always is'),
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
