import { InMemoryDocuments } from '@relais/store';
import type { Message } from '../../domain/message';
import type { MessageStore } from '../../application/ports';

export class InMemoryMessageStore implements MessageStore {
  private readonly messages = new InMemoryDocuments<Message & { sequence: number }>();
  private sequence = 0;

  async add(message: Message): Promise<void> {
    this.sequence += 1;
    this.messages.set(message.id, { ...message, sequence: this.sequence });
  }

  async involving(userId: string): Promise<Message[]> {
    return this.messages
      .find((m) => m.fromUserId === userId || m.toUserId === userId)
      .sort((a, b) => b.sequence - a.sequence)
      .map(({ sequence: _sequence, ...message }) => message);
  }
}
