import { membershipOf, type RosterStore } from '@relais/roster';
import type { Message } from '../domain/message';
import { CourseNotFound, RecipientNotInCourse } from './errors';
import type { MessageStore } from './ports';

export interface Sender {
  id: string;
  name: string;
}

/** L6: a member contacts a trainer or a colleague of the same course, individually. */
export class MessagingUseCases {
  constructor(
    private readonly rosters: RosterStore,
    private readonly messages: MessageStore,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {}

  async send(sender: Sender, courseId: string, toUserId: string, text: string): Promise<Message> {
    const roster = await this.rosters.get(courseId);
    if (membershipOf(roster, sender.id) === 'none' || !roster) throw new CourseNotFound();
    const recipient = [...roster.trainers, ...roster.participants].find(
      (person) => person.userId === toUserId,
    );
    if (!recipient || recipient.userId === sender.id) throw new RecipientNotInCourse();
    const message: Message = {
      id: this.newId(),
      courseId,
      fromUserId: sender.id,
      fromName: sender.name,
      toUserId: recipient.userId,
      toName: recipient.name,
      text,
      sentOn: this.now().toISOString().slice(0, 10),
    };
    await this.messages.add(message);
    return message;
  }

  mine(userId: string): Promise<Message[]> {
    return this.messages.involving(userId);
  }
}
