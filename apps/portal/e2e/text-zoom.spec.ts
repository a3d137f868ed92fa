import { expect, test } from './support/fixtures';
import { AUDIENCES, auditPages } from './support/audit';
import { clippedContent, lostOrOverlappingControls, markVisibleControls } from './support/layout-checks';

// RGAA 10.4 (WCAG 1.4.4): text enlarged to 200 % — the root font size doubled, as the browser's text-only
// zoom does, since DSFR sizes its text in rem — and every control is still there, in the window, and
// uncovered; no text is cut off. Harder than the browser's zoom: the 1280 px window keeps DSFR's desktop
// layout (its breakpoints do not follow the root font size), where a zoomed browser would switch to the
// mobile one that the reflow spec checks.
test.describe('text enlarged to 200 % (RGAA 10.4)', () => {
  test.describe.configure({ timeout: 180_000 });
  // The enlarging style sheet is the auditor's, not the portal's: the portal's strict CSP would refuse it.
  test.use({ bypassCSP: true });

  for (const audience of AUDIENCES) {
    test(`${audience.name}: every control stays visible and uncovered, no text is cut off`, async ({
      page,
      request,
    }) => {
      await auditPages(page, request, audience, async (current) => {
        await markVisibleControls(current);
        await current.addStyleTag({ content: 'html { font-size: 200% !important; }' });
        // The browser's default 16 px, doubled: proof the style sheet is in force before judging the page.
        expect(await current.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
          '32px',
        );
        return [
          ...(await lostOrOverlappingControls(current)),
          ...(await clippedContent(current, { horizontalScrollAllowed: false })),
        ];
      });
    });
  }
});
