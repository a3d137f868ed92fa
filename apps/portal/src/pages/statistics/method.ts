import type { Catalogue } from './model';

export interface SumRule {
  contributors: string;
  dominance: string;
}

/**
 * The catalogue states the rule on sums as a sentence (e.g. "at least 3 contributions … none above
 * 85 % of the sum"); the method page reads its figures there, so it cannot drift from the service.
 * When the sentence changes shape, the page shows the service's own sentence instead of a guess.
 */
export function sumRuleOf(rules: Catalogue['rules']): SumRule | undefined {
  const contributors = /at least (\d+) contributions?/i.exec(rules.sums)?.[1];
  const dominance = /above (\d+(?:[.,]\d+)?)\s*%/i.exec(rules.sums)?.[1];
  if (!contributors || !dominance) return undefined;
  return { contributors, dominance: dominance.replace('.', ',') };
}
