/**
 * Primary small-cell suppression (DESIGN §7): a count of distinct teachers is published only if it
 * is 0 or at least `minimumCount` (11 in production: the rule of CASD, CMS and French tax
 * statistics). Secondary suppression and the rules on sums belong to the full disclosure control.
 */
export interface SuppressionRule {
  minimumCount: number;
}

export const productionMinimumCount = 11;

export type PublishedValue = { value: number } | { value: null; suppressed: 'primary' | 'secondary' };

export function publishCount(count: number, rule: SuppressionRule): PublishedValue {
  if (count === 0 || count >= rule.minimumCount) return { value: count };
  return { value: null, suppressed: 'primary' };
}

/** A sum is published only when the distinct teachers behind it form a publishable, non-zero count. */
export function publishSum(sum: number, contributors: number, rule: SuppressionRule): PublishedValue {
  if (contributors === 0) return { value: 0 };
  if (contributors >= rule.minimumCount && contributors >= 3) return { value: sum };
  return { value: null, suppressed: 'primary' };
}
