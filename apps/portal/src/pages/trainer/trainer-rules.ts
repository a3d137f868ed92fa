import { fr } from '../../i18n/fr';
import type { Course } from '../../api/queries';
import type { FeedbackStatus, InboxItem } from './trainer-queries';

const t = fr.trainer.inbox;
export const STATUSES: readonly FeedbackStatus[] = ['open', 'acknowledged', 'addressed'];

/** A trainer only moves an item forward (ADR 0009): the choices are the current status and those after it. */
export function statusChoices(current: FeedbackStatus): FeedbackStatus[] {
  return STATUSES.slice(STATUSES.indexOf(current));
}

/**
 * Who wrote a reply, as the trainer may see it. On an anonymous item the author's replies carry no
 * name, and the portal adds none: "Auteur du retour" is the same for everyone.
 */
export function replyAuthorLabel(item: InboxItem, reply: InboxItem['replies'][number]): string {
  if (reply.by === 'trainer') return reply.name ?? fr.myFeedback.byTrainer;
  if (item.visibility === 'anonymous') return t.byAnonymousAuthor;
  return reply.name ?? item.author?.name ?? t.byAuthor;
}

/** GET /courses gives a trainer the open courses of his academy and his own ones: his own say so. */
export function coursesITeach(courses: readonly Course[]): Course[] {
  return courses.filter((course) => course.myRole === 'trainer');
}
