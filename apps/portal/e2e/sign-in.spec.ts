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
});
