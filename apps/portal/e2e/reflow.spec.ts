import { expect, test } from './support/fixtures';
import { AUDIENCES, auditPages, openForAudit } from './support/audit';
import { clippedContent } from './support/layout-checks';

// RGAA 10.11 (WCAG 1.4.10): at 320 CSS pixels wide — a 1280 px window zoomed to 400 % — the page reads
// without scrolling sideways; only a data table may scroll, inside its own DSFR container.
test.describe('reflow at 320 CSS pixels (RGAA 10.11)', () => {
  test.describe.configure({ timeout: 180_000 });
  test.use({ viewport: { width: 320, height: 640 } });

  for (const audience of AUDIENCES) {
    test(`${audience.name}: no page scrolls sideways and nothing is cut off`, async ({ page, request }) => {
      await auditPages(page, request, audience, (current) =>
        clippedContent(current, { horizontalScrollAllowed: false }),
      );
    });
  }

  test('a paragraph wider than the window, or a box that cuts its text, is reported (the check can fail)', async ({
    page,
  }) => {
    await openForAudit(page, '/mentions-legales');
    const paragraphs = page.getByRole('main').locator('p');
    await paragraphs.nth(0).evaluate((element) => element.style.setProperty('width', '600px'));
    await paragraphs.nth(1).evaluate((element) => {
      element.style.setProperty('height', '1em');
      element.style.setProperty('overflow', 'hidden');
    });
    const findings = await clippedContent(page, { horizontalScrollAllowed: false });
    expect(findings).toEqual([
      expect.stringMatching(/^the page scrolls sideways/),
      expect.stringMatching(/^<p> .* sticks out of the window/),
      expect.stringMatching(/^<p> .* cuts off the text/),
    ]);
  });
});
