import { randomBytes } from 'node:crypto';
import { extractText } from 'unpdf';
import { demoRealmFile, startServiceHarness, userIdOf, type ServiceHarness } from '@relais/testing';
import { createEnrollmentService, inMemoryAdapters } from '../../src/index';
import { courseWith, lyonCourse, startEnrollmentHarness } from './enrollment-harness';

/**
 * Issue 20, point 4: the "Attestation de formation" of each completed course, for the teacher alone;
 * its code confirmed by a public route while the completion stands.
 */
describe('attestations of training', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startEnrollmentHarness();
  });
  afterAll(async () => harness.stop());

  const complete = (courseId: string, teacher: string, completed = true) =>
    harness.call(
      'trainer.alice',
      'PUT',
      `/api/enrollment/courses/${courseId}/enrollments/${userIdOf(teacher)}/completion`,
      { completed },
    );
  const attestationsOf = async (teacher: string) =>
    (await harness.call(teacher, 'GET', '/api/enrollment/me/attestations')).body;
  const verify = (code: string) => harness.call(undefined, 'GET', `/api/enrollment/verify/${code}`);

  /** The PDF as the browser gets it, and its text as a PDF reader extracts it. */
  async function download(teacher: string | undefined, path: string) {
    const response = await fetch(`${harness.apiUrl}/api/enrollment${path}`, {
      headers: teacher ? { authorization: `Bearer ${await harness.token(teacher)}` } : {},
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const isPdf = response.headers.get('content-type') === 'application/pdf';
    const text = isPdf ? (await extractText(bytes.slice(), { mergePages: true })).text : '';
    return { response, bytes, text: text.replace(/\s+/g, ' ') };
  }

  async function completedCourse(title: string, teachers = ['teacher.01']): Promise<string> {
    const created = await harness.call(
      'manager.lyon',
      'POST',
      '/api/enrollment/courses',
      lyonCourse({
        title,
        predictedHours: 7.5,
        trainerIds: [userIdOf('trainer.alice'), userIdOf('trainer.bruno')],
      }),
    );
    for (const teacher of teachers) {
      await harness.call(teacher, 'POST', `/api/enrollment/courses/${created.body.id}/enrollments`);
      expect((await complete(created.body.id, teacher)).status).toBe(200);
    }
    return created.body.id;
  }

  it('gives the teacher his PDF, stating his name, the course, hours, academy, day and trainers', async () => {
    const courseId = await completedCourse('Lire et comprendre au CP');
    const { attestations } = await attestationsOf('teacher.01');
    const listed = attestations.find(
      (attestation: { courseId: string }) => attestation.courseId === courseId,
    );
    const { response, bytes, text } = await download('teacher.01', `/me/attestations/${courseId}.pdf`);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="attestation-/);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(text).toContain('Attestation de formation');
    expect(text).toContain('RÉPUBLIQUE FRANÇAISE');
    const teacher = (
      await harness.call('teacher.01', 'GET', '/api/enrollment/courses/' + courseId + '/participants')
    ).body.find((person: { userId: string }) => person.userId === userIdOf('teacher.01'));
    expect(text).toContain(teacher.name);
    expect(text).toContain('Lire et comprendre au CP');
    expect(text).toContain('7,5 heures');
    expect(text).toContain('Académie Lyon');
    expect(text).toContain(frenchToday());
    for (const trainer of ['trainer.alice', 'trainer.bruno']) {
      const name = (
        await harness.call(trainer, 'GET', `/api/enrollment/courses/${courseId}/participants`)
      ).body.find((person: { userId: string }) => person.userId === userIdOf(trainer)).name;
      expect(text).toContain(name);
    }
    expect(text).toContain(`Code de vérification : ${listed.code}`);
    expect(text).toContain(`${harness.apiUrl}/verifier/${listed.code}`);
  });

  it('lists his attestations with the school year each falls in', async () => {
    const courseId = await completedCourse('Écrire au CE1');
    const { attestations, schoolYears } = await attestationsOf('teacher.01');
    const listed = attestations.find(
      (attestation: { courseId: string }) => attestation.courseId === courseId,
    );
    expect(listed).toEqual(
      expect.objectContaining({
        courseTitle: 'Écrire au CE1',
        academy: 'lyon',
        creditedHours: 7.5,
        completedOn: todayInParis(),
        schoolYear: schoolYearNow(),
        code: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/),
      }),
    );
    const year = schoolYears.find((entry: { schoolYear: string }) => entry.schoolYear === schoolYearNow());
    const inYear = attestations.filter((a: { schoolYear: string }) => a.schoolYear === schoolYearNow());
    expect(year.courses).toBe(inYear.length);
    expect(year.totalCreditedHours).toBe(7.5 * inYear.length);
  });

  it('sums a school year’s attestations in one PDF', async () => {
    const first = await completedCourse('Résoudre des problèmes', ['teacher.03']);
    const second = await completedCourse('Enseigner l’oral', ['teacher.03']);
    const { attestations } = await attestationsOf('teacher.03');
    const { response, text } = await download(
      'teacher.03',
      `/me/attestations/school-years/${schoolYearNow()}.pdf`,
    );
    expect(response.status).toBe(200);
    expect(text).toContain('Récapitulatif des heures de formation');
    expect(text).toContain(`Année scolaire ${schoolYearNow()}`);
    expect(text).toContain('Résoudre des problèmes');
    expect(text).toContain('Enseigner l’oral');
    expect(text).toContain('15 heures');
    for (const courseId of [first, second]) {
      const { code } = attestations.find((a: { courseId: string }) => a.courseId === courseId);
      expect(text).toContain(code);
    }
  });

  it('answers 404 for a school year without attestation, and 400 for what is not a school year', async () => {
    const empty = await harness.call(
      'teacher.04',
      'GET',
      '/api/enrollment/me/attestations/school-years/2019-2020.pdf',
    );
    expect(empty.status).toBe(404);
    expect(empty.body.code).toBe('ATTESTATION_NOT_FOUND');
    const malformed = await harness.call(
      'teacher.04',
      'GET',
      '/api/enrollment/me/attestations/school-years/2019.pdf',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/2026-2027/);
  });

  it('is for the teacher alone: another teacher gets 404, a trainer of the course 403', async () => {
    const courseId = await completedCourse('Les fractions au cycle 3');
    const other = await harness.call('teacher.02', 'GET', `/api/enrollment/me/attestations/${courseId}.pdf`);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('ATTESTATION_NOT_FOUND');
    const trainer = await harness.call(
      'trainer.alice',
      'GET',
      `/api/enrollment/me/attestations/${courseId}.pdf`,
    );
    expect(trainer.status).toBe(403);
    expect((await attestationsOf('teacher.02')).attestations).not.toContainEqual(
      expect.objectContaining({ courseId }),
    );
  });

  it('has none before completion', async () => {
    const courseId = await courseWith(harness, ['teacher.05']);
    const answer = await harness.call('teacher.05', 'GET', `/api/enrollment/me/attestations/${courseId}.pdf`);
    expect(answer.status).toBe(404);
  });

  it('is confirmed by its code, publicly, with what it states and nothing more', async () => {
    const courseId = await completedCourse('Apprendre à lire l’heure', ['teacher.06']);
    const { attestations } = await attestationsOf('teacher.06');
    const mine = attestations.find((a: { courseId: string }) => a.courseId === courseId);
    const answer = await verify(mine.code);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { courseId: _courseId, schoolYear: _schoolYear, ...printed } = mine;
    expect(answer.body).toEqual(printed);
    expect(Object.keys(answer.body).sort()).toEqual(
      [
        'academy',
        'code',
        'completedOn',
        'courseTitle',
        'creditedHours',
        'teacherName',
        'trainerNames',
      ].sort(),
    );
  });

  it('answers 404 problem+json for an unknown code, and 400 for what cannot be a code', async () => {
    const unknown = await verify('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('ATTESTATION_NOT_FOUND');
    const malformed = await verify('not-a-code');
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/7K3M-Q9XD-2HNB-W4PT/);
  });

  it('is revoked with the completion: its code answers 404 and the PDF is gone; a new completion issues a new code', async () => {
    const courseId = await completedCourse('Les sciences en maternelle', ['teacher.07']);
    const before = (await attestationsOf('teacher.07')).attestations.find(
      (a: { courseId: string }) => a.courseId === courseId,
    );
    expect((await verify(before.code)).status).toBe(200);

    expect((await complete(courseId, 'teacher.07', false)).status).toBe(200);
    const revoked = await verify(before.code);
    expect(revoked.status).toBe(404);
    expect(revoked.body.code).toBe('ATTESTATION_NOT_FOUND');
    expect((await download('teacher.07', `/me/attestations/${courseId}.pdf`)).response.status).toBe(404);

    expect((await complete(courseId, 'teacher.07')).status).toBe(200);
    const after = (await attestationsOf('teacher.07')).attestations.find(
      (a: { courseId: string }) => a.courseId === courseId,
    );
    expect(after.code).not.toBe(before.code);
    expect((await verify(before.code)).status).toBe(404);
    expect((await verify(after.code)).status).toBe(200);
  });

  it('outlives a withdrawal after completion: the hours were worked (ADR 0019)', async () => {
    const courseId = await completedCourse('Éducation musicale', ['teacher.08']);
    const { attestations } = await attestationsOf('teacher.08');
    const mine = attestations.find((a: { courseId: string }) => a.courseId === courseId);
    expect(
      (await harness.call('teacher.08', 'DELETE', `/api/enrollment/courses/${courseId}/enrollments/me`))
        .status,
    ).toBe(204);
    expect((await verify(mine.code)).status).toBe(200);
    expect((await attestationsOf('teacher.08')).attestations).toContainEqual(mine);
    const { response, text } = await download('teacher.08', `/me/attestations/${courseId}.pdf`);
    expect(response.status).toBe(200);
    expect(text).toContain('Éducation musicale');
  });

  it('keeps the name out of the problems it answers', async () => {
    const courseId = await completedCourse('Le calcul mental', ['teacher.09']);
    const name = (
      await harness.call('teacher.09', 'GET', `/api/enrollment/courses/${courseId}/participants`)
    ).body.find((person: { userId: string }) => person.userId === userIdOf('teacher.09')).name;
    const answers = [
      await harness.call('teacher.02', 'GET', `/api/enrollment/me/attestations/${courseId}.pdf`),
      await verify('ZZZZ-ZZZZ-ZZZZ-ZZZZ'),
    ];
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain(name);
  });
});

function todayInParis(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}

function schoolYearNow(): string {
  const [year, month] = todayInParis().split('-').map(Number);
  const start = (month ?? 1) >= 9 ? (year ?? 0) : (year ?? 0) - 1;
  return `${start}-${start + 1}`;
}

function frenchToday(): string {
  return new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(new Date());
}

describe('the address printed on an attestation', () => {
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => {
      return [
        createEnrollmentService({
          ...inMemoryAdapters({
            verifier: verifierFor('relais-enrollment'),
            realmFile: demoRealmFile,
            countingKey: randomBytes(32).toString('base64url'),
          }),
          publicUrl: 'https://relais.education.gouv.fr/',
        }),
      ];
    });
  });
  afterAll(async () => harness.stop());

  it('is on the configured public origin, whatever host the request reached', async () => {
    const courseId = await courseWith(harness, ['teacher.10']);
    await harness.call(
      'trainer.alice',
      'PUT',
      `/api/enrollment/courses/${courseId}/enrollments/${userIdOf('teacher.10')}/completion`,
      { completed: true },
    );
    const { code } = (await harness.call('teacher.10', 'GET', '/api/enrollment/me/attestations')).body
      .attestations[0];
    const response = await fetch(`${harness.apiUrl}/api/enrollment/me/attestations/${courseId}.pdf`, {
      headers: { authorization: `Bearer ${await harness.token('teacher.10')}` },
    });
    const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
    expect(text).toContain(`https://relais.education.gouv.fr/verifier/${code}`);
    expect(text).not.toContain(harness.apiUrl);
  });
});
