import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const screenshotsDir = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

/** The README shows what the tests saw: docs/screenshots/<name>.png, rewritten by every run. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotsDir}${name}.png`, fullPage: true, animations: 'disabled' });
}
