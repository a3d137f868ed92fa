import { InMemoryOutboxStore, type OutboxFields, type PendingEvent } from '@relais/bus';
import { InMemoryDocuments } from '@relais/store';
import type { Message } from '../../domain/message';
import type { HeldMessage, MessageStore } from '../../application/ports';
import { summaryOf } from '../pending-event-summary';
import { isNoticePendingBefore } from '../pending-notices';

type MessageDocument = Message & { sequence: number } & OutboxFields;

export class InMemoryMessageStore implements MessageStore {
  private sequence = 0;

  /** `documents` may be shared with the outbox over the same messages. */
  constructor(private readonly messages = new InMemoryDocuments<MessageDocument>()) {}

  async add(message: Message, events: readonly PendingEvent[]): Promise<void> {
    this.sequence += 1;
    this.messages.set(message.id, { ...message, sequence: this.sequence, outbox: [...events] });
  }

  async involving(userId: string): Promise<Message[]> {
    return this.documentsInvolving(userId).map(messageOf);
  }

  async heldAbout(userId: string): Promise<HeldMessage[]> {
    return this.documentsInvolving(userId).map((document) => ({
      message: messageOf(document),
      pendingEvents: document.outbox.map(summaryOf),
    }));
  }

  async forgetCourses(courseIds: readonly string[]): Promise<number> {
    const past = new Set(courseIds);
    let forgotten = 0;
    for (const { id } of this.messages.find((document) => past.has(document.courseId))) {
      if (this.messages.delete(id)) forgotten += 1;
    }
    return forgotten;
  }

  async dropNoticesPendingBefore(day: string): Promise<number> {
    let dropped = 0;
    for (const { id } of this.messages.find((document) =>
      document.outbox.some((event) => isNoticePendingBefore(event, day)),
    )) {
      this.messages.update(id, (document) => {
        const kept = document?.outbox.filter((event) => !isNoticePendingBefore(event, day));
        if (!document || !kept || kept.length === document.outbox.length) return undefined;
        dropped += document.outbox.length - kept.length;
        return { ...document, outbox: kept };
      });
    }
    return dropped;
  }

  async forgetPerson(userId: string): Promise<number> {
    let forgotten = 0;
    for (const { id } of this.documentsInvolving(userId)) if (this.messages.delete(id)) forgotten += 1;
    return forgotten;
  }

  private documentsInvolving(userId: string): MessageDocument[] {
    return this.messages
      .find((m) => m.fromUserId === userId || m.toUserId === userId)
      .sort((a, b) => b.sequence - a.sequence);
  }
}

function messageOf({ id, courseId, fromUserId, fromName, toUserId, toName, text, sentOn }: Message): Message {
  return { id, courseId, fromUserId, fromName, toUserId, toName, text, sentOn };
}

/** The messages and their outbox over one shared map, as one collection would hold them. */
export function inMemoryMessageStores(): {
  messages: InMemoryMessageStore;
  messageOutbox: InMemoryOutboxStore<MessageDocument>;
} {
  const documents = new InMemoryDocuments<MessageDocument>();
  return {
    messages: new InMemoryMessageStore(documents),
    messageOutbox: new InMemoryOutboxStore(documents.documents),
  };
}
