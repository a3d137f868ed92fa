import { InMemoryOutboxStore, type OutboxFields, type PendingEvent } from '@relais/bus';
import { InMemoryDocuments } from '@relais/store';
import type { Message } from '../../domain/message';
import type { HeldMessage, MessageStore } from '../../application/ports';
import { summaryOf } from '../pending-event-summary';

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
