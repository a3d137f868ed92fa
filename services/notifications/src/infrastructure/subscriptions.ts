import {
  completionRecorded,
  feedbackItemPosted,
  feedbackMessageSent,
  feedbackReplyPosted,
  feedbackStatusChanged,
  readEvent,
  topics,
} from '@relais/contracts';
import type { Subscription } from '@relais/bus';
import { rosterSubscription, type RosterStore } from '@relais/roster';
import type { NotificationUseCases } from '../application/notification-use-cases';

/**
 * The enrollment events it reads: the roster replica (course titles, statuses, planned closing
 * days, trainers and participants, completed or not), and completions, told once the roster has them. One group, so a completion never comes before its course.
 */
export function enrollmentSubscription(
  rosters: RosterStore,
  notifications: NotificationUseCases,
): Subscription {
  const roster = rosterSubscription('notifications.enrollment', rosters);
  const updateRoster = roster.handlers[completionRecorded.type]!;
  return {
    ...roster,
    handlers: {
      ...roster.handlers,
      [completionRecorded.type]: async (envelope, delivery) => {
        await updateRoster(envelope, delivery);
        await notifications.completionRecorded(envelope.id, readEvent(completionRecorded, envelope));
      },
    },
  };
}

/** The feedback events it reads: what was posted, replied, decided and sent, never what was written. */
export function feedbackSubscription(notifications: NotificationUseCases): Subscription {
  return {
    groupId: 'notifications.feedback',
    topic: topics.feedbackEvents,
    fromBeginning: true,
    handlers: {
      [feedbackItemPosted.type]: (envelope) =>
        notifications.itemPosted(envelope.id, readEvent(feedbackItemPosted, envelope)),
      [feedbackReplyPosted.type]: (envelope) =>
        notifications.replyPosted(envelope.id, readEvent(feedbackReplyPosted, envelope)),
      [feedbackStatusChanged.type]: (envelope) =>
        notifications.statusChanged(envelope.id, readEvent(feedbackStatusChanged, envelope)),
      [feedbackMessageSent.type]: (envelope) =>
        notifications.messageSent(envelope.id, readEvent(feedbackMessageSent, envelope)),
    },
  };
}
