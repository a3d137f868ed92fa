import { expect, type Page } from '@playwright/test';

/**
 * Signs in through the real login page (the embedded provider here, Keycloak elsewhere: same field ids),
 * starting from wherever the page is; the portal brings the browser back where it was.
 */
export async function signInAs(page: Page, username: string, startAt = '/'): Promise<void> {
  await page.goto(startAt);
  if (startAt === '/') {
    await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
  }
  await expect(page).toHaveURL(/\/realms\/relais\//);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(username);
  await page.locator('#kc-login').click();
  await expect(page).not.toHaveURL(/\/realms\/|\/connexion\//);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).first().click();
  const portalHome = page.getByRole('main').getByRole('button', { name: 'Se connecter' });
  const providerConfirmation = page.getByRole('heading', { level: 1, name: 'Déconnexion' });
  await expect(portalHome.or(providerConfirmation)).toBeVisible();
  // The provider may ask to confirm (Keycloak does without a valid id_token_hint): one more click.
  if (await providerConfirmation.isVisible()) {
    await page.getByRole('main').getByRole('button', { name: 'Se déconnecter' }).click();
  }
  await expect(page.getByRole('main').getByRole('button', { name: 'Se connecter' })).toBeVisible();
}
