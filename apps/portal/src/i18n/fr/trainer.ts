/**
 * The trainer's pages (issue 16, point 4). Part of the single `fr` object (fr.ts includes it): kept in
 * its own file only so that the helpers writing different audiences' pages do not edit the same lines.
 */
import { formatNumber } from '../format';

export const trainer = {
  courses: {
    title: 'Mes formations',
    lead: 'Les parcours dont vous êtes formateur : suivez la progression indicative des participants, leurs retours et vos activités.',
    empty:
      "Vous n'êtes formateur d'aucun parcours pour le moment. Le responsable de formation de votre académie vous y ajoute.",
    open: (title: string): string => `Suivre le parcours « ${title} »`,
    status: { open: 'Ouvert aux inscriptions', closed: 'Fermé aux inscriptions' },
    predictedHours: (hours: string): string => `Durée prévue : ${hours}`,
  },
  course: {
    back: 'Mes formations',
    synthetic: 'Vue synthétique des participants',
    syntheticLead:
      "Une ligne par participant : la progression qu'il a lui-même cochée, pour adapter votre accompagnement. Elle est indicative : aucun temps passé, aucun clic n'est enregistré.",
    caption: 'Progression indicative de chaque participant',
    name: 'Participant',
    progress: 'Progression (indicative)',
    doneOverTotal: 'Activités faites',
    completion: 'Formation terminée',
    progressLabel: (name: string): string => `Progression indicative de ${name}`,
    doneOf: (done: number, total: number): string => `${formatNumber(done)} / ${formatNumber(total)}`,
    empty: "Aucun participant n'est inscrit à ce parcours pour le moment.",
    markCompleted: 'Formation terminée',
    markCompletedFor: (name: string): string => `Formation terminée pour ${name}`,
    completed: 'Terminée',
    undo: 'Annuler',
    undoFor: (name: string): string => `Annuler « formation terminée » pour ${name}`,
    completionHint:
      "« Formation terminée » est la seule information transmise à l'administration : oui ou non, sans note ni pourcentage. Elle crédite au participant les heures prévues du parcours ; vous pouvez l'annuler.",
    confirmTitle: 'Confirmer la fin de formation',
    confirmBody: (name: string, hours: string): string =>
      `${name} a terminé la formation : ${hours} lui seront créditées dans son dossier de formation. Vous pourrez annuler ce choix.`,
    confirm: 'Confirmer',
    cancel: 'Annuler',
    completedNotice: (name: string): string => `La formation de ${name} est indiquée comme terminée.`,
    undoneNotice: (name: string): string => `« Formation terminée » est annulé pour ${name}.`,
    tools: 'Pour ce parcours',
    activities: 'Modifier les activités',
    inbox: 'Retours des participants',
    inboxWithCount: (open: number): string =>
      open === 0 ? 'Retours des participants' : `Retours des participants (${open} à lire)`,
    contact: 'Écrire à un participant',
    contactLead: 'Un message individuel : seule la personne choisie le lira.',
    contactWho: 'Destinataire',
    contactChoose: 'Choisissez un participant',
    contactGo: 'Écrire le message',
  },
  activities: {
    title: 'Activités du parcours',
    lead: "Les participants cochent eux-mêmes ces activités ; les facultatives sont affichées mais ne comptent pas dans leur progression. L'enregistrement remplace toute la liste.",
    removedWarning:
      'Retirer une activité efface les coches des participants pour cette activité. Modifier son identifiant revient à la retirer et à en créer une autre.',
    legend: (position: number): string => `Activité ${position}`,
    id: 'Identifiant',
    idHint:
      'Lettres sans accent, chiffres, « . », « _ » ou « - » ; 64 caractères au plus. Unique dans le parcours.',
    titleLabel: 'Titre',
    kind: 'Type',
    optional: 'Facultative',
    add: 'Ajouter une activité',
    remove: (position: number): string => `Retirer l'activité ${position}`,
    moveUp: (position: number): string => `Monter l'activité ${position}`,
    moveDown: (position: number): string => `Descendre l'activité ${position}`,
    save: 'Enregistrer les activités',
    saved: 'Les activités du parcours sont enregistrées.',
    empty: "Ce parcours n'a pas encore d'activité. Ajoutez-en une.",
    idRequired: "Donnez un identifiant à l'activité.",
    idTooLong: "L'identifiant compte 64 caractères au plus.",
    idFormat: "L'identifiant n'utilise que des lettres sans accent, des chiffres, « . », « _ » ou « - ».",
    idDuplicate:
      'Cet identifiant est déjà utilisé par une autre activité du parcours : choisissez-en un autre.',
    titleRequired: "Donnez un titre à l'activité.",
    titleTooLong: 'Le titre compte 200 caractères au plus.',
    tooMany: 'Un parcours compte 200 activités au plus.',
  },
  inbox: {
    title: 'Retours des participants',
    lead: "Les retours envoyés par les participants. Un retour anonyme ne montre ni nom ni rien qui permette de reconnaître son auteur : c'est voulu.",
    filter: 'Afficher',
    all: 'Tous les retours',
    counts: (open: number, acknowledged: number, addressed: number): string =>
      `${open} à lire, ${acknowledged} pris en compte, ${addressed} traité${addressed > 1 ? 's' : ''}`,
    empty: "Aucun participant n'a encore envoyé de retour dans ce parcours.",
    noMatch: 'Aucun retour avec ce statut.',
    anonymous: 'Retour anonyme',
    formerParticipant: 'ancien participant',
    by: (name: string): string => `De ${name}`,
    postedOn: (date: string): string => `Reçu le ${date}`,
    status: {
      open: 'À lire',
      acknowledged: 'Pris en compte',
      addressed: 'Traité',
    },
    changeStatus: 'Statut du retour',
    statusHint:
      'Un retour avance de « À lire » à « Pris en compte » puis à « Traité » ; seul son auteur peut le rouvrir.',
    saveStatus: 'Changer le statut',
    statusSaved: 'Le statut est changé.',
    replies: 'Échanges',
    noReply: 'Pas encore de réponse.',
    byAuthor: 'Participant',
    byAnonymousAuthor: 'Auteur du retour',
    replyLabel: 'Votre réponse',
    replyHint: (max: number): string =>
      `${formatNumber(max)} caractères au plus. Le participant la lira dans « Mes retours ».`,
    replySend: 'Envoyer la réponse',
    replySent: 'Votre réponse a été envoyée.',
    writeReply: 'Écrivez votre réponse.',
    replyTooLong: (max: number): string =>
      `Votre réponse dépasse ${formatNumber(max)} caractères : raccourcissez-la.`,
  },
} as const;
