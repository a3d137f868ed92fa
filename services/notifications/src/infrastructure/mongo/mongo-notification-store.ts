import mongoose from 'mongoose';
import { isDuplicateKeyError } from '@relais/store';
import type { Notice, NoticeFacts, Preferences } from '../../domain/notice';
import type {
  DigestEntry,
  HeldAbout,
  HeldAboutDeleted,
  MailAttempt,
  NotificationStore,
  QueuedMail,
  SealedItemAuthor,
} from '../../application/ports';
import type {
  DigestRecord,
  MailRecord,
  NoticeRecord,
  NotificationModels,
  SealRecord,
} from './notification-models';

async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

function factsOf(
  record: Pick<NoticeRecord, 'kind' | 'courseId' | 'courseTitle' | 'count' | 'status' | 'closesOn'>,
): NoticeFacts {
  return {
    kind: record.kind as NoticeFacts['kind'],
    courseId: record.courseId,
    courseTitle: record.courseTitle,
    ...(record.count === undefined || record.count === null ? {} : { count: record.count }),
    ...(record.status ? { status: record.status as NonNullable<NoticeFacts['status']> } : {}),
    ...(record.closesOn ? { closesOn: record.closesOn } : {}),
  };
}

const noticeOf = (record: NoticeRecord): Notice => ({
  ...factsOf(record),
  id: record._id,
  recipient: record.recipient,
  createdOn: record.createdOn,
  read: record.read,
});

const digestEntryOf = (record: DigestRecord): DigestEntry => ({
  id: record._id,
  recipient: record.recipient,
  day: record.day,
  facts: factsOf(record.facts),
  withNotice: record.withNotice,
});

const mailOf = ({ _id, ...mail }: MailRecord): QueuedMail => ({ id: _id, ...mail });

// Operators are marked trusted: the connection sanitizes filters, so a value from a request can never be one.

/** The notifications' own database (docs/design.md §3), on MongoDB and FerretDB alike. */
export class MongoNotificationStore implements NotificationStore {
  constructor(private readonly models: NotificationModels) {}

  addNotice({ id, ...notice }: Notice): Promise<boolean> {
    return insertOnce(() => this.models.notices.create({ _id: id, ...notice }));
  }

  async hasNotice(id: string): Promise<boolean> {
    return (await this.models.notices.exists({ _id: id }).exec()) !== null;
  }

  async noticesOf(recipient: string, limit: number): Promise<Notice[]> {
    const records = await this.models.notices
      .find({ recipient })
      .sort({ createdOn: -1, _id: 1 })
      .limit(limit)
      .lean<NoticeRecord[]>()
      .exec();
    return records.map(noticeOf);
  }

  unreadCountOf(recipient: string): Promise<number> {
    return this.models.notices.countDocuments({ recipient, read: false }).exec();
  }

  async markRead(recipient: string, noticeId: string): Promise<boolean> {
    const result = await this.models.notices
      .updateOne({ _id: noticeId, recipient }, { $set: { read: true } })
      .exec();
    return result.matchedCount === 1;
  }

  async preferencesOf(userId: string): Promise<Partial<Preferences> | undefined> {
    const record = await this.models.preferences.findById(userId).lean().exec();
    if (!record) return undefined;
    return Object.fromEntries(
      Object.entries(record.kinds ?? {}).filter(([, value]) => value !== undefined && value !== null),
    ) as Partial<Preferences>;
  }

  async setPreferences(userId: string, preferences: Preferences): Promise<void> {
    await this.models.preferences
      .updateOne({ _id: userId }, { $set: { kinds: preferences } }, { upsert: true })
      .exec();
  }

  async recordAddress(userId: string, address: string): Promise<void> {
    await this.models.addresses
      .updateOne({ _id: userId }, { $set: { value: address } }, { upsert: true })
      .exec();
  }

  async addressOf(userId: string): Promise<string | undefined> {
    return (await this.models.addresses.findById(userId).lean().exec())?.value;
  }

  async rememberAuthor(itemId: string, sealedAuthor: string, sealedIn: string): Promise<void> {
    await insertOnce(() => this.models.authors.create({ _id: itemId, value: sealedAuthor, sealedIn }));
  }

  async sealedAuthorOf(itemId: string): Promise<string | undefined> {
    return (await this.models.authors.findById(itemId).lean().exec())?.value;
  }

  /** Through a cursor, a batch at a time: the whole collection is never in memory at once. */
  async *sealedItemAuthors(): AsyncIterable<SealedItemAuthor> {
    const cursor = this.models.authors.find().lean<SealRecord>().cursor({ batchSize: 500 });
    for await (const record of cursor) {
      yield {
        itemId: record._id,
        sealedAuthor: record.value,
        ...(record.sealedIn ? { sealedIn: record.sealedIn } : {}),
      };
    }
  }

  async heldAbout(userId: string): Promise<HeldAbout> {
    const [notices, preferences, address, digest, mails] = await Promise.all([
      this.models.notices
        .find({ recipient: userId })
        .sort({ createdOn: -1, _id: 1 })
        .lean<NoticeRecord[]>()
        .exec(),
      this.preferencesOf(userId),
      this.addressOf(userId),
      this.models.digest.find({ recipient: userId }).lean<DigestRecord[]>().exec(),
      this.models.mails.find({ recipient: userId }).lean<MailRecord[]>().exec(),
    ]);
    return {
      notices: notices.map(noticeOf),
      preferences,
      address,
      digest: digest.map(digestEntryOf),
      mails: mails.map(mailOf),
    };
  }

  /**
   * Bulk deletes by the indexes `heldAbout` reads by (recipient, or the id itself). A dispatcher
   * sending one of his mails at this moment settles it afterwards with an update that matches nothing
   * (no upsert), so the mail does not come back; the mail itself may still leave.
   */
  async deleteHeldAbout(userId: string): Promise<HeldAboutDeleted> {
    const [notices, preferences, addresses, digestEntries, mails] = await Promise.all([
      this.models.notices.deleteMany({ recipient: userId }).exec(),
      this.models.preferences.deleteOne({ _id: userId }).exec(),
      this.models.addresses.deleteOne({ _id: userId }).exec(),
      this.models.digest.deleteMany({ recipient: userId }).exec(),
      this.models.mails.deleteMany({ recipient: userId }).exec(),
    ]);
    return {
      notices: notices.deletedCount,
      preferences: preferences.deletedCount,
      addresses: addresses.deletedCount,
      digestEntries: digestEntries.deletedCount,
      mails: mails.deletedCount,
    };
  }

  async deleteSeals(itemIds: readonly string[]): Promise<number> {
    if (itemIds.length === 0) return 0;
    const result = await this.models.authors
      .deleteMany({ _id: mongoose.trusted({ $in: [...itemIds] }) })
      .exec();
    return result.deletedCount;
  }

  async addToDigest({ id, ...entry }: DigestEntry): Promise<void> {
    await insertOnce(() => this.models.digest.create({ _id: id, ...entry }));
  }

  async digestBefore(day: string): Promise<DigestEntry[]> {
    const records = await this.models.digest
      .find({ day: mongoose.trusted({ $lt: day }) })
      .lean<DigestRecord[]>()
      .exec();
    return records.map(digestEntryOf);
  }

  async removeFromDigest(ids: readonly string[]): Promise<void> {
    if (ids.length > 0)
      await this.models.digest.deleteMany({ _id: mongoose.trusted({ $in: [...ids] }) }).exec();
  }

  async enqueueMail({ id, ...mail }: QueuedMail): Promise<void> {
    await insertOnce(() => this.models.mails.create({ _id: id, ...mail }));
  }

  async dueMails(now: Date, limit: number): Promise<QueuedMail[]> {
    const records = await this.models.mails
      .find({ state: 'pending', nextAttemptAt: mongoose.trusted({ $lte: now }) })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean<MailRecord[]>()
      .exec();
    return records.map(mailOf);
  }

  /**
   * Conditional on the mail being as it was seen. FerretDB does not make this atomic across
   * processes (ADR 0002), so two dispatchers may rarely both send one mail: a duplicate, never a loss.
   */
  async claimMail(id: string, seen: MailAttempt, until: Date): Promise<boolean> {
    const result = await this.models.mails
      .updateOne(
        { _id: id, state: 'pending', attempts: seen.attempts, nextAttemptAt: seen.nextAttemptAt },
        { $set: { nextAttemptAt: until } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async settleMail(
    id: string,
    change: Pick<QueuedMail, 'state' | 'attempts' | 'nextAttemptAt' | 'updatedOn'>,
  ): Promise<void> {
    await this.models.mails.updateOne({ _id: id }, { $set: change }).exec();
  }

  async deleteNoticesBefore(day: string): Promise<number> {
    const result = await this.models.notices.deleteMany({ createdOn: mongoose.trusted({ $lt: day }) }).exec();
    return result.deletedCount;
  }

  async deleteFinishedMailsBefore(day: string): Promise<number> {
    const result = await this.models.mails
      .deleteMany({
        state: mongoose.trusted({ $in: ['sent', 'undeliverable'] }),
        updatedOn: mongoose.trusted({ $lt: day }),
      })
      .exec();
    return result.deletedCount;
  }

  countDigestBefore(day: string): Promise<number> {
    return this.models.digest.countDocuments({ day: mongoose.trusted({ $lt: day }) }).exec();
  }

  async deleteSealsBefore(month: string): Promise<number> {
    const result = await this.models.authors
      .deleteMany({ sealedIn: mongoose.trusted({ $lt: month }) })
      .exec();
    return result.deletedCount;
  }

  /**
   * Only the seals still without a month: two replicas running it at once give them the same month
   * (or, at the turn of a month, the later one, which keeps them longer, never shorter).
   */
  async dateUndatedSeals(month: string): Promise<number> {
    const result = await this.models.authors
      .updateMany({ sealedIn: mongoose.trusted({ $exists: false }) }, { $set: { sealedIn: month } })
      .exec();
    return result.modifiedCount;
  }
}
