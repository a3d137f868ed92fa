import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { tabTo } from './support/keyboard';
import { saveScreenshot } from './support/screenshots';
import { signInAs } from './support/sign-in';

// The statistics pages read the synthetic 24-month history standalone seeds at start (issue 17, point 6):
// closed, published periods cannot be made by a test in the seconds it runs.

async function downloadedText(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test.describe('the inspector', () => {
  test('inspector.d1 sees the courses of his district, filters, sorts and downloads them', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, {
      prefix: 'Inspection',
      colleagues: ['teacher.01', 'teacher.06'],
    });
    await signInAs(page, 'inspector.d1', '/circonscription');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Parcours de ma circonscription' }),
    ).toBeVisible();
    await expect(page.getByText('Circonscription : lyon-d1')).toBeVisible();
    const table = page.getByRole('table', { name: /Enseignants des parcours de la circonscription/ });
    await expect(table.getByRole('rowheader', { name: course.title })).toHaveCount(2);

    await page.getByLabel('Parcours').selectOption({ label: course.title });
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.getByLabel('École').selectOption('0690002B');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('En cours');
    await page.getByLabel('École').selectOption('');

    // L10: the table has these columns and nothing of progress, feedback or activity.
    await expect(table.getByRole('columnheader')).toHaveText([
      /^Parcours/,
      'Formateurs',
      /^Enseignant/,
      /^École/,
      /^Statut/,
      /^Heures créditées/,
    ]);
    await expect(table).not.toContainText(/progression|retour|activit|%/i);

    const teacherHeader = table.getByRole('columnheader', { name: /Enseignant/ });
    await teacherHeader.getByRole('button').click();
    await expect(teacherHeader).toHaveAttribute('aria-sort', 'ascending');
    await teacherHeader.getByRole('button').click();
    await expect(teacherHeader).toHaveAttribute('aria-sort', 'descending');

    const csv = await downloadedText(page, () =>
      page.getByRole('button', { name: 'Télécharger le tableau (CSV)' }).click(),
    );
    expect(csv.name).toBe('relais-circonscription-lyon-d1.csv');
    expect(csv.text).toContain('Parcours,Formateurs,Enseignant,École,Statut,Heures créditées');
    expect(csv.text.split('\r\n').filter((line) => line.includes(course.title))).toHaveLength(2);

    await expectNoAccessibilityViolations(page);
    await page.getByLabel('Parcours').selectOption('');
    await saveScreenshot(page, 'inspecteur-circonscription');
  });
});

test.describe('the CHSCT', () => {
  test('chsct.national sees 24 months of trends, charts with their tables and CSV, suppressed cells named', async ({
    page,
  }) => {
    await signInAs(page, 'chsct.national', '/chsct/tendances');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Tendances des retours des enseignants' }),
    ).toBeVisible();
    await expect(page.getByText('Périmètre : toutes les académies.')).toBeVisible();
    const chart = page.getByRole('img', { name: /Graphique « Enseignants ayant signalé une difficulté/ });
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(page.getByText(/Publié le \d+ \S+ \d{4}/)).toBeVisible();

    const section = page.getByRole('region', { name: 'Enseignants ayant signalé une difficulté, par mois' });
    await section.getByRole('button', { name: 'Voir le tableau' }).click();
    const table = section.getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(25);
    // A withheld cell says so in words, with its reason; never 0, never blank.
    const secret = table.getByRole('cell').filter({ hasText: 'secret statistique' });
    await expect(secret.first()).toBeVisible();
    await expect(secret.first()).toContainText(/moins de 11 enseignants|secondaire/);
    await expect(table.getByRole('cell').filter({ hasText: /^$/ })).toHaveCount(0);

    const csv = await downloadedText(page, () =>
      page.getByRole('button', { name: 'Télécharger les données (CSV)' }).click(),
    );
    expect(csv.text.split('\n')[0]).toMatch(/month.*suppressed/);
    expect(csv.text).toMatch(/,(primary|secondary)\s*$/m);

    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'chsct-tendances');
  });

  test('marks when the first chart of the 24-month trends is drawn, and prints the figure', async ({
    page,
  }) => {
    await signInAs(page, 'chsct.national', '/chsct/tendances');
    await expect(page.getByRole('img', { name: /Graphique « Enseignants/ })).toBeVisible();
    // A fresh load, the session already open: navigation start to the first chart on screen.
    await page.goto('/chsct/tendances');
    await expect(page.getByRole('img', { name: /Graphique « Enseignants/ })).toBeVisible();
    const firstChartMs = await page.evaluate(
      () => performance.getEntriesByName('relais:first-chart')[0]?.startTime ?? Number.POSITIVE_INFINITY,
    );
    test.info().annotations.push({ type: 'first chart (ms)', description: firstChartMs.toFixed(0) });
    // The figure, for the report: `npm run portal:e2e -- audiences.spec.ts` prints it.
    process.stdout.write(`CHSCT 24-month page: first chart after ${firstChartMs.toFixed(0)} ms\n`);
    // A figure, not a timed assertion (the 1 s target is checked by benchmarks, docs/design.md §8): the mark exists.
    expect(Number.isFinite(firstChartMs)).toBe(true);
  });

  test('chsct.lyon sees his academy only', async ({ page }) => {
    await signInAs(page, 'chsct.lyon', '/chsct/tendances');
    await expect(page.getByText('Périmètre : académie de Lyon uniquement.')).toBeVisible();
    await page.getByLabel('Découpage').selectOption('academy');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page).toHaveURL(/par=academy/);
    const section = page.getByRole('region', { name: 'Enseignants ayant signalé une difficulté, par mois' });
    await section.getByRole('button', { name: 'Voir le tableau' }).click();
    const headers = section.getByRole('table').getByRole('columnheader');
    await expect(headers).toHaveText(['Mois', 'Lyon']);
    // His intensity bands are his academy's own.
    const bands = page.getByRole('region', { name: /Intensité des difficultés signalées/ });
    await bands.getByRole('button', { name: 'Voir le tableau' }).click();
    await expect(bands.getByRole('columnheader')).toHaveText([
      'Mois',
      'Intensité faible (1 ou 2 sur 5)',
      'Intensité moyenne (3 sur 5)',
      'Intensité forte (4 ou 5 sur 5)',
    ]);
    await expect(bands.getByRole('cell').filter({ hasText: 'non disponible' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'chsct-academie');
  });
});

test.describe('keyboard and display', () => {
  test('the CHSCT page is used with the keyboard only and passes axe in the dark theme too', async ({
    page,
  }) => {
    await signInAs(page, 'chsct.national', '/chsct/tendances');
    await expect(page).toHaveTitle('Tendances des retours des enseignants — Relais');
    const section = page.getByRole('region', {
      name: 'Intensité des difficultés signalées, par mois (toutes catégories)',
    });
    const toggle = section.getByRole('button', { name: 'Voir le tableau' });
    await tabTo(page, toggle);
    await page.keyboard.press('Enter');
    await expect(section.getByRole('button', { name: 'Masquer le tableau' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expect(section.getByRole('table')).toBeVisible();

    await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');
    await page.getByRole('button', { name: "Paramètres d'affichage" }).first().click();
    await page.getByText('Thème sombre').click();
    await expect(page.locator('html')).toHaveAttribute('data-fr-theme', 'dark');
    await expect(page.getByRole('img', { name: /Graphique « Enseignants/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('the inspector sorts and filters with the keyboard only', async ({ page, request }) => {
    const course = await createCourse(request, { prefix: 'Clavier', colleagues: ['teacher.02'] });
    await signInAs(page, 'inspector.d1', '/circonscription');
    await expect(page).toHaveTitle('Parcours de ma circonscription — Relais');
    const courseFilter = page.getByLabel('Parcours');
    await tabTo(page, courseFilter);
    await courseFilter.selectOption({ label: course.title });
    const table = page.getByRole('table', { name: /Enseignants des parcours/ });
    await expect(table.getByRole('row')).toHaveCount(2);
    const schoolHeader = table.getByRole('columnheader', { name: /École/ });
    await tabTo(page, schoolHeader.getByRole('button'));
    await page.keyboard.press('Enter');
    await expect(schoolHeader).toHaveAttribute('aria-sort', 'ascending');
  });
});

test.describe('the ministry', () => {
  test('ministry.dne sees the latest closed quarter by academy and by theme, with a national total', async ({
    page,
  }) => {
    await signInAs(page, 'ministry.dne', '/ministere/statistiques');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Statistiques de formation continue' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /trimestre \d{4}/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /Enseignants, par mesure/ }).locator('canvas')).toBeVisible();
    const section = page.getByRole('region', { name: 'Enseignants, par mesure' });
    await section.getByRole('button', { name: 'Voir le tableau' }).click();
    await expect(section.getByRole('columnheader')).toHaveText([
      'Académie',
      'Inscrits',
      'Formation terminée',
      'Retirés',
    ]);
    await expect(section.getByRole('rowheader', { name: 'Lyon' })).toBeVisible();
    await expect(section.getByRole('cell').filter({ hasText: 'secret statistique' }).first()).toBeVisible();
    await expect(section.getByRole('row').last().getByRole('rowheader')).toHaveText('Total national');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'ministere-statistiques');

    await page.getByLabel('Découpage').selectOption('theme');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(section.getByRole('columnheader').first()).toHaveText('Thème');

    // A period of the next publication is offered with its date, and says when it will be published.
    const period = page.getByLabel('Période');
    const upcoming = period.locator('option', { hasText: 'à paraître' }).first();
    await period.selectOption((await upcoming.getAttribute('value')) ?? '');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await expect(page.getByText(/n'est pas encore publiée : elle le sera le \d+ \S+ \d{4}/)).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });

  test('the method page, linked from each table, gives the rules in force in plain French', async ({
    page,
  }) => {
    await signInAs(page, 'ministry.dne', '/ministere/statistiques');
    const section = page.getByRole('region', { name: 'Heures de formation créditées' });
    await section.getByRole('link', { name: /Comment ces chiffres sont calculés/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Méthode/ })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText('au moins 11 enseignants');
    await expect(main).toContainText('au moins 3 contributions');
    await expect(main).toContainText('85 %');
    await expect(main).toContainText('secret statistique (secondaire)');
    await expect(main).toContainText(/prochaine publication le \d+ \S+ \d{4}/);
    await expect(main).toContainText(
      'Le temps de connexion, les clics, les pages consultées et les ressources vues',
    );
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'statistiques-methode');
  });
});

test.describe('refusals', () => {
  for (const username of ['teacher.01', 'trainer.alice']) {
    test(`${username} typing the statistics and inspection URLs gets the French "not allowed" page`, async ({
      page,
    }) => {
      await signInAs(page, username);
      for (const path of [
        '/circonscription',
        '/chsct/tendances',
        '/ministere/statistiques',
        '/statistiques/methode',
      ]) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeVisible();
        await expect(page.getByRole('main')).toContainText('Votre compte n');
      }
      await expectNoAccessibilityViolations(page);
    });
  }
});

test.describe('public pages of a State service', () => {
  const pages = [
    { link: 'Données personnelles', heading: 'Données personnelles', screenshot: 'donnees-personnelles' },
    { link: 'Mentions légales', heading: 'Mentions légales', screenshot: 'mentions-legales' },
    {
      link: 'Ce que Relais n’enregistre pas',
      heading: 'Ce que Relais n’enregistre pas',
      screenshot: 'ce-que-relais-n-enregistre-pas',
    },
    { link: /Accessibilité/, heading: "Déclaration d'accessibilité", screenshot: 'accessibilite' },
  ];
  for (const entry of pages) {
    test(`"${entry.heading}" is reached from the footer, signed out`, async ({ page }) => {
      await page.goto('/');
      await page.getByRole('contentinfo').getByRole('link', { name: entry.link }).click();
      await expect(page.getByRole('heading', { level: 1, name: entry.heading })).toBeVisible();
      await expectNoAccessibilityViolations(page);
      await saveScreenshot(page, entry.screenshot);
    });
  }

  test('the accessibility statement claims no conformity before a full audit and lists what fails', async ({
    page,
  }) => {
    await page.goto('/accessibilite');
    await expect(page.getByRole('main')).toContainText('Relais est non conforme');
    await expect(page.getByRole('main')).toContainText('RGAA), version 4.1.2');
    await expect(page.getByRole('heading', { level: 2, name: 'Contenus non accessibles' })).toBeVisible();
  });
});
