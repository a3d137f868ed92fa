import { expect, test } from './support/fixtures';
import { expectNoAccessibilityViolations } from './support/axe';
import { saveScreenshot } from './support/screenshots';

test.describe('public pages', () => {
  test('the home page presents Relais in French inside the State header and footer', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Bienvenue sur Relais — Relais');
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue sur Relais' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Relais');
    await expect(page.getByRole('banner')).toContainText("Ministèrede l'Éducationnationale");
    await expect(page.getByRole('button', { name: 'Se connecter' }).first()).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'accueil');
  });

  test('a skip link leads to the content', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // DSFR's script marks the page once it has started; before, it may still move things around.
    await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Contenu' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#contenu$/);
  });

  test('dark mode is one choice in the display settings and survives a reload', async ({ page }) => {
    await page.goto('/');
    // The settings dialog is DSFR's script's: a click before it has started opens nothing.
    await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');
    await page.getByRole('button', { name: "Paramètres d'affichage" }).first().click();
    await page.getByText('Thème sombre').click();
    await expect(page.locator('html')).toHaveAttribute('data-fr-theme', 'dark');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-fr-theme', 'dark');
    await expectNoAccessibilityViolations(page);
  });

  test('a deep link to an unknown page answers the French "not found" page, and back returns', async ({
    page,
  }) => {
    await page.goto('/accessibilite');
    await expect(page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.goto('/une/page/qui/n-existe-pas');
    await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.goBack();
    await expect(page).toHaveURL(/\/accessibilite$/);
    await expect(page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  });
});
