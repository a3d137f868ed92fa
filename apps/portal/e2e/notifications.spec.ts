import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import { expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { userId } from './support/realm';
import { signInAs } from './support/sign-in';

// Someone no other spec signs in as: the bell's count is his alone.
const TEACHER = 'teacher.33';

interface TrainerFeedback {
  items: { id: string; message: string }[];
}

test.describe('the notification centre', () => {
  test('shows a trainer’s reply under the bell, without its text, marks it read, and keeps the mail choices', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, { prefix: 'Notifications', colleagues: [TEACHER] });
    const message = 'Je ne trouve pas le temps de faire la deuxième activité.';
    await callApi(request, TEACHER, 'POST', `/api/feedback/courses/${course.id}/feedback`, {
      category: 'workload-time',
      intensity: 4,
      message,
      visibility: 'named',
    });
    const inbox = await callApi<TrainerFeedback>(
      request,
      'trainer.alice',
      'GET',
      `/api/feedback/courses/${course.id}/feedback`,
    );
    const item = inbox.items.find((candidate) => candidate.message === message)!;
    const reply = 'Prenons dix minutes jeudi pour en parler.';
    await callApi(request, 'trainer.alice', 'POST', `/api/feedback/feedback/${item.id}/replies`, {
      message: reply,
    });

    await signInAs(page, TEACHER, '/notifications');
    const bell = page.getByRole('banner').getByRole('link', { name: /^Notifications \(\d+ non lues?\)$/ });
    await expect(bell.first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes notifications' })).toBeVisible();
    const notice = page
      .getByRole('listitem')
      .filter({ hasText: `Un formateur a répondu à l’un de vos retours dans « ${course.title} ».` });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(reply);
    await expect(page.getByRole('main')).not.toContainText(message);
    await expectNoAccessibilityViolations(page);

    await notice.getByRole('button', { name: /^Marquer comme lue/ }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Notification marquée comme lue.' }),
    ).toBeVisible();
    await expect(notice).toContainText('Lue');
    await expect(notice.getByRole('link', { name: /^Voir/ })).toHaveAttribute('href', '/mes-retours');

    await page.getByRole('link', { name: 'Choisir ce que je reçois par courriel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Préférences de notification' })).toBeVisible();
    const replies = page.getByRole('group', { name: 'Réponse à l’un de mes retours' });
    // DSFR draws the radio in its label, which takes the click.
    await replies.locator('label').filter({ hasText: 'Pas de courriel' }).click();
    await expect(replies.getByRole('radio', { name: 'Pas de courriel' })).toBeChecked();
    await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Vos préférences sont enregistrées.' }),
    ).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.reload();
    await expect(
      page
        .getByRole('group', { name: 'Réponse à l’un de mes retours' })
        .getByRole('radio', { name: 'Pas de courriel' }),
    ).toBeChecked();
    // Every kind is offered, the two latest included.
    await expect(page.getByRole('group', { name: 'Nouveau message' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Parcours bientôt clos' })).toBeVisible();
  });

  test('tells of a 1:1 message without its sender or text, and leads to the messages', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, { prefix: 'Message', colleagues: [TEACHER] });
    const words = 'Pouvez-vous me renvoyer la fiche de la deuxième activité ?';
    // Feedback learns the enrollment from enrollment's events, a moment later: until then the teacher
    // is not yet a member there (422), and nothing is written.
    await expect(async () => {
      await callApi(request, 'trainer.alice', 'POST', `/api/feedback/courses/${course.id}/messages`, {
        toUserId: userId(TEACHER),
        message: words,
      });
    }).toPass({ timeout: 10_000 });

    await signInAs(page, TEACHER, '/notifications');
    const notice = page
      .getByRole('listitem')
      .filter({ hasText: `Nouveau message dans « ${course.title} ».` });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText(words);
    await expect(notice.getByRole('link', { name: /^Voir/ })).toHaveAttribute('href', '/messages');
    await expectNoAccessibilityViolations(page);
  });
});
