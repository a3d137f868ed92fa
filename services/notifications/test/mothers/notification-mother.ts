import { randomUUID } from 'node:crypto';
import type { DigestEntry, QueuedMail } from '../../src/application/ports';
import type { Notice, NoticeFacts } from '../../src/domain/notice';

/** Object mothers: a valid record of each kind, changed only where a test says so. */
export function aNoticeFacts(overrides: Partial<NoticeFacts> = {}): NoticeFacts {
  return {
    kind: 'feedback-reply',
    courseId: randomUUID(),
    courseTitle: 'Enseigner la lecture au CP',
    ...overrides,
  };
}

export function aNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    ...aNoticeFacts(),
    id: randomUUID().replaceAll('-', '').slice(0, 22),
    recipient: randomUUID(),
    createdOn: '2026-12-07',
    read: false,
    ...overrides,
  };
}

export function aDigestEntry(overrides: Partial<DigestEntry> = {}): DigestEntry {
  return {
    id: randomUUID(),
    recipient: randomUUID(),
    day: '2026-12-07',
    facts: aNoticeFacts({ kind: 'feedback-new', count: 1 }),
    withNotice: true,
    ...overrides,
  };
}

export function aQueuedMail(overrides: Partial<QueuedMail> = {}): QueuedMail {
  return {
    id: randomUUID(),
    recipient: randomUUID(),
    to: 'teacher.01@demo.relais.invalid',
    subject: 'Relais : un formateur a répondu',
    text: 'Bonjour,',
    html: '<p>Bonjour,</p>',
    unsubscribeUrl: 'http://localhost:8080/api/notifications/unsubscribe/x.y',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: new Date('2026-12-07T08:00:00Z'),
    updatedOn: '2026-12-07',
    ...overrides,
  };
}
