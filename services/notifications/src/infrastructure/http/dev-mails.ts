import escapeHtml from 'escape-html';
import type { RequestHandler } from 'express';
import type { InMemoryMailbox } from '../mail/in-memory-mailbox';

/**
 * `/dev/mails` of the standalone (mounted there only, never in production): the mails sent so far,
 * as a page or, with `Accept: application/json`, as JSON. Demo accounts' addresses only.
 */
export function devMailsHandler(mailbox: InMemoryMailbox): RequestHandler {
  return (req, res) => {
    const mails = mailbox.mails();
    res.setHeader('Cache-Control', 'no-store');
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ mails });
      return;
    }
    const items = mails
      .map(
        (mail) =>
          `<article><h2>${escapeHtml(mail.subject)}</h2><p>À : ${escapeHtml(mail.to)} · ${escapeHtml(
            mail.deliveredAt,
          )}</p><pre>${escapeHtml(mail.text)}</pre></article>`,
      )
      .join('<hr>');
    res
      .type('html')
      .send(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Courriels envoyés (démonstration)</title></head>' +
          `<body><main><h1>Courriels envoyés (démonstration)</h1><p>En mode autonome, Relais garde ici les courriels ` +
          `qu’il enverrait ; ${mails.length} à ce jour.</p>${items}</main></body></html>`,
      );
  };
}
