/** "Mes données": what Relais holds about the signed-in person (issue 19; docs/adr/0032). */
export const myData = {
  nav: 'Mes données',
  title: 'Mes données',
  lead: 'Voici tout ce que Relais conserve à votre sujet, service par service : chaque donnée, à quoi elle sert, sur quelle base légale et combien de temps elle est gardée. Les retours anonymes et les statistiques publiées ne vous désignent pas et n’y figurent pas.',
  download: 'Télécharger (JSON)',
  downloadHint: 'Un seul fichier lisible par une machine, avec tout ce que cette page affiche.',
  downloadWaiting: 'Le téléchargement sera possible quand chaque service aura répondu.',
  fileName: (day: string): string => `relais-mes-donnees-${day}.json`,
  services: {
    enrollment: 'Inscriptions et heures de formation',
    progress: 'Progression',
    feedback: 'Retours et messages',
    'feedback-anonymous': 'Vos retours anonymes',
    notifications: 'Notifications',
    stats: 'Statistiques',
  } as Record<string, string>,
  serviceIntros: {
    'feedback-anonymous':
      'Aucune donnée ne relie ces retours à vous : Relais les retrouve ici à partir de votre seule connexion, comme lorsque vous en retirez un. Votre formateur, le CHSCT et les administrateurs ne peuvent pas faire ce rapprochement.',
  } as Record<string, string>,
  holdsNothing: 'Ce service ne détient aucune donnée qui vous désigne.',
  noRecord: 'Aucune donnée de ce type à votre sujet.',
  recordsCaption: (kind: string): string => `${kind} : vos données`,
  whyTitle: (kind: string): string => `Pourquoi « ${kind} » : finalité, base légale, conservation`,
  whyCaption: (kind: string): string =>
    `${kind} : finalité, base légale et durée de conservation de chaque donnée`,
  columns: { field: 'Donnée', purpose: 'Finalité', legalBasis: 'Base légale', retention: 'Conservation' },
  yes: 'oui',
  no: 'non',
  notRecordedTitle: 'Ce que Relais n’enregistre pas',
  notRecordedIntro:
    'Ces données ne sont enregistrées nulle part ; si une application tentait de les envoyer, Relais refuserait la demande entière :',
  notRecordedEmpty: 'La liste n’a pas pu être lue.',
  notRecordedLink: 'Comment Relais les refuse',
  erasureTitle: 'Effacement',
  erasure:
    'Pour faire effacer vos données, adressez-vous au délégué à la protection des données de votre académie : un administrateur efface votre compte, et chaque service de Relais oublie alors votre nom.',
  rightsLink: 'Données personnelles : vos droits',
};
