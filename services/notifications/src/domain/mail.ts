import { frenchDay } from './calendar';
import type { NoticeFacts, NoticeKind } from './notice';
import { kindLabels, linkOf, sentenceOf } from './wording';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Where links point: the portal, and a way out for each kind of mail, signed for its reader. */
export interface MailLinks {
  portalUrl: string;
  unsubscribeUrlOf(kind: NoticeKind): string;
}

// The domain imports nothing (dependency rules); the adapters use the escape-html package.
const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );

const signature = 'Relais, la plateforme de formation des enseignants';

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family: Marianne, Arial, sans-serif; color: #161616; max-width: 40rem">${body}` +
    `</body></html>`
  );
}

function footerText(kinds: readonly NoticeKind[], links: MailLinks): string {
  const ways = kinds.map(
    (kind) => `Ne plus recevoir « ${kindLabels[kind]} » par courriel : ${links.unsubscribeUrlOf(kind)}`,
  );
  return [
    '--',
    signature,
    ...ways,
    `Choisir ce que vous recevez : ${links.portalUrl}/notifications/preferences`,
  ].join('\n');
}

function footerHtml(kinds: readonly NoticeKind[], links: MailLinks): string {
  const ways = kinds
    .map(
      (kind) =>
        `<li><a href="${escapeHtml(links.unsubscribeUrlOf(kind))}">Ne plus recevoir « ${escapeHtml(
          kindLabels[kind],
        )} » par courriel</a></li>`,
    )
    .join('');
  return (
    `<hr><p style="font-size: 0.875rem">${signature}</p><ul style="font-size: 0.875rem">${ways}` +
    `<li><a href="${escapeHtml(links.portalUrl)}/notifications/preferences">Choisir ce que vous recevez</a></li></ul>`
  );
}

/** The mail of one notice, sent when it happens. */
export function immediateMail(facts: NoticeFacts, links: MailLinks): RenderedMail {
  const sentence = sentenceOf(facts);
  const url = `${links.portalUrl}${linkOf(facts)}`;
  const subject = `Relais : ${sentence.replace(/\.$/, '')}`;
  return {
    subject,
    text: ['Bonjour,', '', sentence, `Pour le voir : ${url}`, '', footerText([facts.kind], links)].join('\n'),
    html: page(
      subject,
      `<p>Bonjour,</p><p>${escapeHtml(sentence)}</p><p><a href="${escapeHtml(url)}">Voir dans Relais</a></p>` +
        footerHtml([facts.kind], links),
    ),
  };
}

/** The mail of a day's notices, sent once the day is over (ADR 0030). */
export function digestMail(day: string, notices: readonly NoticeFacts[], links: MailLinks): RenderedMail {
  const subject = `Relais : ce qui s’est passé le ${frenchDay(day)}`;
  const lines = notices.map((facts) => ({
    sentence: sentenceOf(facts),
    url: `${links.portalUrl}${linkOf(facts)}`,
  }));
  const kinds = [...new Set(notices.map((facts) => facts.kind))];
  return {
    subject,
    text: [
      'Bonjour,',
      '',
      `Le ${frenchDay(day)} :`,
      ...lines.map((line) => `- ${line.sentence} ${line.url}`),
      '',
      footerText(kinds, links),
    ].join('\n'),
    html: page(
      subject,
      `<p>Bonjour,</p><p>Le ${escapeHtml(frenchDay(day))} :</p><ul>` +
        lines
          .map(
            (line) =>
              `<li>${escapeHtml(line.sentence)} <a href="${escapeHtml(line.url)}">Voir dans Relais</a></li>`,
          )
          .join('') +
        `</ul>${footerHtml(kinds, links)}`,
    ),
  };
}
