import { allContracts } from './registry';

/**
 * The topics subscribers name. Each is the topic of a contract (a test checks it): a topic exists
 * because a contract declares it, never because it is listed here.
 */
export const topics = {
  enrollmentEvents: 'enrollment.events.v1',
  enrollmentFacts: 'enrollment.facts.v1',
  feedbackEvents: 'feedback.events.v1',
  feedbackFacts: 'feedback.facts.v1',
  identityEvents: 'identity.events.v1',
} as const;

/** Where a consumer puts a message it cannot handle (libs/bus): `<topic>.dlq`. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** The topics the contracts publish to, in the order of the contracts. */
const contractTopics: readonly string[] = [...new Set(allContracts.map((contract) => contract.topic))];

/** Every topic Kafka must hold (deploy/kafka/topics.txt, kept in step by a test): each with its dead letters. */
export const allTopics: readonly string[] = contractTopics.flatMap((topic) => [
  topic,
  deadLetterTopicOf(topic),
]);
