import { expect, test as base } from '@playwright/test';

/**
 * Every spec's page fails its test if the portal breaks its own Content-Security-Policy (an inline
 * script or style, a foreign origin): the header is strict, so the browser must never have to refuse.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      const onPortal = !new URL(page.url()).pathname.startsWith('/realms/');
      if (onPortal && message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
    await use(page);
    expect(violations).toEqual([]);
  },
});

export { expect };
