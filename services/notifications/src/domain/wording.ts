import { frenchDay } from './calendar';
import type { NoticeFacts, NoticeKind } from './notice';

/** The portal page a notice leads to; a path of the portal (apps/portal/src/routes.tsx). */
export function linkOf(facts: Pick<NoticeFacts, 'kind' | 'courseId'>): string {
  switch (facts.kind) {
    case 'feedback-reply':
    case 'feedback-status':
      return '/mes-retours';
    case 'feedback-new':
      return `/formateur/parcours/${facts.courseId}/retours`;
    case 'completion-recorded':
    case 'course-closing':
      return `/mes-parcours/${facts.courseId}`;
    case 'message-new':
      // The portal lists a person's messages on one page, every course together.
      return '/messages';
  }
}

export const statusWords = { acknowledged: 'pris en compte', addressed: 'traité' } as const;

function course(title: string): string {
  return title ? `« ${title} »` : 'un de vos parcours';
}

/** One French sentence that says what happened, and nothing of what anybody wrote. */
export function sentenceOf(facts: NoticeFacts): string {
  switch (facts.kind) {
    case 'feedback-reply':
      return `Un formateur a répondu à l’un de vos retours dans ${course(facts.courseTitle)}.`;
    case 'feedback-status':
      return `L’un de vos retours dans ${course(facts.courseTitle)} est désormais ${
        statusWords[facts.status ?? 'acknowledged']
      }.`;
    case 'feedback-new': {
      const count = facts.count ?? 1;
      return count === 1
        ? `1 nouveau retour dans ${course(facts.courseTitle)}.`
        : `${count} nouveaux retours dans ${course(facts.courseTitle)}.`;
    }
    case 'completion-recorded':
      return `Votre formation ${course(facts.courseTitle)} est terminée : ses heures sont comptées dans votre temps de travail.`;
    case 'message-new':
      return `Nouveau message dans ${course(facts.courseTitle)}.`;
    case 'course-closing': {
      // Training is voluntary (L1): a reminder, never a summons.
      const when = facts.closesOn ? `le ${frenchDay(facts.closesOn)}` : 'bientôt';
      return `${facts.courseTitle ? `« ${facts.courseTitle} »` : 'Un de vos parcours'} se termine ${when} : pensez à terminer votre parcours si vous le souhaitez.`;
    }
  }
}

/** How a kind is named on the preferences page and at the foot of each mail. */
export const kindLabels: Record<NoticeKind, string> = {
  'feedback-reply': 'Réponse à l’un de mes retours',
  'feedback-status': 'Changement de statut de l’un de mes retours',
  'feedback-new': 'Nouveaux retours dans un parcours que j’anime',
  'completion-recorded': 'Formation terminée',
  'message-new': 'Nouveau message',
  'course-closing': 'Parcours bientôt clos',
};
