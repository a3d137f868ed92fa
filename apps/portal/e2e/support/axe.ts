import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** RGAA relies on WCAG 2.1 A and AA: what axe finds against those rules, one line per rule broken. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** Every page must have zero violations of those rules. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}
