import { topics } from '@relais/contracts';

/** The topics stats counts from; tables are kept per topic. Tests and benchmarks give fresh ones. */
export interface FactsTopics {
  enrollmentFacts: string;
  feedbackFacts: string;
}

export const liveFactsTopics: FactsTopics = {
  enrollmentFacts: topics.enrollmentFacts,
  feedbackFacts: topics.feedbackFacts,
};
