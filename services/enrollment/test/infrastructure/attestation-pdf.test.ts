import { extractText, getMeta } from 'unpdf';
import {
  attestationPdf,
  printable,
  schoolYearSummaryPdf,
} from '../../src/infrastructure/pdf/attestation-pdf';

const attestation = {
  code: '7K3M-Q9XD-2HNB-W4PT',
  teacherName: 'Zoé Łukasiewicz-Nguyễn',
  courseTitle: 'Le cœur du métier : l’oral « en classe »',
  academy: 'aix-marseille',
  creditedHours: 1.5,
  completedOn: '2026-11-20',
  trainerNames: ['Alice Marchand'],
};

const textOf = async (pdf: Buffer) =>
  (await extractText(new Uint8Array(pdf), { mergePages: true })).text.replace(/\s+/g, ' ');

describe('the printed attestation', () => {
  it('sets French text as it is written: accents, œ, typographic apostrophes and guillemets', async () => {
    const text = await textOf(
      await attestationPdf({
        attestation,
        verificationUrl: 'https://relais.example/verifier/x',
        issuedOn: '2026-12-07',
      }),
    );
    expect(text).toContain('Le cœur du métier : l’oral « en classe »');
    expect(text).toContain('Académie Aix-Marseille');
    expect(text).toContain('1,5 heure');
    expect(text).toContain('20 novembre 2026');
    expect(text).toContain('Formateur Alice Marchand');
    expect(text).toContain('Document délivré le 7 décembre 2026');
  });

  it('writes a letter its font lacks without the accent rather than as garbage', async () => {
    expect(printable('Zoé Łukasiewicz-Nguyễn')).toBe('Zoé Lukasiewicz-Nguyen');
    expect(printable('Ａ')).toBe('?');
    const text = await textOf(
      await attestationPdf({
        attestation,
        verificationUrl: 'https://relais.example/verifier/x',
        issuedOn: '2026-12-07',
      }),
    );
    expect(text).toContain('Zoé Lukasiewicz-Nguyen');
  });

  it('names no one in the file’s metadata, which travels with the file', async () => {
    const pdf = await attestationPdf({
      attestation,
      verificationUrl: 'https://r.example/v',
      issuedOn: '2026-12-07',
    });
    const { info } = await getMeta(new Uint8Array(pdf));
    expect(info).toEqual(expect.objectContaining({ Title: 'Attestation de formation', Author: 'Relais' }));
    expect(JSON.stringify(info)).not.toMatch(/Zo|Nguy|kasiewicz/);
  });

  it('sums the school year and names each academy when the teacher changed academy', async () => {
    const text = await textOf(
      await schoolYearSummaryPdf({
        schoolYear: '2026-2027',
        teacherName: 'Zoé Martin',
        totalCreditedHours: 10.5,
        issuedOn: '2027-06-30',
        lines: [
          { attestation, verificationUrl: 'https://r.example/verifier/a' },
          {
            attestation: { ...attestation, code: 'A1B2-C3D4-E5F6-G7H8', academy: 'lyon', creditedHours: 9 },
            verificationUrl: 'https://r.example/verifier/b',
          },
        ],
      }),
    );
    expect(text).toContain('du 1er septembre 2026 au 31 août 2027');
    expect(text).toContain('Total des heures créditées 10,5 heures');
    expect(text).toContain('académie : Aix-Marseille');
    expect(text).toContain('académie : Lyon');
    expect(text).not.toContain('Académie : ');
  });
});
