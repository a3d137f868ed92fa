import { expect, test } from './support/fixtures';
import { AUDIENCES, auditPages } from './support/audit';
import { clippedContent, lostOrOverlappingControls, markVisibleControls } from './support/layout-checks';

/** WCAG 1.4.12's spacing, as its test bookmarklet applies it. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

// RGAA 10.12 (WCAG 1.4.12): a reader's own spacing (lines, letters, words, paragraphs) loses no text.
test.describe('text spacing (RGAA 10.12)', () => {
  test.describe.configure({ timeout: 180_000 });
  // The spacing style sheet is the auditor's, not the portal's: the portal's strict CSP would refuse it.
  test.use({ bypassCSP: true });

  for (const audience of AUDIENCES) {
    test(`${audience.name}: no text is cut off and no control is covered`, async ({ page, request }) => {
      await auditPages(page, request, audience, async (current) => {
        await markVisibleControls(current);
        await current.addStyleTag({ content: TEXT_SPACING });
        // 0.12 em of a 16 px body: proof the style sheet is in force before judging the page.
        expect(await current.evaluate(() => getComputedStyle(document.body).letterSpacing)).toBe('1.92px');
        return [
          ...(await lostOrOverlappingControls(current)),
          ...(await clippedContent(current, { horizontalScrollAllowed: false })),
        ];
      });
    });
  }
});
