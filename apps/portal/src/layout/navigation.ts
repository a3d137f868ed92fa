import type { Role } from '../auth/session';
import { fr } from '../i18n/fr';

export interface NavigationEntry {
  text: string;
  to: string;
}

/** Each audience sees its own pages only (docs/design.md §10); a person with two roles sees both sets. */
const entriesByRole: Record<Role, NavigationEntry[]> = {
  teacher: [
    { text: fr.nav.catalogue, to: '/catalogue' },
    { text: fr.nav.myCourses, to: '/mes-parcours' },
    { text: fr.nav.myFeedback, to: '/mes-retours' },
  ],
  trainer: [{ text: fr.nav.trainerCourses, to: '/formateur' }],
  'training-manager': [{ text: fr.nav.managerCourses, to: '/gestion' }],
  inspector: [{ text: fr.nav.districtOverview, to: '/circonscription' }],
  chsct: [
    { text: fr.nav.chsctTrends, to: '/chsct/tendances' },
    { text: fr.nav.statsMethod, to: '/statistiques/methode' },
  ],
  ministry: [
    { text: fr.nav.ministryStats, to: '/ministere/statistiques' },
    { text: fr.nav.statsMethod, to: '/statistiques/methode' },
  ],
  // Administrators run Relais and see no one's data; erasure is the one thing they do for people.
  ops: [{ text: fr.erasure.nav, to: '/exploitation/effacements' }],
};

const messagesEntry: NavigationEntry = { text: fr.nav.messages, to: '/messages' };

export function navigationFor(roles: readonly Role[]): NavigationEntry[] {
  const entries = roles.flatMap((role) => entriesByRole[role]);
  if (roles.includes('teacher') || roles.includes('trainer')) entries.push(messagesEntry);
  return entries;
}

/** Where "Aller à mon espace" leads. */
export function homeOf(roles: readonly Role[]): string {
  return navigationFor(roles)[0]?.to ?? '/';
}
