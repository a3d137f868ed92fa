import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import { expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { userId } from './support/realm';
import { saveScreenshot } from './support/screenshots';
import { signInAs } from './support/sign-in';

interface TrainerFeedback {
  items: { id: string; message: string; visibility: string; author?: { name: string } }[];
}

test.describe('a teacher', () => {
  test('enrolls, ticks an activity, sends anonymous feedback, reads the reply, gets her hours credited', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, {
      prefix: 'Lire à voix haute',
      colleagues: ['teacher.02', 'teacher.03', 'teacher.04', 'teacher.05'],
      predictedHours: 6,
    });

    // A deep link without a session: the login page, then back to the catalogue.
    await signInAs(page, 'teacher.01', '/catalogue');
    await expect(page).toHaveURL(/\/catalogue$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue des parcours' })).toBeVisible();
    await page.getByLabel('Rechercher un parcours').fill(course.title);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(/recherche=/);
    await expect(page.getByText('1 parcours trouvé')).toBeVisible();
    const card = page.getByRole('listitem').filter({ hasText: course.title });
    await expect(card).toContainText('Durée prévue : 6 heures');
    await expect(card).toContainText('26 places restantes');
    await expect(card).toContainText('Formateurs : Alice');
    await expectNoAccessibilityViolations(page);
    await page.getByLabel('Rechercher un parcours').fill('');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await saveScreenshot(page, 'enseignant-catalogue');

    await page.goto(`/catalogue?recherche=${encodeURIComponent(course.title)}`);
    await page.getByRole('link', { name: course.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
    await expect(page.getByText('La formation est volontaire')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'enseignant-parcours');

    await page.getByRole('button', { name: "S'inscrire" }).click();
    await expect(page).toHaveURL(new RegExp(`/mes-parcours/${course.id}$`));
    await expect(page.getByText(`Vous êtes inscrit au parcours « ${course.title} ».`)).toBeVisible();
    // Its label says it is indicative: what a screen reader announces with the bar.
    const progress = page.getByRole('progressbar', { name: /^Progression indicative/ });
    await expect(progress).toHaveAttribute('value', '0');
    await expect(progress).toHaveAttribute('max', '3');

    await page.getByText('Accueil et cadre du parcours').click();
    await expect(progress).toHaveAttribute('value', '1');
    await expect(page.getByText('1 activité cochée sur 3 (33 %)')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /Accueil et cadre du parcours/ })).toBeChecked();
    await expect(page.getByRole('main').getByText(/Alice/).first()).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'enseignant-dans-le-parcours');

    // The feedback form validates before sending.
    await page.getByRole('link', { name: 'Donner un retour au formateur' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Donner un retour' })).toBeVisible();
    await expect(page.getByText(/Le formateur verra la catégorie, l’intensité, votre message/)).toBeVisible();
    await page.getByRole('button', { name: 'Envoyer mon retour' }).click();
    await expect(page.getByText('Choisissez le sujet de votre retour.')).toBeVisible();
    await expect(page.getByText('Écrivez votre message.')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByText('Charge de travail et temps disponible').click();
    await page.getByText('4 — Forte : cela me freine nettement').click();
    const message = 'Les activités tombent pendant mes conseils de classe ; je prends du retard.';
    await page.getByRole('textbox', { name: /^Votre message/ }).fill(message);
    await page
      .locator('label')
      .filter({ hasText: /^Anonymement/ })
      .click();
    await expect(page.getByRole('radio', { name: /^Anonymement/ })).toBeChecked();
    await saveScreenshot(page, 'enseignant-retour');
    await page.getByRole('button', { name: 'Envoyer mon retour' }).click();

    await expect(page).toHaveURL(/\/mes-retours$/);
    await expect(page.getByText('Votre retour a été envoyé au formateur.')).toBeVisible();
    const item = page.getByRole('article').filter({ hasText: message });
    await expect(item).toContainText('Anonyme');
    await expect(item).toContainText('Envoyé, pas encore lu');
    await expect(item).toContainText('Pas encore de réponse.');

    // The trainer sees it without any name, replies and acknowledges it.
    const inbox = await callApi<TrainerFeedback>(
      request,
      'trainer.alice',
      'GET',
      `/api/feedback/courses/${course.id}/feedback`,
    );
    const received = inbox.items.find((candidate) => candidate.message === message);
    expect(received?.visibility).toBe('anonymous');
    expect(received?.author).toBeUndefined();
    const reply = 'Merci de le dire : la classe virtuelle sera enregistrée, et la vidéo peut attendre.';
    await callApi(request, 'trainer.alice', 'POST', `/api/feedback/feedback/${received?.id}/replies`, {
      message: reply,
    });
    await callApi(request, 'trainer.alice', 'PATCH', `/api/feedback/feedback/${received?.id}`, {
      status: 'acknowledged',
    });

    await page.reload();
    await expect(item).toContainText(reply);
    await expect(item).toContainText('Pris en compte');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'enseignant-mes-retours');

    // The trainer ticks "training completed": the hours are credited.
    await callApi(
      request,
      'trainer.alice',
      'PUT',
      `/api/enrollment/courses/${course.id}/enrollments/${userId('teacher.01')}/completion`,
      {
        completed: true,
      },
    );
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Mes parcours' })
      .click();
    const entry = page.getByRole('listitem').filter({ hasText: course.title });
    await expect(entry).toContainText('Formation terminée');
    await expect(entry).toContainText('Heures créditées : 6 heures');
    await expect(page.getByText(/Total de vos heures créditées/)).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'enseignant-mes-parcours');
  });

  test('contacts the trainer of her course, then leaves the course knowing what is kept', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, { prefix: 'Évaluer par compétences' });
    await callApi(request, 'teacher.06', 'POST', `/api/enrollment/courses/${course.id}/enrollments`, {});
    await signInAs(page, 'teacher.06', `/mes-parcours/${course.id}`);
    await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();

    await page.getByRole('link', { name: /^Contacter Alice/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Écrire à Alice/ })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page
      .getByRole('textbox', { name: /^Votre message/ })
      .fill('Bonjour, la classe virtuelle aura-t-elle lieu mercredi ?');
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    await expect(page).toHaveURL(/\/messages$/);
    await expect(page.getByText(/Votre message à Alice .* a été envoyé/)).toBeVisible();
    await expect(page.getByText('Bonjour, la classe virtuelle aura-t-elle lieu mercredi ?')).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'messages');

    await page.goto(`/mes-parcours/${course.id}`);
    await page.getByRole('link', { name: 'Quitter le parcours' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Quitter le parcours « ${course.title} »` }),
    ).toBeVisible();
    await expect(
      page.getByText('Les heures déjà créditées restent dans votre dossier de formation.'),
    ).toBeVisible();
    await expect(
      page.getByText('Vos retours anonymes restent tels quels : rien ne les relie à vous.'),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Quitter le parcours' }).click();
    await expect(page).toHaveURL(/\/mes-parcours$/);
    await expect(page.getByText(`Vous avez quitté le parcours « ${course.title} ».`)).toBeVisible();
    await expect(page.getByRole('link', { name: course.title })).toHaveCount(0);
  });

  test('sees a French refusal on pages of another audience', async ({ page }) => {
    await signInAs(page, 'trainer.alice', '/mes-parcours');
    await expect(page.getByRole('heading', { level: 1, name: 'Accès non autorisé' })).toBeVisible();
    await expect(page.getByText('Cette page est réservée aux enseignants.')).toBeVisible();
    await expectNoAccessibilityViolations(page);
  });
});
