import type { PersonalDataKind } from './personal-data-declaration';
import type { RetentionRule } from './retention';

/**
 * The one rule under which records of these kinds are deleted or anonymised together, read from the
 * declaration "Mes données" shows, so that a retention job and the page cannot disagree. Records go
 * whole, so their fields must share one rule (`except`: fields with a shorter rule of their own,
 * removed with the record at the latest); kinds whose fields disagree are refused rather than purged
 * by a guess.
 */
export function retentionRuleOf(
  kinds: PersonalDataKind | readonly PersonalDataKind[],
  { except = [] }: { except?: readonly string[] } = {},
): RetentionRule {
  const all: readonly PersonalDataKind[] = 'kind' in kinds ? [kinds] : kinds;
  const rules = new Set(
    all.flatMap((kind) =>
      Object.entries(kind.fields)
        .filter(([field]) => !except.includes(field))
        .map(([, use]) => use.retention),
    ),
  );
  const [rule, ...others] = rules;
  if (rule === undefined || others.length > 0) {
    throw new Error(
      `the ${all.map((kind) => kind.kind).join(', ')} records are deleted whole, so their fields need one ` +
        `retention rule; they declare ${rule === undefined ? 'none' : [rule, ...others].join(', ')}; give them one rule`,
    );
  }
  return rule;
}
