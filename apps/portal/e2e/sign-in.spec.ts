import { expect, test } from './support/fixtures';
import { expectNoAccessibilityViolations } from './support/axe';
import { signInAs, signOut } from './support/sign-in';

test.describe('signing in', () => {
  test('a teacher signs in on the login page, sees her own menu, then signs out', async ({ page }) => {
    await signInAs(page, 'teacher.01');
    await expect(page.getByText(/Vous êtes connecté en tant que/)).toBeVisible();
    const menu = page.getByRole('navigation', { name: 'Menu principal' });
    await expect(menu.getByRole('link', { name: 'Catalogue' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Mes formations' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await signOut(page);
    await expect(page.getByRole('navigation', { name: 'Menu principal' })).toHaveCount(0);
  });

  test('a new page moves the focus to its content, and the menu folds on a phone', async ({ page }) => {
    await signInAs(page, 'teacher.17');
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Mes retours' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes retours' })).toBeVisible();
    await expect(page.locator('#contenu')).toBeFocused();

    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('link', { name: 'Catalogue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue des parcours' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});
