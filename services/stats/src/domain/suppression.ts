/**
 * Primary disclosure rules (docs/design.md §7). A count of distinct teachers is published only if it is 0 or
 * at least `minimumCount` (11 in production: the rule of CASD, CMS and French tax statistics). A sum
 * (credited hours) also needs at least 3 contributors and no contributor above 85 % of it. Secondary
 * suppression is decided over whole families of tables: see `disclosure/`.
 */
export interface SuppressionRule {
  minimumCount: number;
}

export const productionMinimumCount = 11;
export const minimumContributors = 3;
export const dominantShare = 0.85;

export type PublishedValue = { value: number } | { value: null; suppressed: 'primary' | 'secondary' };

export function isSmallCount(count: number, rule: SuppressionRule): boolean {
  return count !== 0 && count < rule.minimumCount;
}

/**
 * `amounts` maps each contribution's amount to how many contributions had it (facts name no one, so
 * a contribution is what one fact brought: one completion credited or revoked, see ADR 0011). A sum
 * is published with at least 3 contributions, as many as a publishable count (the amounts of a course
 * are public, so a sum of few of them would tell how many there were), and none above 85 % of it.
 */
export function failsSumRules(amounts: ReadonlyMap<number, number>, rule: SuppressionRule): boolean {
  let contributors = 0;
  let total = 0;
  let largest = 0;
  for (const [amount, times] of amounts) {
    if (times <= 0) continue;
    contributors += times;
    total += Math.abs(amount) * times;
    largest = Math.max(largest, Math.abs(amount));
  }
  if (contributors === 0) return false;
  return (
    contributors < minimumContributors || contributors < rule.minimumCount || largest > dominantShare * total
  );
}

export function published(value: number, suppressed: 'primary' | 'secondary' | undefined): PublishedValue {
  return suppressed ? { value: null, suppressed } : { value };
}
