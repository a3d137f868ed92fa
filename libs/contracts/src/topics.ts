/** Every topic of Relais. deploy/kafka/topics.txt lists the same names (kept in step by a test). */
export const topics = {
  enrollmentEvents: 'enrollment.events.v1',
  enrollmentFacts: 'enrollment.facts.v1',
  progressEvents: 'progress.events.v1',
  feedbackEvents: 'feedback.events.v1',
  feedbackFacts: 'feedback.facts.v1',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

export const deadLetterTopicOf = (topic: string): string => `${topic}.dlq`;

export const allTopics: readonly string[] = Object.values(topics).flatMap((topic) => [
  topic,
  deadLetterTopicOf(topic),
]);
