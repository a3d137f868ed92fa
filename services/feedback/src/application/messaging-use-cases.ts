import { createEvent, feedbackMessageSent } from '@relais/contracts';
import { membershipOf, type RosterStore } from '@relais/roster';
import type { Message } from '../domain/message';
import type { RequestContext } from './actor';
import { dayOf } from './calendar';
import { CourseNotFound, RecipientNotInCourse } from './errors';
import type { Clock, MessageStore } from './ports';
import type { Quotas } from './quotas';

/** L6: a member contacts a trainer or a colleague of the same course, individually. */
export class MessagingUseCases {
  constructor(
    private readonly rosters: RosterStore,
    private readonly messages: MessageStore,
    private readonly quotas: Quotas,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async send(
    { actor: sender, correlationId }: RequestContext,
    courseId: string,
    toUserId: string,
    text: string,
  ): Promise<Message> {
    const roster = await this.rosters.get(courseId);
    if (!roster || membershipOf(roster, sender.id) === 'none') throw new CourseNotFound();
    const recipient = [...roster.trainers, ...roster.participants].find(
      (person) => person.userId === toUserId,
    );
    if (!recipient || recipient.userId === sender.id) throw new RecipientNotInCourse();
    await this.quotas.take('message', sender.id, courseId);
    const message: Message = {
      id: this.newId(),
      courseId,
      fromUserId: sender.id,
      fromName: sender.name,
      toUserId: recipient.userId,
      toName: recipient.name,
      text,
      sentOn: dayOf(this.clock.now()),
    };
    // The recipient is told that a message came, never by whom nor what it says (ADR 0030).
    const sent = createEvent(
      feedbackMessageSent,
      { messageId: message.id, courseId, recipientId: recipient.userId },
      { source: 'feedback', correlationId, now: this.clock.now() },
    );
    await this.messages.add(message, [sent]);
    return message;
  }

  mine(userId: string): Promise<Message[]> {
    return this.messages.involving(userId);
  }
}
