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
  // GDPR article 17 as a person reads it: how to ask, what goes, what stays and why (ADR 0033).
  erasure: {
    title: 'Faire effacer vos données',
    how: 'Demandez-le au délégué à la protection des données de votre académie : un administrateur de Relais efface alors vos données dans tous les services. Si votre compte académique est supprimé, par exemple quand vous quittez l’Éducation nationale, Relais vous efface de lui-même, sans demande de votre part.',
    before:
      'Avant de le demander, téléchargez vos données (« Télécharger (JSON) », en haut de cette page) si vous voulez garder la trace de vos heures de formation : ensuite, Relais ne pourra plus les prouver, ni confirmer vos attestations à qui les vérifie. Retirez aussi les retours anonymes que vous ne voulez pas laisser : ensuite, plus rien ne permettra de les retrouver, même pour vous.',
    erasedTitle: 'Ce qui est effacé',
    erased:
      'Vos inscriptions, vos heures créditées et vos attestations, votre progression, vos messages, vos notifications et vos préférences. Votre nom disparaît des listes de participants et de la vue de votre inspecteur. Les copies techniques échangées entre les services de Relais deviennent illisibles : la clé qui les protégeait est détruite.',
    keptTitle: 'Ce qui reste, et pourquoi',
    kept: [
      'Vos retours nommés restent lisibles par leur formateur, signés « Ancien participant » au lieu de votre nom : ils font partie des échanges du parcours.',
      'Vos retours anonymes restent tels quels : rien ne les relie à vous, ils ne sont donc pas des données personnelles.',
      'Les statistiques publiées restent : elles comptent des enseignants sans jamais les nommer, et un chiffre publié ne change plus.',
      'Si vous avez été formateur, les attestations déjà remises à vos participants gardent votre nom : elles prouvent leur formation.',
      'Le journal des effacements garde trois ans la date et le motif de la demande, sans votre nom ni votre identifiant : il prouve que l’effacement a été fait.',
    ],
    account:
      'Tant que votre compte académique existe, ce que vous faites de nouveau dans Relais est de nouveau enregistré. Enseignants et formateurs : dès que vous vous reconnectez, les notifications retiennent de nouveau votre adresse électronique, pour vous écrire.',
  },
  rightsLink: 'Données personnelles : vos droits',
};
