import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { AUDIENCES, auditPages } from './support/audit';

interface FocusState {
  /** Where the focus is: outside the page, on a control we listed (its index), or elsewhere. */
  at: 'outside' | 'listed' | 'unlisted';
  index: number;
  name: string;
  indicated: boolean;
}

/** Lists the controls Tab must reach, in DOM order, and marks each with its rank. */
async function markTabbableControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const candidates = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex]',
    );
    const names: string[] = [];
    const radioGroupsSeen = new Set<string>();
    for (const element of candidates) {
      if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility !== 'visible') continue;
      // Tab enters a group of radio buttons once, on the checked one (or the first): arrows move inside.
      if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
        const checked = document.querySelector(
          `input[type="radio"][name="${CSS.escape(element.name)}"]:checked`,
        );
        if (radioGroupsSeen.has(element.name) || (checked && checked !== element)) continue;
        radioGroupsSeen.add(element.name);
      }
      element.dataset['auditTab'] = String(names.length);
      const label =
        element.getAttribute('aria-label') ?? (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      names.push(`<${element.tagName.toLowerCase()}> «${label.slice(0, 40) || element.id}»`);
    }
    return names;
  });
}

/** Where the focus is and whether the eye can see it: an outline on the control, its label or their marks. */
async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate((): FocusState => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || focused === document.body) {
      return { at: 'outside', index: -1, name: '', indicated: false };
    }
    const outlined = (element: Element, pseudo?: string): boolean => {
      const style = getComputedStyle(element, pseudo);
      return (
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0 &&
        !/rgba\(.*,\s*0\)$|transparent/.test(style.outlineColor)
      );
    };
    // DSFR draws the focus of a radio button or a check box on its label's mark, the input being hidden.
    const drawnOn = [focused, ...(focused instanceof HTMLInputElement ? [...(focused.labels ?? [])] : [])];
    const indicated =
      focused.matches(':focus-visible') &&
      drawnOn.some(
        (element) => outlined(element) || outlined(element, '::before') || outlined(element, '::after'),
      );
    const rank = focused.dataset['auditTab'];
    const label =
      focused.getAttribute('aria-label') ?? (focused.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      at: rank === undefined ? 'unlisted' : 'listed',
      index: rank === undefined ? -1 : Number(rank),
      name: `<${focused.tagName.toLowerCase()}> «${label.slice(0, 40) || focused.id}»`,
      indicated,
    };
  });
}

/**
 * RGAA 12.8 and 12.9 (tab order, no trap), 10.7 (focus visible), 12.7 (skip link): presses Tab from the
 * top of a freshly opened page to its end, as a keyboard user would, and says what went wrong.
 */
async function keyboardFindings(page: Page): Promise<string[]> {
  const controls = await markTabbableControls(page);
  const findings: string[] = [];
  const reached: number[] = [];
  let left = false;
  for (let presses = 0; presses < controls.length + 10 && !left; presses += 1) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    if (state.at === 'outside' || (state.at === 'listed' && state.index === reached[0])) {
      left = true;
      continue;
    }
    if (state.at === 'unlisted') {
      findings.push(`Tab reaches ${state.name}, which a sighted user cannot see`);
      continue;
    }
    if (!state.indicated) findings.push(`the focus on ${state.name} is not visible`);
    if (reached.length > 0 && state.index < reached[reached.length - 1]!) {
      findings.push(`Tab goes back up the page to ${state.name}`);
    }
    reached.push(state.index);
  }
  if (!left)
    findings.push(`after ${controls.length + 10} presses of Tab the focus has not left the page (a trap)`);
  const missed = controls.filter((_, index) => !reached.includes(index));
  findings.push(...missed.map((name) => `Tab never reaches ${name}`));
  if (reached[0] !== 0 || !/Contenu/.test(controls[0] ?? '')) {
    findings.push(
      `the first Tab does not land on the skip link «Contenu» but on ${controls[reached[0] ?? -1]}`,
    );
  }

  // The skip link leads past the header: the next Tab lands in the content (or after it, if it has no control).
  await page.getByRole('link', { name: 'Contenu', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const afterSkip = await page.evaluate(() => {
    const focused = document.activeElement;
    const main = document.getElementById('contenu');
    const header = document.querySelector('header');
    if (!focused || !main) return 'nowhere';
    if (main.contains(focused)) return 'content';
    return header?.contains(focused) ? 'header' : 'after the content';
  });
  if (page.url().split('#')[1] !== 'contenu')
    findings.push('the skip link «Contenu» does not lead to #contenu');
  if (afterSkip === 'header' || afterSkip === 'nowhere') {
    findings.push(`after the skip link, Tab lands in the ${afterSkip === 'header' ? 'header' : 'void'}`);
  }
  if (!(await page.locator('#pied-de-page').count()))
    findings.push('the skip link to the footer has no target');
  return findings;
}

test.describe('keyboard only (RGAA 10.7, 12.7, 12.8, 12.9)', () => {
  test.describe.configure({ timeout: 240_000 });

  for (const audience of AUDIENCES) {
    test(`${audience.name}: Tab reaches every control in order, visibly, and leaves the page; the skip link works`, async ({
      page,
      request,
    }) => {
      // A fresh page: the focus starts at the top, where a keyboard user starts.
      await auditPages(page, request, audience, keyboardFindings, { openTables: false });
    });
  }

  test('a control whose focus is invisible is reported (the check can fail)', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');
    const link = page.getByRole('contentinfo').getByRole('link', { name: 'Mentions légales' });
    await link.evaluate((element) => element.style.setProperty('outline', 'none', 'important'));
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusState(page)).toMatchObject({ at: 'unlisted', indicated: false });
  });
});
