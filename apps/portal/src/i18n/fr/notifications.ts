/** The notification centre and its preferences (issue 20). */
export const notifications = {
  bell: (unread: number): string =>
    unread === 0 ? 'Notifications' : `Notifications (${unread} non lue${unread > 1 ? 's' : ''})`,
  title: 'Mes notifications',
  lead: 'Ce qui s’est passé dans vos parcours. Une notification dit ce qui est arrivé et mène à la page concernée ; elle ne reprend jamais le texte d’un message ou d’un retour, ni l’auteur d’un retour anonyme.',
  anonymousDigest:
    'Les nouveaux retours anonymes sont annoncés le lendemain matin, en nombre, afin que le moment de la notification ne désigne personne.',
  empty: 'Aucune notification pour le moment.',
  unread: 'Non lue',
  read: 'Lue',
  receivedOn: (day: string): string => `Le ${day}`,
  open: 'Voir',
  openLabel: (text: string): string => `Voir : ${text}`,
  markRead: 'Marquer comme lue',
  markReadLabel: (text: string): string => `Marquer comme lue : ${text}`,
  markedRead: 'Notification marquée comme lue.',
  preferencesLink: 'Choisir ce que je reçois par courriel',
  preferences: {
    title: 'Préférences de notification',
    lead: 'Pour chaque sorte de notification, choisissez comment vous recevez le courriel. Les notifications restent toujours visibles dans Relais.',
    deliveries: {
      immediate: 'Tout de suite',
      'daily-digest': 'Dans un récapitulatif quotidien',
      off: 'Pas de courriel',
    },
    save: 'Enregistrer mes préférences',
    saving: 'Enregistrement…',
    saved: 'Vos préférences sont enregistrées.',
    back: 'Retour à mes notifications',
  },
};
