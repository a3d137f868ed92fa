/**
 * The administrators' erasure page (issue 19, ADR 0033). Part of the single `fr` object (fr.ts includes
 * it): kept in its own file so that the helpers writing different audiences' pages do not edit the same lines.
 */
export const erasure = {
  nav: 'Effacements',
  title: 'Effacements de données personnelles',
  lead: 'Effacer une personne de tous les services de Relais, à sa demande ou à celle du délégué à la protection des données, et suivre chaque effacement jusqu’au bout.',
  form: {
    title: 'Demander un effacement',
    accountDeletion:
      'Quand un compte est supprimé dans le service de connexion, Relais efface la personne de lui-même : la demande apparaît dans la liste avec l’origine « Suppression du compte ». Ce formulaire sert aux autres cas ; la personne garde alors son compte, et ce qu’elle fera ensuite dans Relais sera de nouveau enregistré : un enseignant ou un formateur qui se reconnecte redonne aussitôt son adresse électronique aux notifications.',
    required: 'Tous les champs sont obligatoires.',
    personId: 'Identifiant de la personne',
    personIdHint:
      'L’identifiant de son compte dans le service de connexion (champ « ID » de sa fiche), que vous transmet le délégué à la protection des données : 36 caractères, chiffres, lettres de a à f et tirets, comme 0b7d6f4e-2c1a-4e8b-9f3d-5a6c7b8d9e0f.',
    reason: 'Motif',
    reasonHint:
      'Dites pourquoi (demande de la personne au titre de l’article 17 du RGPD, départ de l’Éducation nationale…), jamais qui : ni son nom, ni son identifiant. Le motif est gardé trois ans dans le journal des effacements. De 10 à 500 caractères.',
    consequencesTitle: 'Ce que fait l’effacement',
    consequences: [
      'Chaque service de Relais oublie la personne : inscriptions, heures créditées et attestations, progression, messages, notifications et préférences. Elle disparaît des listes de participants et de la vue des inspecteurs.',
      'Sa clé est détruite : toutes les copies de ses événements échangées entre les services deviennent illisibles, et rien ne peut la faire réapparaître.',
      'Restent ses retours nommés, lisibles par leur formateur et signés « Ancien participant » ; ses retours anonymes et les statistiques publiées, qui ne la désignent pas ; les attestations déjà remises à d’autres participants qui la nomment comme formateur, car elles prouvent leur formation.',
      'Le journal des effacements garde trois ans la date, l’origine et le motif de la demande, jamais qui a été effacé.',
    ],
    confirmLegend: 'Confirmation',
    confirm: 'Je confirme l’effacement de cette personne',
    confirmHint:
      'Il est définitif : rien ne pourra être restauré, et seul ce qui est indiqué ci-dessus reste.',
    submit: 'Effacer cette personne',
    sent: 'La demande d’effacement est enregistrée : chaque service de Relais oublie la personne. Suivez l’avancement dans la liste des demandes.',
    personIdRequired: 'Indiquez l’identifiant de la personne.',
    personIdFormat:
      'Cet identifiant n’a pas la bonne forme : 36 caractères, chiffres, lettres de a à f et tirets, comme 0b7d6f4e-2c1a-4e8b-9f3d-5a6c7b8d9e0f.',
    reasonRequired: 'Indiquez le motif de l’effacement.',
    reasonTooShort: 'Le motif compte au moins 10 caractères : dites pourquoi en une phrase.',
    reasonTooLong: 'Le motif compte 500 caractères au plus : raccourcissez-le.',
    reasonNamesPerson:
      'Le motif ne doit pas contenir l’identifiant de la personne : dites pourquoi, pas qui.',
    reasonRefused:
      'Ce motif n’a pas été accepté : de 10 à 500 caractères, sans le nom ni l’identifiant de la personne.',
    confirmRequired: 'Cochez la case pour confirmer l’effacement, qui est définitif.',
  },
  list: {
    title: 'Demandes d’effacement',
    lead: 'Les 100 dernières demandes, la plus récente en premier.',
    autoRefresh: 'Actualiser la liste tant qu’un effacement est en cours',
    autoRefreshHint:
      'Toutes les 5 secondes, tant que cette page est affichée ; désactivez-le pour figer la liste.',
    refresh: 'Actualiser maintenant',
    pending: (count: number): string =>
      count === 1 ? 'Un effacement est en cours.' : `${count} effacements sont en cours.`,
    nonePending: 'Aucun effacement en cours.',
    caption: 'Demandes d’effacement, la plus récente en premier',
    empty: 'Aucune demande d’effacement pour le moment.',
    columns: { requestedAt: 'Date', source: 'Origine', reason: 'Motif', status: 'État' },
    sources: { administrator: 'Administrateur', 'identity-provider': 'Suppression du compte' },
    byYou: 'par vous',
    status: { pending: 'En cours', done: 'Terminé' },
    servicesPending: (names: string): string => `Reste à terminer : ${names}.`,
  },
  /** The services that forget a person (the registry's readers of identity events), as the list names them. */
  services: {
    enrollment: 'Inscriptions et attestations',
    progress: 'Progression',
    feedback: 'Retours et messages',
    notifications: 'Notifications',
  } as Record<string, string>,
};
