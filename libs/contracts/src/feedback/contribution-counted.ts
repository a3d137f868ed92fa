import { z } from 'zod';
import { defineEvent } from '../contract';
import { academy, month } from '../primitives';
import { feedbackCategory, intensityBand, respondentCell } from './feedback-dimensions';

export const contributionCounted = defineEvent({
  type: 'feedback.contribution.counted.v1',
  topic: 'feedback.facts.v1',
  classification: 'anonymous',
  description:
    'A teacher posted a feedback item to a trainer (named or anonymous alike). Carries only the ' +
    'calendar month (Europe/Paris), the academy of the course, the category and the intensity band: ' +
    'no course, no person, no school, no text. Stats counts distinct respondents without knowing them ' +
    'from `firstContributionIn`: the cells (month × the listed dimensions, valued as in this fact) in ' +
    'which this is the teacher’s first item this month, decided by the feedback service with keyed ' +
    'one-way tokens. Summing the flags of a cell gives its respondents; summing facts gives items. ' +
    'A withdrawn item is not uncounted: the count is of people who spoke, not of items kept.',
  schema: z.object({
    month,
    academy,
    category: feedbackCategory,
    intensityBand,
    firstContributionIn: z.array(respondentCell).max(8),
  }),
  keyOf: (data) => `${data.academy}:${data.month}`,
  example: {
    month: '2026-11',
    academy: 'lyon',
    category: 'workload-time',
    intensityBand: 'high',
    firstContributionIn: ['academy+category+intensityBand', 'category+intensityBand', 'intensityBand'],
  },
});
