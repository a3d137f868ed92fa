import type { z } from 'zod';
import { daysBetween, type FeedbackItem, type ItemRole } from '../../domain/feedback-item';
import type { Message } from '../../domain/message';
import type { itemView, messageView } from './schemas';

/**
 * What a reader of an item sees. The author's name reaches a trainer only on a named item; the
 * author token never leaves the service. `fromFormerParticipant` is read on named items only.
 */
export function itemViewOf(
  item: FeedbackItem,
  reader: ItemRole,
  fromFormerParticipant = false,
): z.input<typeof itemView> {
  return {
    id: item.id,
    courseId: item.courseId,
    category: item.category,
    intensity: item.intensity,
    message: item.message,
    visibility: item.visibility,
    ...(reader === 'trainer' && item.visibility === 'named' && item.authorName
      ? { author: { name: item.authorName, formerParticipant: fromFormerParticipant } }
      : {}),
    status: item.status,
    postedOn: item.postedOn,
    daysToFirstReply:
      item.firstTrainerReplyOn === undefined ? null : daysBetween(item.postedOn, item.firstTrainerReplyOn),
    replies: item.replies.map((reply) => ({
      id: reply.id,
      by: reply.by,
      ...(reply.name !== undefined && (reply.by === 'trainer' || item.visibility === 'named')
        ? { name: reply.name }
        : {}),
      message: reply.message,
      postedOn: reply.postedOn,
    })),
  };
}

export const messageViewOf = (m: Message): z.input<typeof messageView> => ({
  id: m.id,
  courseId: m.courseId,
  from: { userId: m.fromUserId, name: m.fromName },
  to: { userId: m.toUserId, name: m.toName },
  message: m.text,
  sentOn: m.sentOn,
});
