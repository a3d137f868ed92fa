import { readFile } from 'node:fs/promises';
import { extractText } from 'unpdf';
import { expect, test } from './support/fixtures';
import { callApi } from './support/api';
import { expectNoAccessibilityViolations } from './support/axe';
import { createCourse } from './support/courses';
import { userId } from './support/realm';
import { signInAs } from './support/sign-in';

// Nobody else's journeys use this teacher: his list holds this spec's course only, whatever ran before.
const TEACHER = 'teacher.24';

interface Attestations {
  attestations: { courseId: string; code: string; schoolYear: string }[];
}

async function pdfText(path: string): Promise<{ head: string; text: string }> {
  const bytes = new Uint8Array(await readFile(path));
  const { text } = await extractText(bytes.slice(), { mergePages: true });
  return { head: Buffer.from(bytes.subarray(0, 5)).toString('latin1'), text: text.replace(/\s+/g, ' ') };
}

test.describe('the attestation of training', () => {
  test('a teacher downloads it from "Mes parcours"; the address it prints confirms it, signed out', async ({
    page,
    request,
    browser,
  }) => {
    const course = await createCourse(request, {
      prefix: 'Attestation lecture',
      colleagues: [TEACHER],
      predictedHours: 7.5,
    });
    await callApi(
      request,
      'trainer.alice',
      'PUT',
      `/api/enrollment/courses/${course.id}/enrollments/${userId(TEACHER)}/completion`,
      { completed: true },
    );
    const { attestations } = await callApi<Attestations>(
      request,
      TEACHER,
      'GET',
      '/api/enrollment/me/attestations',
    );
    const attestation = attestations.find((entry) => entry.courseId === course.id);
    expect(attestation).toBeDefined();

    await signInAs(page, TEACHER, '/mes-parcours');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes parcours' })).toBeVisible();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: course.title }) });
    const link = card.getByRole('link', { name: /^Télécharger l’attestation \(PDF\)/ });
    await expect(link).toBeVisible();
    await expectNoAccessibilityViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const { head, text } = await pdfText(await download.path());
    expect(head).toBe('%PDF-');
    expect(text).toContain('Attestation de formation');
    expect(text).toContain(course.title);
    expect(text).toContain('7,5 heures');
    expect(text).toContain(attestation?.code ?? 'a code');

    const yearLink = page.getByRole('link', {
      name: new RegExp(`^Télécharger le récapitulatif ${attestation?.schoolYear} \\(PDF\\)`),
    });
    const [summary] = await Promise.all([page.waitForEvent('download'), yearLink.click()]);
    const year = await pdfText(await summary.path());
    expect(year.head).toBe('%PDF-');
    expect(year.text).toContain('Récapitulatif des heures de formation');
    expect(year.text).toContain(course.title);

    // The address printed on the document, opened by someone without an account.
    const printed = /https?:\/\/\S+\/verifier\/[0-9A-Z-]+/.exec(text)?.[0];
    expect(printed).toBeDefined();
    const signedOut = await browser.newContext({
      baseURL: new URL(printed ?? '/', page.url()).origin,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const stranger = await signedOut.newPage();
    try {
      await stranger.goto(printed ?? '/verifier/missing');
      await expect(
        stranger.getByRole('heading', { level: 1, name: 'Vérifier une attestation de formation' }),
      ).toBeVisible();
      await expect(stranger.getByText('Attestation valide')).toBeVisible();
      const statements = stranger.getByRole('main').locator('dl');
      await expect(statements).toContainText(course.title);
      await expect(statements).toContainText('7,5 heures');
      await expect(statements).toContainText(attestation?.code ?? 'a code');
      await expectNoAccessibilityViolations(stranger);

      await stranger.goto('/verifier/ZZZZ-ZZZZ-ZZZZ-ZZZZ');
      await expect(stranger.getByText('Aucune attestation valide ne porte ce code')).toBeVisible();
      await expectNoAccessibilityViolations(stranger);
    } finally {
      await signedOut.close();
    }
  });
});
