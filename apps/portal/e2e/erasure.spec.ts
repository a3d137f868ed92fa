import { expect, test } from './support/fixtures';
import { callApi, tokenFor } from './support/api';
import { accessibilityViolations, expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { userId } from './support/realm';
import { saveScreenshot } from './support/screenshots';
import { signInAs, signOut } from './support/sign-in';

// Erased for good in this run's standalone: someone no other spec, no libs/testing scenario and no demo
// course uses (teacher.33, the example of the issue, has the notifications spec and a demo course).
const TEACHER = 'teacher.39';

const MY_DATA = [
  '/api/enrollment/me/data',
  '/api/progress/me/data',
  '/api/feedback/me/data',
  '/api/feedback/me/data/anonymous-authorship',
  '/api/notifications/me/data',
  '/api/stats/me/data',
] as const;

interface Export {
  kinds: { kind: string; records: unknown[] }[];
}

interface Problem {
  code: string;
  errors?: { in: string; path: string }[];
}

/** "service kind" for each kind that holds a record of him, as every service's /me/data says it. */
async function recordsHeldAbout(request: Parameters<typeof callApi>[0], username: string) {
  const held: string[] = [];
  for (const path of MY_DATA) {
    const data = await callApi<Export>(request, username, 'GET', path);
    for (const kind of data.kinds) if (kind.records.length > 0) held.push(`${path} ${kind.kind}`);
  }
  return held;
}

test.describe('erasure', () => {
  test('an administrator erases a teacher from every service; his « Mes données » then shows only the address his new sign-in gave', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const course = await createCourse(request, { prefix: 'Effacement', colleagues: [TEACHER] });
    await callApi(
      request,
      TEACHER,
      'PUT',
      `/api/progress/courses/${course.id}/activities/accueil/completion`,
      {
        done: true,
      },
    );
    const named = 'La classe virtuelle tombe pendant mes heures de service.';
    await callApi(request, TEACHER, 'POST', `/api/feedback/courses/${course.id}/feedback`, {
      category: 'workload-time',
      intensity: 3,
      message: named,
      visibility: 'named',
    });
    // Before: Relais holds something of him in enrollment, progress and feedback.
    expect(await recordsHeldAbout(request, TEACHER)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/api\/enrollment\/me\/data /),
        expect.stringMatching(/^\/api\/progress\/me\/data /),
        expect.stringMatching(/^\/api\/feedback\/me\/data /),
      ]),
    );

    // The service refuses a short reason on the field the page places its sentence on.
    const refused = await request.post('/api/enrollment/ops/erasures', {
      headers: { Authorization: `Bearer ${await tokenFor(request, 'ops.admin')}` },
      data: { personId: userId(TEACHER), reason: 'Départ' },
    });
    expect(refused.status()).toBe(400);
    const problem = (await refused.json()) as Problem;
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors?.map((error) => `${error.in} ${error.path}`)).toEqual(['body reason']);

    await signInAs(page, 'ops.admin', '/');
    await page.getByRole('banner').getByRole('link', { name: 'Effacements' }).first().click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Effacements de données personnelles' }),
    ).toBeVisible();

    const personId = page.getByRole('textbox', { name: /^Identifiant de la personne/ });
    const reason = page.getByRole('textbox', { name: /^Motif/ });
    const confirmation = page.getByRole('checkbox', { name: /^Je confirme l’effacement de cette personne/ });
    const submit = page.getByRole('button', { name: 'Effacer cette personne' });
    const posts: string[] = [];
    page.on('request', (sent) => {
      if (sent.method() === 'POST' && sent.url().includes('/ops/erasures')) posts.push(sent.url());
    });

    await personId.fill(userId(TEACHER));
    await reason.fill('Départ');
    // DSFR draws the box on the label, which takes the click.
    await page.getByText('Je confirme l’effacement de cette personne').click();
    await expect(confirmation).toBeChecked();
    await submit.click();
    await expect(
      page.getByRole('textbox', {
        name: /^Motif/,
        description: 'Le motif compte au moins 10 caractères : dites pourquoi en une phrase.',
      }),
    ).toBeVisible();
    await expect(reason).toBeFocused();
    expect(posts).toEqual([]);

    const why = 'Demande de la personne au titre de l’article 17 du RGPD, transmise par le DPD.';
    await reason.fill(why);
    await submit.click();
    await expect(
      page.getByRole('status').filter({ hasText: 'La demande d’effacement est enregistrée' }),
    ).toBeVisible();
    expect(posts).toHaveLength(1);
    await expect(personId).toHaveValue('');
    await expect(confirmation).not.toBeChecked();

    // The list reads itself again while the erasure runs; the standalone finishes within a second.
    const row = page.getByRole('row').filter({ hasText: why });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Administrateur, par vous');
    await expect(row.getByText('Terminé', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Aucun effacement en cours.' })).toBeVisible();

    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'effacements');
    // RGAA 3.2 and 3.3 in the dark theme too, as the display settings or the system may choose it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-fr-theme', 'dark');
    await expect(row.getByText('Terminé', { exact: true })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // Every service forgot him: nothing is held about him any more.
    expect(await recordsHeldAbout(request, TEACHER)).toEqual([]);

    // He keeps his account (the administrator erased him, nobody deleted it): signing in again gives
    // notifications his address back, for its mails, as both pages warn. That is all his page shows.
    await signOut(page);
    await signInAs(page, TEACHER, '/mes-donnees');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes données' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Télécharger (JSON)' })).toBeEnabled();
    const records = page.getByRole('table', { name: /: vos données$/ });
    await expect(records).toHaveCount(1);
    await expect(
      page
        .getByRole('region', { name: 'Notifications' })
        .getByRole('table', { name: 'Votre adresse électronique : vos données' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Inscriptions et heures de formation' })).not.toContainText(
      course.title,
    );
    await expect(page.getByRole('main')).not.toContainText(named);
    expect(await recordsHeldAbout(request, TEACHER)).toEqual([
      '/api/notifications/me/data notification-address',
    ]);
    const erasure = page.getByRole('region', { name: 'Faire effacer vos données' });
    await expect(erasure).toContainText('délégué à la protection des données');
    await expect(erasure.getByRole('heading', { level: 3, name: 'Ce qui reste, et pourquoi' })).toBeVisible();
    await expect(erasure).toContainText('signés « Ancien participant »');

    // What stays, as both pages say: his named item, signed « Ancien participant ».
    const inbox = await callApi<{ items: { message: string; author?: { name: string } }[] }>(
      request,
      'trainer.alice',
      'GET',
      `/api/feedback/courses/${course.id}/feedback`,
    );
    expect(inbox.items.find((item) => item.message === named)?.author?.name).toBe('Ancien participant');
  });
});
