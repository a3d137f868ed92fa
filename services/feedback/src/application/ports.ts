import type { Message } from '../domain/message';

export interface MessageStore {
  add(message: Message): Promise<void>;
  /** Messages to or from this person, newest first. */
  involving(userId: string): Promise<Message[]>;
}
