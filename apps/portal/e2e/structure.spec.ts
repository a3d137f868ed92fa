import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { AUDIENCES, auditPages, type AuditedPage } from './support/audit';

const FIELD_ROLES = 'textbox|searchbox|combobox|listbox|checkbox|radio|spinbutton|slider|switch';

/**
 * What a screen reader user meets, read from the accessibility tree (Playwright's ARIA snapshot), not
 * from the markup: RGAA 9.1 (headings), 11.1 (labels), 1.x and 5.x (charts and their tables), 8.5–8.7
 * (title, language), 12.6 (landmarks).
 */
async function structureFindings(page: Page, audited: AuditedPage): Promise<string[]> {
  const findings: string[] = [];
  // The landmarks, in order: header, content, footer.
  await expect.soft(page.locator('body'), `${audited.route}: the landmarks`).toMatchAriaSnapshot(`
      - banner
      - main
      - contentinfo
    `);
  const tree = await page.locator('body').ariaSnapshot();

  const levels = [...tree.matchAll(/^\s*- '?heading .*\[level=(\d)\]/gm)].map((match) => Number(match[1]));
  const firstLevels = levels.filter((level) => level === 1).length;
  if (firstLevels !== 1) findings.push(`${firstLevels} headings of level 1 instead of one`);
  levels.forEach((level, index) => {
    const previous = index === 0 ? 0 : levels[index - 1]!;
    if (level > previous + 1) findings.push(`a heading of level ${level} follows one of level ${previous}`);
  });

  const unnamedField = new RegExp(`^\\s*- '?(${FIELD_ROLES})(?=$|:| \\[)`, 'gm');
  for (const match of tree.matchAll(unnamedField)) findings.push(`a ${match[1]} has no label`);

  const charts = await page.evaluate(() =>
    [...document.querySelectorAll('main [role="img"]:has(canvas)')].map((chart) => {
      const section = chart.closest('section');
      const table = section?.querySelector('table');
      return {
        description: chart.getAttribute('aria-label') ?? '',
        table: !!table,
        caption: table?.querySelector('caption')?.textContent ?? '',
        headers: table?.querySelectorAll('th[scope="col"]').length ?? 0,
        rowHeaders: table?.querySelectorAll('th[scope="row"]').length ?? 0,
      };
    }),
  );
  for (const chart of charts) {
    const which = `the chart «${chart.description.slice(0, 50)}»`;
    // A name alone ("Graphique") tells nothing: the description gives the figure's subject and its span.
    if (chart.description.length < 40) findings.push(`${which} has no real description`);
    if (!chart.table || chart.headers < 2 || chart.rowHeaders < 1 || !chart.caption) {
      findings.push(`${which} has no data table with its caption and headers beside it`);
    }
  }

  const title = await page.title();
  const heading = (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim() ?? '';
  if (!title.startsWith(heading) || !title.endsWith(' — Relais')) {
    findings.push(`the title «${title}» does not name the page «${heading}»`);
  }
  if ((await page.locator('html').getAttribute('lang')) !== 'fr')
    findings.push('the page is not declared in French');
  return findings;
}

test.describe('structure a screen reader meets', () => {
  test.describe.configure({ timeout: 180_000 });

  for (const audience of AUDIENCES) {
    test(`${audience.name}: one h1, no skipped level, named fields, charts described with their tables, French titles`, async ({
      page,
      request,
    }) => {
      await auditPages(page, request, audience, structureFindings);
    });
  }

  test('no two pages share a title', async ({ browser, request }) => {
    test.setTimeout(300_000);
    const titles = new Map<string, string>();
    for (const audience of AUDIENCES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await auditPages(page, request, audience, async (current, audited) => {
        const title = await current.title();
        const holder = titles.get(title);
        titles.set(title, audited.route);
        return holder && holder !== audited.route ? [`has the title «${title}» of ${holder}`] : [];
      });
      await context.close();
    }
  });
});
