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
