import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectNoAccessibilityViolations } from './support/axe';
import { signInAs } from './support/sign-in';

interface StoredUser {
  access_token: string;
  refresh_token?: string;
  expires_at: number;
}

/** Rewrites the session oidc-client-ts keeps in the tab, as time passing (or a revoked token) would. */
async function alterStoredSession(page: Page, change: Partial<StoredUser>): Promise<StoredUser> {
  return page.evaluate((patch) => {
    const key = Object.keys(sessionStorage).find((candidate) => candidate.startsWith('oidc.user:'));
    if (!key) throw new Error('no stored session');
    const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as StoredUser;
    sessionStorage.setItem(key, JSON.stringify({ ...stored, ...patch }));
    return stored;
  }, change);
}

async function storedAccessToken(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((candidate) => candidate.startsWith('oidc.user:'));
    return key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as StoredUser).access_token : undefined;
  });
}

test.describe('the session', () => {
  test('is renewed silently when the access token has expired', async ({ page }) => {
    await signInAs(page, 'teacher.14', '/mes-parcours');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes parcours' })).toBeVisible();
    const before = await alterStoredSession(page, { expires_at: Math.floor(Date.now() / 1000) - 10 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes parcours' })).toBeVisible();
    await expect.poll(() => storedAccessToken(page)).not.toBe(before.access_token);
  });

  test('survives a refused refresh token while the provider still holds the session', async ({ page }) => {
    await signInAs(page, 'teacher.18', '/mes-parcours');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes parcours' })).toBeVisible();
    const before = await alterStoredSession(page, {
      expires_at: Math.floor(Date.now() / 1000) - 10,
      refresh_token: 'déjà-utilisé',
    });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes parcours' })).toBeVisible();
    await expect.poll(() => storedAccessToken(page)).not.toBe(before.access_token);
  });

  test('that has ended says so in French and offers to sign in again', async ({ page, context }) => {
    await signInAs(page, 'teacher.15', '/mes-parcours');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes parcours' })).toBeVisible();
    await alterStoredSession(page, {
      expires_at: Math.floor(Date.now() / 1000) - 10,
      refresh_token: 'révoqué',
    });
    // The provider's own session is gone too (idle timeout, signed out elsewhere).
    await context.clearCookies();
    await page.reload();
    await expect(page.getByText('Votre session a expiré.')).toBeVisible();
    await expect(page.getByRole('main').getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/realms\/relais\//);
  });
});
