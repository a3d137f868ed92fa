import { z } from 'zod';

/** The categories a teacher chooses from when voicing a difficulty (docs/api.md, Feedback). */
export const feedbackCategory = z.enum([
  'technical-access',
  'tool-usability',
  'workload-time',
  'content-relevance',
  'support-guidance',
  'other',
]);

/**
 * Intensity 1–5 leaves a service only as a band (1–2 low, 3 medium, 4–5 high): fewer, larger cells
 * for the CHSCT tables, and nothing finer than they need.
 */
export const intensityBand = z.enum(['low', 'medium', 'high']);

/**
 * The groupings of a month in which stats count distinct respondents. Each names the dimensions of
 * the fact that define the cell; `total` is the month alone. Distinct counts do not add up, so every
 * total stats may publish (rows, columns, the month, for secondary suppression) has its own flag.
 */
export const respondentCell = z.enum([
  'total',
  'academy',
  'category',
  'intensityBand',
  'academy+category',
  'academy+intensityBand',
  'category+intensityBand',
  'academy+category+intensityBand',
]);
