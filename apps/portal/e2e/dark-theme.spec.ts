import { test } from './support/fixtures';
import { AUDIENCES, auditPages } from './support/audit';
import { accessibilityViolations } from './support/axe';

// RGAA 3.2 and 3.3 (contrasts) hold in both themes: DSFR's dark theme is offered in the display
// settings and follows the system's choice, so every page is checked by axe in it too.
test.describe('dark theme (RGAA 3.2, 3.3)', () => {
  test.describe.configure({ timeout: 180_000 });
  test.use({ colorScheme: 'dark' });

  for (const audience of AUDIENCES) {
    test(`${audience.name}: axe finds nothing in the dark theme, charts and tables included`, async ({
      page,
      request,
    }) => {
      await auditPages(page, request, audience, async (current) => {
        const theme = await current.locator('html').getAttribute('data-fr-theme');
        if (theme !== 'dark') return [`the page is in the ${theme ?? 'default'} theme, not the dark one`];
        return accessibilityViolations(current);
      });
    });
  }
});
