/**
 * Anonymous feedback needs at least this many participants in the course, trainers not counted
 * (API.md, feedback). The feedback service enforces it and answers ANONYMITY_THRESHOLD below it; the
 * portal only explains it before the person writes.
 */
export const ANONYMITY_THRESHOLD = 5;

export const FEEDBACK_CATEGORIES = [
  'technical-access',
  'tool-usability',
  'workload-time',
  'content-relevance',
  'support-guidance',
  'other',
] as const;

export const INTENSITIES = [1, 2, 3, 4, 5] as const;

export const MESSAGE_MAX_LENGTH = 2000;
