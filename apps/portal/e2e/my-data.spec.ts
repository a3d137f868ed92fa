import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import { expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { userId } from './support/realm';
import { saveScreenshot } from './support/screenshots';
import { signInAs } from './support/sign-in';

// Someone no other spec signs in as: what the page shows about him is only what this test did.
const TEACHER = 'teacher.34';
// Five participants: anonymous feedback opens at five (ADR 0016).
const COLLEAGUES = ['teacher.35', 'teacher.36', 'teacher.37', 'teacher.38'];

interface DownloadedData {
  exportedOn: string;
  services: { service: string; kinds: { kind: string; records: Record<string, unknown>[] }[] }[];
}

test.describe('Mes données', () => {
  test('shows a teacher what each service holds about him, why and for how long, and downloads it as one file', async ({
    page,
    request,
  }) => {
    const course = await createCourse(request, {
      prefix: 'Mes données',
      colleagues: [TEACHER, ...COLLEAGUES],
    });
    await callApi(
      request,
      TEACHER,
      'PUT',
      `/api/progress/courses/${course.id}/activities/accueil/completion`,
      {
        done: true,
      },
    );
    const message = 'Le rythme des classes virtuelles me convient, merci.';
    await callApi(request, TEACHER, 'POST', `/api/feedback/courses/${course.id}/feedback`, {
      category: 'workload-time',
      intensity: 2,
      message,
      visibility: 'named',
    });
    const anonymous = 'Je n’ose pas dire en classe virtuelle que je décroche.';
    await callApi(request, TEACHER, 'POST', `/api/feedback/courses/${course.id}/feedback`, {
      category: 'workload-time',
      intensity: 4,
      message: anonymous,
      visibility: 'anonymous',
    });

    await signInAs(page, TEACHER, '/');
    await page.getByRole('banner').getByRole('link', { name: 'Mes données' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes données' })).toBeVisible();

    const enrollment = page.getByRole('region', { name: 'Inscriptions et heures de formation' });
    await expect(enrollment).toContainText(course.title);
    const feedback = page.getByRole('region', { name: 'Retours et messages' });
    await expect(feedback).toContainText(message);
    await expect(feedback).not.toContainText(anonymous);
    await expect(page.getByRole('region', { name: 'Vos retours anonymes' })).toContainText(anonymous);
    await expect(page.getByRole('region', { name: 'Statistiques' })).toContainText(
      'Ce service ne détient aucune donnée qui vous désigne.',
    );
    const notRecorded = page.getByRole('region', { name: 'Ce que Relais n’enregistre pas' });
    await expect(notRecorded.getByRole('listitem').first()).toBeVisible();
    expect(await notRecorded.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);

    await enrollment
      .getByRole('button', { name: /^Pourquoi « / })
      .first()
      .click();
    await expect(enrollment).toContainText('Mission d’intérêt public');
    await expectNoAccessibilityViolations(page);
    await saveScreenshot(page, 'mes-donnees');

    const button = page.getByRole('button', { name: 'Télécharger (JSON)' });
    await expect(button).toBeEnabled();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^relais-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    const downloaded = JSON.parse(text) as DownloadedData;
    expect(downloaded.services.map((service) => service.service)).toEqual([
      'enrollment',
      'progress',
      'feedback',
      // The second feedback answer: what only his own request ties to him.
      'feedback',
      'notifications',
      'stats',
    ]);
    expect(downloaded.services[3]?.kinds.map((kind) => kind.kind)).toContain('anonymous-feedback');
    expect(text).toContain(course.id);
    expect(text).toContain(message);
    expect(text).toContain(anonymous);
    // The other members' names are their data, not his: only his own entry leaves.
    const members = await callApi<{ userId: string; name: string }[]>(
      request,
      'trainer.alice',
      'GET',
      `/api/enrollment/courses/${course.id}/participants`,
    );
    const others = members.filter((member) => member.userId !== userId(TEACHER));
    expect(others.length).toBeGreaterThanOrEqual(2);
    for (const other of others) expect(text).not.toContain(other.name);
  });

  test('shows a trainer her own data too', async ({ page, request }) => {
    const course = await createCourse(request, { prefix: 'Mes données formatrice' });

    await signInAs(page, 'trainer.alice', '/mes-donnees');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes données' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Inscriptions et heures de formation' })).toContainText(
      course.title,
    );
    await expectNoAccessibilityViolations(page);
  });
});
