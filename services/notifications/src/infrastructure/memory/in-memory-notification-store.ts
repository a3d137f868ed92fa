import { InMemoryDocuments } from '@relais/store';
import type { Notice, Preferences } from '../../domain/notice';
import type {
  DigestEntry,
  HeldAbout,
  HeldAboutDeleted,
  MailAttempt,
  NotificationStore,
  QueuedMail,
  SealedItemAuthor,
} from '../../application/ports';

const byNewestDay = (a: Notice, b: Notice) =>
  a.createdOn !== b.createdOn ? (a.createdOn < b.createdOn ? 1 : -1) : a.id < b.id ? -1 : 1;

/** Standalone mode and fast tests: the same contract as the mongo store (test/contracts). */
export class InMemoryNotificationStore implements NotificationStore {
  readonly notices = new InMemoryDocuments<Notice>();
  private readonly preferences = new InMemoryDocuments<Preferences>();
  private readonly addresses = new InMemoryDocuments<string>();
  readonly authors = new InMemoryDocuments<Omit<SealedItemAuthor, 'itemId'>>();
  private readonly digest = new InMemoryDocuments<DigestEntry>();
  readonly mails = new InMemoryDocuments<QueuedMail>();

  async hasNotice(id: string): Promise<boolean> {
    return this.notices.get(id) !== undefined;
  }

  async addNotice(notice: Notice): Promise<boolean> {
    if (this.notices.get(notice.id)) return false;
    this.notices.set(notice.id, notice);
    return true;
  }

  async noticesOf(recipient: string, limit: number): Promise<Notice[]> {
    return this.notices
      .find((notice) => notice.recipient === recipient)
      .sort(byNewestDay)
      .slice(0, limit);
  }

  async unreadCountOf(recipient: string): Promise<number> {
    return this.notices.find((notice) => notice.recipient === recipient && !notice.read).length;
  }

  async markRead(recipient: string, noticeId: string): Promise<boolean> {
    const notice = this.notices.get(noticeId);
    if (!notice || notice.recipient !== recipient) return false;
    this.notices.set(noticeId, { ...notice, read: true });
    return true;
  }

  async preferencesOf(userId: string): Promise<Partial<Preferences> | undefined> {
    return this.preferences.get(userId);
  }

  async setPreferences(userId: string, preferences: Preferences): Promise<void> {
    this.preferences.set(userId, preferences);
  }

  async recordAddress(userId: string, address: string): Promise<void> {
    this.addresses.set(userId, address);
  }

  async addressOf(userId: string): Promise<string | undefined> {
    return this.addresses.get(userId);
  }

  async rememberAuthor(itemId: string, sealedAuthor: string, sealedIn: string): Promise<void> {
    if (this.authors.get(itemId) === undefined) this.authors.set(itemId, { sealedAuthor, sealedIn });
  }

  async sealedAuthorOf(itemId: string): Promise<string | undefined> {
    return this.authors.get(itemId)?.sealedAuthor;
  }

  async *sealedItemAuthors(): AsyncIterable<SealedItemAuthor> {
    for (const [itemId, seal] of [...this.authors.documents]) yield { itemId, ...seal };
  }

  async heldAbout(userId: string): Promise<HeldAbout> {
    return {
      notices: this.notices.find((notice) => notice.recipient === userId).sort(byNewestDay),
      preferences: this.preferences.get(userId),
      address: this.addresses.get(userId),
      digest: this.digest.find((entry) => entry.recipient === userId),
      mails: this.mails.find((mail) => mail.recipient === userId),
    };
  }

  async deleteHeldAbout(userId: string): Promise<HeldAboutDeleted> {
    return {
      notices: deleteWhere(this.notices, (notice) => notice.recipient === userId),
      preferences: this.preferences.delete(userId) ? 1 : 0,
      addresses: this.addresses.delete(userId) ? 1 : 0,
      digestEntries: deleteWhere(this.digest, (entry) => entry.recipient === userId),
      mails: deleteWhere(this.mails, (mail) => mail.recipient === userId),
    };
  }

  async deleteSeals(itemIds: readonly string[]): Promise<number> {
    return itemIds.filter((itemId) => this.authors.delete(itemId)).length;
  }

  async addToDigest(entry: DigestEntry): Promise<void> {
    if (!this.digest.get(entry.id)) this.digest.set(entry.id, entry);
  }

  async digestBefore(day: string): Promise<DigestEntry[]> {
    return this.digest.find((entry) => entry.day < day);
  }

  async removeFromDigest(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.digest.delete(id);
  }

  async enqueueMail(mail: QueuedMail): Promise<void> {
    if (!this.mails.get(mail.id)) this.mails.set(mail.id, mail);
  }

  async dueMails(now: Date, limit: number): Promise<QueuedMail[]> {
    return this.mails
      .find((mail) => mail.state === 'pending' && mail.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
      .slice(0, limit);
  }

  async claimMail(id: string, seen: MailAttempt, until: Date): Promise<boolean> {
    const mail = this.mails.get(id);
    if (
      !mail ||
      mail.state !== 'pending' ||
      mail.attempts !== seen.attempts ||
      mail.nextAttemptAt.getTime() !== seen.nextAttemptAt.getTime()
    ) {
      return false;
    }
    this.mails.set(id, { ...mail, nextAttemptAt: until });
    return true;
  }

  async settleMail(
    id: string,
    change: Pick<QueuedMail, 'state' | 'attempts' | 'nextAttemptAt' | 'updatedOn'>,
  ): Promise<void> {
    const mail = this.mails.get(id);
    if (mail) this.mails.set(id, { ...mail, ...change });
  }

  async deleteNoticesBefore(day: string): Promise<number> {
    return deleteWhere(this.notices, (notice) => notice.createdOn < day);
  }

  async deleteFinishedMailsBefore(day: string): Promise<number> {
    return deleteWhere(this.mails, (mail) => mail.state !== 'pending' && mail.updatedOn < day);
  }

  async countDigestBefore(day: string): Promise<number> {
    return this.digest.find((entry) => entry.day < day).length;
  }

  async deleteSealsBefore(month: string): Promise<number> {
    return deleteWhere(this.authors, (seal) => seal.sealedIn !== undefined && seal.sealedIn < month);
  }

  async dateUndatedSeals(month: string): Promise<number> {
    let dated = 0;
    for (const [itemId, seal] of [...this.authors.documents]) {
      if (seal.sealedIn !== undefined) continue;
      this.authors.set(itemId, { ...seal, sealedIn: month });
      dated += 1;
    }
    return dated;
  }
}

function deleteWhere<T>(documents: InMemoryDocuments<T>, expired: (document: T) => boolean): number {
  let deleted = 0;
  for (const [id, document] of [...documents.documents]) {
    if (expired(document) && documents.delete(id)) deleted += 1;
  }
  return deleted;
}
