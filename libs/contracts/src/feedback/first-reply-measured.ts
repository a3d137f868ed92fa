import { z } from 'zod';
import { defineEvent } from '../contract';
import { academy, month } from '../primitives';
import { feedbackCategory, intensityBand } from './feedback-dimensions';

export const firstReplyMeasured = defineEvent({
  type: 'feedback.first-reply.measured.v1',
  topic: 'feedback.facts.v1',
  classification: 'anonymous',
  description:
    'A trainer answered a feedback item for the first time. `daysToFirstReply` counts whole calendar ' +
    'days (Europe/Paris) from the day the item was posted to the day of that reply: 0 for the same day, ' +
    'nothing finer. `month` is the month the item was posted, so stats can give the median delay per ' +
    'month of posting, by category or academy. One fact per item at most; no course, no person, no text.',
  schema: z.object({
    month,
    academy,
    category: feedbackCategory,
    intensityBand,
    daysToFirstReply: z.number().int().min(0).max(3_660),
  }),
  keyOf: (data) => `${data.academy}:${data.month}`,
  example: {
    month: '2026-11',
    academy: 'lyon',
    category: 'workload-time',
    intensityBand: 'high',
    daysToFirstReply: 2,
  },
});
