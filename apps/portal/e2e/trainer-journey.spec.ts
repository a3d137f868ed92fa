import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import { expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { userId } from './support/realm';
import { saveScreenshot } from './support/screenshots';
import { signInAs, signOut } from './support/sign-in';

// The demo realm's names of the people these journeys involve (deploy/keycloak/realm-relais.json).
const CAMILLE = 'Camille Martin'; // teacher.01
const JULIEN = 'Julien Durand'; // teacher.02

test.describe('a trainer', () => {
  test('reads anonymous feedback without a name, replies and moves its status; the teacher sees both', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, {
      prefix: 'Différencier en classe',
      // Six, so that five stay after one leaves: anonymous feedback needs five participants.
      colleagues: ['teacher.01', 'teacher.02', 'teacher.03', 'teacher.04', 'teacher.05', 'teacher.06'],
    });
    // A named item whose author then leaves the course: still there, marked as a former participant.
    const named = `Le rythme me convient, merci (${course.title}).`;
    await callApi(request, 'teacher.02', 'POST', `/api/feedback/courses/${course.id}/feedback`, {
      category: 'content-relevance',
      intensity: 1,
      message: named,
      visibility: 'named',
    });
    await callApi(request, 'teacher.02', 'DELETE', `/api/enrollment/courses/${course.id}/enrollments/me`);
    await callApi(
      request,
      'teacher.03',
      'PUT',
      `/api/progress/courses/${course.id}/activities/accueil/completion`,
      {
        done: true,
      },
    );

    // The teacher writes it in the portal; the trainer's journey starts from there.
    const anonymous = `La plateforme me déconnecte à chaque vidéo (${course.title}).`;
    await signInAs(page, 'teacher.01', `/mes-parcours/${course.id}/retour`);
    await page.getByText('Accès technique (connexion, plateforme)').click();
    await page.getByText('4 — Forte : cela me freine nettement').click();
    await page.getByRole('textbox', { name: /^Votre message/ }).fill(anonymous);
    await page
      .locator('label')
      .filter({ hasText: /^Anonymement/ })
      .click();
    await page.getByRole('button', { name: 'Envoyer mon retour' }).click();
    await expect(page).toHaveURL(/\/mes-retours$/);
    await expect(page.getByText('Votre retour a été envoyé au formateur.')).toBeVisible();
    await signOut(page);

    await signInAs(page, 'trainer.alice');
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Mes formations' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes formations' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: course.title }).click();

    // The synthetic view: one row per participant, a labelled indicative bar, done/total.
    await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
    const table = page.getByRole('table', { name: 'Progression indicative de chaque participant' });
    await expect(table.getByRole('row')).toHaveCount(1 + 5);
    const progressBars = table.getByRole('progressbar', { name: /^Progression indicative de / });
    await expect(progressBars).toHaveCount(5);
    await expect(table.getByRole('columnheader')).toHaveText([
      'Participant',
      'Progression (indicative)',
      'Activités faites',
      'Formation terminée',
    ]);
    await expect(table).not.toContainText(JULIEN);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'formateur-vue-synthetique');

    await page.getByRole('link', { name: /^Retours des participants/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Retours des participants' })).toBeVisible();
    const anonymousItem = page.getByRole('article').filter({ hasText: anonymous });
    await expect(anonymousItem).toContainText('Retour anonyme');
    await expect(anonymousItem).not.toContainText(CAMILLE);
    await expect(anonymousItem.getByRole('link')).toHaveCount(0);
    const namedItem = page.getByRole('article').filter({ hasText: named });
    await expect(namedItem).toContainText(`De ${JULIEN}`);
    await expect(namedItem).toContainText('ancien participant');
    await expectNoAccessibilityViolations(page);

    // A reply is checked before sending, then sent; the status moves forward.
    await anonymousItem.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect(anonymousItem.getByText('Écrivez votre réponse.')).toBeVisible();
    const reply = 'Merci : la plateforme est prévenue, et les vidéos sont aussi en téléchargement.';
    await anonymousItem.getByRole('textbox', { name: /^Votre réponse/ }).fill(reply);
    await anonymousItem.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect(anonymousItem.getByText('Votre réponse a été envoyée.')).toBeVisible();
    await expect(anonymousItem).toContainText(reply);
    // A trainer's first reply acknowledges the item; he then marks it addressed.
    await expect(anonymousItem.getByRole('listitem').filter({ hasText: /^Pris en compte$/ })).toBeVisible();
    await anonymousItem
      .getByRole('combobox', { name: /^Statut du retour/ })
      .selectOption({ label: 'Traité' });
    await anonymousItem.getByRole('button', { name: 'Changer le statut' }).click();
    await expect(anonymousItem.getByRole('listitem').filter({ hasText: /^Traité$/ })).toBeVisible();
    // Addressed is the last step for a trainer: no status to choose any more.
    await expect(anonymousItem.getByRole('combobox', { name: /^Statut du retour/ })).toHaveCount(0);

    // The filter keeps to one status, in the URL.
    await page.getByRole('combobox', { name: 'Afficher' }).selectOption({ label: 'À lire' });
    await expect(page).toHaveURL(/statut=open/);
    await expect(page.getByRole('article').filter({ hasText: named })).toBeVisible();
    await expect(page.getByRole('article').filter({ hasText: anonymous })).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Afficher' }).selectOption({ label: 'Tous les retours' });
    await expect(page.getByRole('article').filter({ hasText: anonymous })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'formateur-retours');

    await signOut(page);
    await signInAs(page, 'teacher.01', '/mes-retours');
    const mine = page.getByRole('article').filter({ hasText: anonymous });
    await expect(mine).toContainText(reply);
    await expect(mine).toContainText('Traité');
    await expectNoAccessibilityViolations(page);
  });

  test('ticks "Formation terminée" with a confirmation and can undo it; the teacher sees her hours', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, {
      prefix: 'Oral en maternelle',
      colleagues: ['teacher.07'],
      predictedHours: 7.5,
    });
    await signInAs(page, 'trainer.alice', `/formateur/parcours/${course.id}`);
    await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
    const teacher = (
      await callApi<{ userId: string; name: string }[]>(
        request,
        'trainer.alice',
        'GET',
        `/api/progress/courses/${course.id}/progress`,
      )
    )[0];
    expect(teacher?.userId).toBe(userId('teacher.07'));
    const name = teacher?.name ?? '';

    await page.getByRole('button', { name: `Formation terminée pour ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirmer la fin de formation' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('7,5 heures lui seront créditées');
    // Scanned once DSFR's fade-in is over: half-transparent text would fail the contrast rule.
    await expect(dialog).toHaveCSS('opacity', '1');
    await expectNoAccessibilityViolations(page);
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: `Formation terminée pour ${name}` }).click();
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByText(`La formation de ${name} est indiquée comme terminée.`)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Terminée');

    // Undo, then tick it again: the service keeps the last answer.
    await row.getByRole('button', { name: `Annuler « formation terminée » pour ${name}` }).click();
    await expect(page.getByText(`« Formation terminée » est annulé pour ${name}.`)).toBeVisible();
    await expect(
      (
        await callApi<{ enrollments: { courseId: string; creditedHours: number }[] }>(
          request,
          'teacher.07',
          'GET',
          '/api/enrollment/me/enrollments',
        )
      ).enrollments.find((entry) => entry.courseId === course.id)?.creditedHours,
    ).toBe(0);
    await page.getByRole('button', { name: `Formation terminée pour ${name}` }).click();
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await expect(row).toContainText('Terminée');
    // The state is the service's, not the page's: a reload still shows it, with its undo.
    await page.reload();
    await expect(row).toContainText('Terminée');
    await expect(
      row.getByRole('button', { name: `Annuler « formation terminée » pour ${name}` }),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // Signed out from the guarded page just reloaded: the sign-out must not race a sign-in redirect.
    await signOut(page);
    await signInAs(page, 'teacher.07', '/mes-parcours');
    const entry = page.getByRole('listitem').filter({ hasText: course.title });
    await expect(entry).toContainText('Formation terminée');
    await expect(entry).toContainText('Heures créditées : 7,5 heures');
  });

  test('edits the activity list: checked before sending, saved, seen by the participants', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, {
      prefix: 'Numérique responsable',
      colleagues: ['teacher.08'],
    });
    await signInAs(page, 'trainer.alice', `/formateur/parcours/${course.id}/activites`);
    await expect(page.getByRole('heading', { level: 1, name: 'Activités du parcours' })).toBeVisible();
    await expect(page.getByRole('group', { name: /^Activité \d$/ })).toHaveCount(3);

    await page.getByRole('button', { name: 'Ajouter une activité' }).click();
    const added = page.getByRole('group', { name: 'Activité 4' });
    await added.getByRole('textbox', { name: /^Identifiant/ }).fill('video');
    await added.getByRole('textbox', { name: /^Titre/ }).fill('Quiz : les usages sobres');
    await added.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Quiz' });
    await added.getByText('Facultative').click();
    await page.getByRole('button', { name: 'Enregistrer les activités' }).click();
    await expect(added.getByText(/Cet identifiant est déjà utilisé/)).toBeVisible();
    await expect(added.getByRole('textbox', { name: /^Titre/ })).toHaveValue('Quiz : les usages sobres');
    await expectNoAccessibilityViolations(page);

    await added.getByRole('textbox', { name: /^Identifiant/ }).fill('quiz-sobriete');
    await page.getByRole('button', { name: 'Enregistrer les activités' }).click();
    await expect(page.getByText('Les activités du parcours sont enregistrées.')).toBeVisible();
    const saved = await callApi<{ id: string; kind: string; optional: boolean }[]>(
      request,
      'teacher.08',
      'GET',
      `/api/progress/courses/${course.id}/activities`,
    );
    expect(saved.at(-1)).toEqual(
      expect.objectContaining({ id: 'quiz-sobriete', kind: 'quiz', optional: true }),
    );
  });
});

test.describe('a training manager', () => {
  test('creates a course through the form, which then appears in the teachers’ catalogue', async ({
    page,
    request,
  }) => {
    const title = `Coopérer entre collègues ${Date.now().toString(36)}`;
    await signInAs(page, 'manager.lyon');
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Gestion des parcours' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gestion des parcours' })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'Créer un parcours' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Créer un parcours' })).toBeVisible();

    // Checked before sending, each sentence next to its field, nothing typed is lost.
    await page.getByRole('textbox', { name: /^Titre/ }).fill(title);
    await page.getByRole('textbox', { name: /^Durée prévue/ }).fill('7,2');
    await page.getByRole('button', { name: 'Créer le parcours' }).click();
    await expect(page.getByText('Donnez au moins un thème.')).toBeVisible();
    await expect(page.getByText(/La durée se compte par demi-heures/)).toBeVisible();
    await expect(page.getByText('Cochez au moins un formateur.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: /^Titre/ })).toHaveValue(title);
    // The trainers offered are the academy's: Lyon's two, not Grenoble's.
    const trainers = page.getByRole('group', { name: /^Formateurs/ });
    await expect(trainers.getByRole('checkbox', { name: 'Alice Marchand' })).not.toBeChecked();
    await expect(trainers.getByRole('checkbox', { name: 'Bruno Chevalier' })).toBeVisible();
    await expect(trainers.getByRole('checkbox', { name: 'Chloé Perrin' })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'gestionnaire-formulaire');

    await page.getByRole('textbox', { name: /^Thèmes/ }).fill('cooperation, vie-scolaire');
    await page.getByRole('textbox', { name: /^Durée prévue/ }).fill('4,5');
    // DSFR draws the box on the label, which takes the click.
    await trainers.getByText('Alice Marchand', { exact: true }).click();
    await expect(trainers.getByRole('checkbox', { name: 'Alice Marchand' })).toBeChecked();
    await expect(page.getByText('Cochez au moins un formateur.')).toHaveCount(0);
    await page.getByRole('textbox', { name: /^Nombre de places/ }).fill('20');
    await page.getByLabel(/^Clôture prévue/).fill('30/06/2099');
    // A double click sends once.
    await page.getByRole('button', { name: 'Créer le parcours' }).dblclick();
    await expect(page).toHaveURL(/\/gestion$/);
    await expect(page.getByText(`Le parcours « ${title} » est créé`)).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(1);
    const all = await callApi<{ id: string; title: string; closesOn: string | null }[]>(
      request,
      'manager.lyon',
      'GET',
      '/api/enrollment/courses',
    );
    const created = all.filter((course) => course.title === title);
    expect(created).toHaveLength(1);
    expect(created[0]?.closesOn).toBe('2099-06-30');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'gestionnaire-parcours');

    await signOut(page);
    await signInAs(page, 'teacher.09', `/catalogue?recherche=${encodeURIComponent(title)}`);
    const card = page.getByRole('listitem').filter({ hasText: title });
    await expect(card).toContainText('Durée prévue : 4,5 heures');
    await expect(card).toContainText('20 places restantes');
    await expect(card).toContainText('Alice Marchand');
    await page.goto(`/catalogue/${created[0]?.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Clôture prévue le 30 juin 2099')).toBeVisible();
    // Once enrolled, her course page says it too: the reminder a week before links there.
    await callApi(request, 'teacher.09', 'POST', `/api/enrollment/courses/${created[0]?.id}/enrollments`, {});
    await page.goto(`/mes-parcours/${created[0]?.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('Clôture prévue le 30 juin 2099')).toBeVisible();
  });

  test('edits a course and closes it to enrollment', async ({ page, request }) => {
    const course = await createCourse(request, { prefix: 'Projet de classe' });
    await signInAs(page, 'manager.lyon', `/gestion/parcours/${course.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Modifier le parcours « ${course.title} »` }),
    ).toBeVisible();
    // What the course already is fills the form: its trainer ticked, its districts, its capacity.
    const trainers = page.getByRole('group', { name: /^Formateurs/ });
    await expect(trainers.getByRole('checkbox', { name: 'Alice Marchand' })).toBeChecked();
    await expect(trainers.getByRole('checkbox', { name: 'Bruno Chevalier' })).not.toBeChecked();
    await expect(page.getByRole('textbox', { name: /^Circonscriptions/ })).toHaveValue('lyon-d1');
    await expect(page.getByRole('textbox', { name: /^Nombre de places/ })).toHaveValue('30');
    const renamed = `${course.title} (nouvelle session)`;
    await page.getByRole('textbox', { name: /^Titre/ }).fill(renamed);
    await page.getByRole('textbox', { name: /^Durée prévue/ }).fill('9');
    await trainers.getByText('Bruno Chevalier', { exact: true }).click();
    await expect(trainers.getByRole('checkbox', { name: 'Bruno Chevalier' })).toBeChecked();
    // Emptied, the capacity no longer limits the course.
    await page.getByRole('textbox', { name: /^Nombre de places/ }).fill('');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect(page).toHaveURL(/\/gestion$/);
    await expect(
      page.getByText(`Les modifications du parcours « ${renamed} » sont enregistrées.`),
    ).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: renamed });
    await expect(row).toContainText('9 heures');
    await expect(row).toContainText('Sans limite');
    await expect(row).toContainText('Bruno Chevalier');
    const saved = await callApi<{ capacity: number | null; trainers: { userId?: string }[] }>(
      request,
      'manager.lyon',
      'GET',
      `/api/enrollment/courses/${course.id}`,
    );
    expect(saved.capacity).toBeNull();
    expect(saved.trainers.map((trainer) => trainer.userId).sort()).toEqual(
      [userId('trainer.alice'), userId('trainer.bruno')].sort(),
    );
    await row.getByRole('button', { name: `Fermer aux inscriptions : ${renamed}` }).click();
    await expect(page.getByText(`Le parcours « ${renamed} » est fermé aux inscriptions.`)).toBeVisible();
    await expect(row).toContainText('Fermé');
    await expect(row.getByRole('button', { name: `Ouvrir aux inscriptions : ${renamed}` })).toBeVisible();
  });
});
