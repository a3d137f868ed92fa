import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import { expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { tabTo } from './support/keyboard';
import { signInAs } from './support/sign-in';

const colleagues = ['teacher.08', 'teacher.09', 'teacher.10', 'teacher.11'];

test.describe('the feedback form', () => {
  test('can be filled and sent with the keyboard only', async ({ page, request }) => {
    const course = await createCourse(request, { prefix: 'Différencier', colleagues });
    await callApi(request, 'teacher.07', 'POST', `/api/enrollment/courses/${course.id}/enrollments`, {});
    await signInAs(page, 'teacher.07', `/mes-parcours/${course.id}/retour`);
    await expect(page.getByRole('heading', { level: 1, name: 'Donner un retour' })).toBeVisible();

    await tabTo(page, page.getByRole('radio', { name: /^Accès technique/ }));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /^Prise en main des outils/ })).toBeChecked();

    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: /^1 — / })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /^3 — Moyenne/ })).toBeChecked();

    await page.keyboard.press('Tab');
    const message = page.getByRole('textbox', { name: /^Votre message/ });
    await expect(message).toBeFocused();
    await page.keyboard.type("Je n'arrive pas à déposer mon devoir sur la plateforme.");

    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: /^En mon nom/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: /^En mon nom/ })).toBeChecked();

    await tabTo(page, page.getByRole('button', { name: 'Envoyer mon retour' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/mes-retours$/);
    const item = page.getByRole('article').filter({ hasText: "Je n'arrive pas à déposer mon devoir" });
    await expect(item).toContainText('En votre nom');
    await expect(item).toContainText('Intensité 3 sur 5');
  });

  test('validates before sending and shows the API refusal next to its field, keeping the text', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, { prefix: 'Coopérer', colleagues });
    await callApi(request, 'teacher.12', 'POST', `/api/enrollment/courses/${course.id}/enrollments`, {});
    await signInAs(page, 'teacher.12', `/mes-parcours/${course.id}/retour`);
    let posts = 0;
    await page.route(`**/api/feedback/courses/${course.id}/feedback`, async (route) => {
      posts += 1;
      // The threshold is the service's to enforce: here it says no, as it would if colleagues had just left.
      await route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'https://relais.example/problems/anonymity-threshold',
          title: 'Conflict',
          status: 409,
          code: 'ANONYMITY_THRESHOLD',
          detail: 'Anonymous feedback needs at least 5 participants.',
        }),
      });
    });

    await page.getByRole('button', { name: 'Envoyer mon retour' }).click();
    await expect(page.getByText('Choisissez le sujet de votre retour.')).toBeVisible();
    await expect(page.getByText('Choisissez une intensité.')).toBeVisible();
    await expect(page.getByText('Écrivez votre message.')).toBeVisible();
    expect(posts).toBe(0);

    await page.getByText('Pertinence des contenus').click();
    await page.getByText('2 — Légère').click();
    const text = 'Les exemples concernent surtout le collège, peu le premier degré.';
    await page.getByRole('textbox', { name: /^Votre message/ }).fill(text);
    await page
      .locator('label')
      .filter({ hasText: /^Anonymement/ })
      .click();
    await page.getByRole('button', { name: 'Envoyer mon retour' }).click();

    const visibility = page.getByRole('group', { name: /^Comment l’envoyer/ });
    await expect(visibility).toContainText("Le retour anonyme n'est pas encore possible dans ce parcours");
    await expect(page.getByRole('textbox', { name: /^Votre message/ })).toHaveValue(text);
    await expect(page.getByRole('radio', { name: /^Pertinence des contenus/ })).toBeChecked();
    expect(posts).toBe(1);
    await expectNoAccessibilityViolations(page);
  });

  test('sends once when the button is double-clicked', async ({ page, request }) => {
    const course = await createCourse(request, { prefix: 'Outils numériques', colleagues });
    await callApi(request, 'teacher.13', 'POST', `/api/enrollment/courses/${course.id}/enrollments`, {});
    await signInAs(page, 'teacher.13', `/mes-parcours/${course.id}/retour`);
    await page.getByText('Accès technique (connexion, plateforme)').click();
    await page.getByText('5 — Très forte').click();
    const text = `Impossible de me connecter à la classe virtuelle (${course.title}).`;
    await page.getByRole('textbox', { name: /^Votre message/ }).fill(text);
    await page
      .locator('label')
      .filter({ hasText: /^En mon nom/ })
      .click();
    await page.getByRole('button', { name: 'Envoyer mon retour' }).dblclick();
    await expect(page).toHaveURL(/\/mes-retours$/);

    const mine = await callApi<{ message: string }[]>(
      request,
      'teacher.13',
      'GET',
      '/api/feedback/me/feedback',
    );
    expect(mine.filter((item) => item.message === text)).toHaveLength(1);
  });

  test('explains why anonymous sending is not possible yet in a small course', async ({ page, request }) => {
    const course = await createCourse(request, { prefix: 'Petit groupe' });
    await callApi(request, 'teacher.16', 'POST', `/api/enrollment/courses/${course.id}/enrollments`, {});
    await signInAs(page, 'teacher.16', `/mes-parcours/${course.id}/retour`);
    const anonymous = page.getByRole('radio', { name: /^Anonymement/ });
    await expect(anonymous).toBeDisabled();
    await expect(anonymous).toHaveAccessibleName(/il en faut au moins 5, formateurs non compris/);
    await expect(page.getByRole('radio', { name: /^En mon nom/ })).toBeEnabled();
    await expectNoAccessibilityViolations(page);
  });
});
