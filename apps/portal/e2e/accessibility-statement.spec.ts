import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';

const axeVersion = (
  JSON.parse(
    readFileSync(new URL('../../../node_modules/axe-core/package.json', import.meta.url), 'utf8'),
  ) as { version: string }
).version;

test.describe('the accessibility statement', () => {
  test('names the browser and the axe version the audit really ran with, so it cannot drift from them', async ({
    page,
    browser,
  }) => {
    await page.goto('/accessibilite');
    const environment = page.getByRole('heading', { level: 2, name: 'Environnement de test' });
    await expect(environment).toBeVisible();
    const main = page.getByRole('main');
    // The major version: a Debian security update of the same release does not change what was audited.
    await expect(main).toContainText(`Chromium ${browser.version().split('.')[0]} `);
    await expect(main).toContainText(`axe-core ${axeVersion}`);
  });

  test('says what was not checked, the date, the contact and the recourse an RGAA statement requires', async ({
    page,
  }) => {
    await page.goto('/accessibilite');
    const main = page.getByRole('main');
    await expect(main).toContainText('Relais est non conforme');
    await expect(page.getByRole('heading', { level: 3, name: 'Vérifications non réalisées' })).toBeVisible();
    await expect(main).toContainText(/lecteurs d’écran \(NVDA, JAWS, VoiceOver\)/);
    await expect(main).toContainText('le taux de conformité au sens du RGAA n’a donc pas été calculé');
    await expect(
      page.getByRole('heading', { level: 2, name: 'Retour d’information et contact' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Voies de recours' })).toBeVisible();
    await expect(main).toContainText('Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07');
    await expect(main).toContainText('Déclaration établie le 7 décembre 2026');
  });
});
