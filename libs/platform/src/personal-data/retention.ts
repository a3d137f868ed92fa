/**
 * The retention schedule (docs/adr/0032-retention-schedule.md) in the French that "Mes données" shows
 * beside each field. One list, so that the declarations of every service and the ADR say the same
 * thing; the jobs that enforce it read the durations in months from the same entries.
 */
export const RETENTION = {
  whileMember: {
    months: 0,
    text: 'Tant que vous êtes membre du parcours ; effacé avec votre compte.',
  },
  trainingRecord: {
    months: 72,
    text: 'Six ans après la clôture du parcours, le temps de prouver les heures de formation comptées comme temps de travail ; ensuite anonymisé.',
  },
  progressMarks: {
    months: 12,
    text: 'Douze mois après la clôture du parcours.',
  },
  namedFeedback: {
    months: 24,
    text: 'Vingt-quatre mois après la clôture du parcours.',
  },
  directMessages: {
    months: 12,
    text: 'Douze mois après la clôture du parcours.',
  },
  notices: {
    months: 6,
    text: 'Six mois après l’avis.',
  },
  preferences: {
    months: 0,
    text: 'Tant que votre compte existe.',
  },
  pendingDelivery: {
    months: 1,
    text: 'Jusqu’à l’envoi (quelques secondes) ; au plus un mois si l’envoi échoue.',
  },
  mailQueue: {
    months: 1,
    text: 'Un mois : le temps de l’envoi, de ses nouvelles tentatives et de l’historique des envois.',
  },
  dailyQuota: {
    months: 0,
    text: 'Jusqu’au lendemain.',
  },
  erasureAudit: {
    months: 36,
    text: 'Trois ans après la demande d’effacement : le temps de pouvoir prouver qu’elle a été exécutée.',
  },
  authorSeals: {
    months: 24,
    text: 'Vingt-quatre mois au plus après la clôture du parcours : le délai court depuis le mois où le lien a été appris, ou celui de la clôture s’il est antérieur.',
  },
} as const satisfies Record<string, { months: number; text: string }>;

export type RetentionRule = keyof typeof RETENTION;
