import type { Attestation } from '../../domain/course';

/** What a PDF of one attestation needs besides the attestation: where to check it, and today. */
export interface AttestationPrint {
  attestation: Attestation;
  /** The public page that confirms the attestation, printed in full so paper can be checked. */
  verificationUrl: string;
  issuedOn: string;
}

export interface SchoolYearPrint {
  schoolYear: string;
  teacherName: string;
  lines: { attestation: Attestation; verificationUrl: string }[];
  totalCreditedHours: number;
  issuedOn: string;
}

// DSFR colours: blue France for the rule under the title, the body text in the default grey.
const BLUE_FRANCE = '#000091';
const TEXT = '#161616';
const MENTION = '#666666';
const MARGIN = 56;

/**
 * Helvetica, one of the fonts every PDF reader has, is the DSFR's own fallback for Marianne, whose
 * licence reserves it to the State's websites and apps (ADR 0031). Its encoding (WinAnsi) covers
 * French; the few characters it lacks are written without their accent rather than as garbage.
 */
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';

// Every character Helvetica's WinAnsi encoding can print: Latin-1 and the few Windows-1252 extras.
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
// Letters whose accent is no combining mark, so NFD cannot take it off.
const BARE_LETTERS: Readonly<Record<string, string>> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
};
export function printable(text: string): string {
  return [...text.replace(/[\u202f\u2009\u00a0]/g, ' ')]
    .map((character) => {
      const code = character.codePointAt(0) ?? 0;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return character;
      if (WIN_ANSI_EXTRAS.includes(character)) return character;
      if (BARE_LETTERS[character]) return BARE_LETTERS[character];
      const bare = character.normalize('NFD').replace(/\p{M}/gu, '');
      return bare.length > 0 && [...bare].every((c) => (c.codePointAt(0) ?? 0) <= 0x7e) ? bare : '?';
    })
    .join('');
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
export const frenchDay = (day: string): string => dayFormat.format(new Date(`${day}T00:00:00Z`));

const hoursFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export const frenchHours = (hours: number): string =>
  `${hoursFormat.format(hours)} ${hours < 2 ? 'heure' : 'heures'}`;

/** lyon → Lyon, aix-marseille → Aix-Marseille: the academy as its name is written. */
export const academyName = (slug: string): string =>
  slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('-');

type Document = PDFKit.PDFDocument;

async function newDocument(title: string): Promise<Document> {
  // Loaded on first use: the PDF library and its font metrics cost nothing to a process that prints none.
  const { default: PDFDocument } = await import('pdfkit');
  return new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'fr-FR',
    displayTitle: true,
    // The metadata names the document, never the person: it travels with the file.
    info: { Title: title, Author: 'Relais', Creator: 'Relais', Producer: 'Relais' },
  });
}

function bytesOf(document: Document): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

/** The "République française" block of the DSFR header, as text: no State logo is reproduced. */
function brandBlock(document: Document, academy: string | undefined): void {
  document.fillColor(TEXT).font(BOLD).fontSize(12).text('RÉPUBLIQUE', MARGIN, MARGIN);
  document.text('FRANÇAISE');
  document.moveDown(0.3).font(ITALIC).fontSize(8).text('Liberté');
  document.text(printable('Égalité'));
  document.text('Fraternité');
  if (academy) {
    document
      .font(BOLD)
      .fontSize(10)
      .text(printable(`Académie : ${academyName(academy)}`), MARGIN, MARGIN, { align: 'right' });
  }
  document.font(REGULAR).fontSize(9).text('Relais, plateforme de formation', { align: 'right' });
  document.x = MARGIN;
  document.y = MARGIN + 100;
}

function titleBlock(document: Document, title: string, subtitle?: string): void {
  document.fillColor(TEXT).font(BOLD).fontSize(24).text(printable(title));
  if (subtitle) document.font(REGULAR).fontSize(13).text(printable(subtitle));
  const y = document.y + 8;
  document
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + 64, y)
    .lineWidth(3)
    .strokeColor(BLUE_FRANCE)
    .stroke();
  document.x = MARGIN;
  document.y = y + 24;
}

function field(document: Document, label: string, value: string): void {
  document.font(REGULAR).fontSize(10).fillColor(MENTION).text(printable(label));
  document.font(BOLD).fontSize(13).fillColor(TEXT).text(printable(value));
  document.moveDown(0.7);
}

function mention(document: Document, text: string): void {
  document.font(REGULAR).fontSize(9).fillColor(MENTION).text(printable(text));
}

const WORKING_TIME =
  'Le temps consacré par les enseignants qui participent à ces actions de formation est pris en compte dans leur temps de travail.';

/** One "Attestation de formation": what the attestation states, its code and where to check it. */
export async function attestationPdf({ attestation, verificationUrl, issuedOn }: AttestationPrint) {
  const document = await newDocument('Attestation de formation');
  brandBlock(document, attestation.academy);
  titleBlock(document, 'Attestation de formation');
  document.font(REGULAR).fontSize(11).fillColor(TEXT).text('Relais atteste que');
  document.moveDown(0.3).font(BOLD).fontSize(16).text(printable(attestation.teacherName));
  document.moveDown(0.3).font(REGULAR).fontSize(11).text('a terminé le parcours de formation suivant.');
  document.moveDown(1.5);
  field(document, 'Parcours', attestation.courseTitle);
  field(document, 'Académie', academyName(attestation.academy));
  field(document, 'Formation terminée le', frenchDay(attestation.completedOn));
  field(document, 'Durée prévisionnelle créditée', frenchHours(attestation.creditedHours));
  field(
    document,
    attestation.trainerNames.length > 1 ? 'Formateurs' : 'Formateur',
    attestation.trainerNames.join(', '),
  );
  document.moveDown(0.5);
  mention(document, WORKING_TIME);
  verificationBlock(document, attestation.code, verificationUrl, issuedOn);
  return bytesOf(document);
}

function verificationBlock(document: Document, code: string, url: string, issuedOn: string): void {
  document.moveDown(2);
  document.font(BOLD).fontSize(10).fillColor(TEXT).text(`Code de vérification : ${code}`);
  document
    .font(REGULAR)
    .fontSize(9)
    .fillColor(BLUE_FRANCE)
    .text(printable(url), { link: url, underline: true });
  document.moveDown(0.5);
  mention(
    document,
    `Cette page confirme l'attestation tant que la formation reste enregistrée comme terminée. ` +
      `Document délivré le ${frenchDay(issuedOn)}.`,
  );
}

/** The yearly summary: every attestation of a school year, with its code, and the hours in all. */
export async function schoolYearSummaryPdf(summary: SchoolYearPrint): Promise<Buffer> {
  const [start, end] = summary.schoolYear.split('-');
  const document = await newDocument(`Récapitulatif des heures de formation ${summary.schoolYear}`);
  // A teacher who changed academy during the year: the heading names none, each line names its own.
  const academies = new Set(summary.lines.map(({ attestation }) => attestation.academy));
  brandBlock(document, academies.size === 1 ? [...academies][0] : undefined);
  titleBlock(
    document,
    'Récapitulatif des heures de formation',
    `Année scolaire ${start}-${end} (du 1er septembre ${start} au 31 août ${end})`,
  );
  document.font(REGULAR).fontSize(11).fillColor(TEXT).text('Relais atteste que');
  document.moveDown(0.3).font(BOLD).fontSize(16).text(printable(summary.teacherName));
  document
    .moveDown(0.3)
    .font(REGULAR)
    .fontSize(11)
    .text('a terminé les parcours de formation suivants au cours de cette année scolaire.');
  document.moveDown(1.2);
  for (const { attestation, verificationUrl } of summary.lines) {
    if (document.y > document.page.height - 180) document.addPage();
    document.font(BOLD).fontSize(12).fillColor(TEXT).text(printable(attestation.courseTitle));
    document
      .font(REGULAR)
      .fontSize(10)
      .text(
        printable(
          `${frenchHours(attestation.creditedHours)}, terminé le ${frenchDay(attestation.completedOn)}, ` +
            `académie : ${academyName(attestation.academy)}, ` +
            `${attestation.trainerNames.length > 1 ? 'formateurs' : 'formateur'} : ${attestation.trainerNames.join(', ')}`,
        ),
      );
    document
      .fontSize(9)
      .fillColor(MENTION)
      .text(`Code de vérification : ${attestation.code} (${verificationUrl})`);
    document.moveDown(0.8);
  }
  document.moveDown(0.5);
  field(document, 'Total des heures créditées', frenchHours(summary.totalCreditedHours));
  mention(document, WORKING_TIME);
  document.moveDown(0.5);
  mention(
    document,
    'Chaque parcours se vérifie avec son code. ' + `Document délivré le ${frenchDay(summary.issuedOn)}.`,
  );
  return bytesOf(document);
}
