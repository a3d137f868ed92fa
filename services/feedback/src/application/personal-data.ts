import type { PersonalDataDeclaration, PersonalDataKind, PersonalField } from '@relais/platform';
import { rosterPersonalData } from '@relais/roster';

/**
 * What the feedback service holds about a person (GDPR articles 15 and 20, ADR 0032), declared next to
 * the use cases that write it. Every stored field of every collection is either exported or named in
 * `notPersonal` with the reason (checked against the mongoose schemas by the tests).
 *
 * Two answers, because no stored field links an anonymous item to its author (ADR 0009, 0016):
 * - `GET /me/data` gives what names the person or is found by his account id: the roster replica, his
 *   signed items, his replies as a trainer, his messages.
 * - `GET /me/data/anonymous-authorship` gives what the service recognises as his only by recomputing,
 *   for the signed-in caller himself, the keyed tokens of ADR 0009 (the check by which he withdraws an
 *   item): his anonymous items, the courses he wrote in, and the day's count of his writes (which,
 *   beside his signed items, would betray an anonymous one). Kept out of the first answer so that the
 *   export a person keeps or hands on reveals an anonymous item only when he asked for it; the first
 *   answer lists these kinds, empty, with a note that says where they are. Only the author's own
 *   request is ever answered: no route computes them for anyone else.
 */

const publicTask = (
  label: string,
  purpose: string,
  retention: PersonalField['retention'],
): PersonalField => ({
  label,
  purpose,
  legalBasis: 'publicTask',
  retention,
});

/** The bookkeeping of the revision log (ADR 0026) that every saved version of an item carries. */
const revisionBookkeeping = {
  _id: 'L’identifiant technique d’une version du retour (« retour#numéro »)',
  revision: 'Numéro technique de version',
  removed: 'Marque technique d’un retour retiré, dont le contenu est effacé',
  saveId: 'Identifiant technique d’un enregistrement',
  savedOver: 'Identifiant technique de la version remplacée',
} as const;

const authorToken =
  'Un jeton à sens unique (HMAC avec une clé qui n’est pas dans la base) par lequel le service vous ' +
  'reconnaît comme auteur quand vous le lui demandez ; il ne vous nomme pas et ne sort jamais du service (ADR 0009)';

const pendingEvents = publicTask(
  'Les événements de ce retour pas encore transmis (type et jour) ; quand les notifications sont en service, l’annonce d’un nouveau retour porte votre identifiant chiffré pour elles seules, que ce service-ci ne peut pas relire (ADR 0030)',
  'Prévenir les formateurs et vous-même, et compter le retour dans les statistiques anonymes',
  'pendingDelivery',
);

/** The fields of an item its author reads, signed or anonymous (replies as the portal shows them to him). */
const ownItemFields = {
  itemId: publicTask(
    'Le retour',
    'Identifier le retour pour y répondre, le rouvrir ou le retirer',
    'namedFeedback',
  ),
  courseId: publicTask('Le parcours', 'Adresser le retour aux formateurs de ce parcours', 'namedFeedback'),
  category: publicTask(
    'La catégorie',
    'Orienter le retour, et compter sans vous nommer les difficultés par catégorie',
    'namedFeedback',
  ),
  intensity: publicTask(
    'L’intensité (de 1 à 5)',
    'Dire aux formateurs à quel point la difficulté pèse',
    'namedFeedback',
  ),
  message: publicTask('Votre texte', 'Dire aux formateurs ce qui est difficile', 'namedFeedback'),
  status: publicTask(
    'Le statut (ouvert, pris en compte, traité)',
    'Suivre ce que les formateurs en ont fait',
    'namedFeedback',
  ),
  postedOn: publicTask(
    'Le jour d’envoi',
    'Dater le retour et mesurer le délai de première réponse',
    'namedFeedback',
  ),
  firstTrainerReplyOn: publicTask(
    'Le jour de la première réponse d’un formateur',
    'Mesurer, sans vous nommer, le délai de réponse des formateurs',
    'namedFeedback',
  ),
  replies: publicTask(
    'Les réponses, telles que vous les lisez (qui, nom, texte, jour)',
    'Poursuivre l’échange entre vous et les formateurs',
    'namedFeedback',
  ),
  pendingEvents,
} satisfies Record<string, PersonalField>;

const ownItemNotPersonal = {
  ...revisionBookkeeping,
  academy: 'L’académie du parcours, pas la vôtre',
  authorToken,
  outbox: 'Exporté sous pendingEvents : le type et le jour de chaque événement, jamais son contenu',
} as const;

export const namedFeedbackData: PersonalDataKind = {
  kind: 'named-feedback',
  label: 'Vos retours signés aux formateurs',
  fields: {
    ...ownItemFields,
    authorName: publicTask(
      'Votre nom, tel que les formateurs le lisent',
      'Signer le retour, comme vous l’avez choisi',
      'namedFeedback',
    ),
  },
  notPersonal: { ...ownItemNotPersonal, visibility: 'Toujours « signé » dans ce groupe' },
};

export const anonymousFeedbackData: PersonalDataKind = {
  kind: 'anonymous-feedback',
  label: 'Vos retours anonymes aux formateurs',
  fields: ownItemFields,
  notPersonal: {
    ...ownItemNotPersonal,
    visibility: 'Toujours « anonyme » dans ce groupe',
    authorName: 'Jamais rempli pour un retour anonyme',
  },
};

/** A trainer's replies are his; the item he answered is its author's, and is not exported to him. */
export const trainerRepliesData: PersonalDataKind = {
  kind: 'trainer-replies',
  label: 'Vos réponses de formateur aux retours',
  fields: {
    itemId: publicTask(
      'Le retour auquel vous avez répondu',
      'Rattacher votre réponse au retour',
      'namedFeedback',
    ),
    courseId: publicTask(
      'Le parcours',
      'Rattacher votre réponse au parcours que vous animez',
      'namedFeedback',
    ),
    replyId: publicTask('Votre réponse', 'Identifier votre réponse', 'namedFeedback'),
    yourName: publicTask(
      'Votre nom, tel que la réponse le porte',
      'Signer votre réponse auprès de l’auteur du retour',
      'namedFeedback',
    ),
    text: publicTask('Le texte de votre réponse', 'Répondre à l’auteur du retour', 'namedFeedback'),
    repliedOn: publicTask(
      'Le jour de votre réponse',
      'Dater l’échange et mesurer le délai de première réponse',
      'namedFeedback',
    ),
  },
  notPersonal: {
    ...revisionBookkeeping,
    replies:
      'Seules vos réponses sont exportées (replyId, yourName, text, repliedOn) : les autres sont celles de l’auteur ou d’autres formateurs',
    academy: 'L’académie du parcours',
    category: 'Le retour d’un participant, pas le vôtre',
    intensity: 'Le retour d’un participant, pas le vôtre',
    message: 'Le retour d’un participant, pas le vôtre',
    visibility: 'Le retour d’un participant, pas le vôtre',
    authorToken: 'Le jeton de l’auteur du retour, pas le vôtre',
    authorName: 'Le nom de l’auteur du retour, s’il l’a signé : pas le vôtre',
    status: 'Le statut du retour d’un participant',
    postedOn: 'Le jour du retour d’un participant',
    firstTrainerReplyOn: 'Le jour de la première réponse d’un formateur au retour d’un participant',
    outbox: 'Les événements en attente du retour, exportés à son auteur',
  },
};

export const messagesData: PersonalDataKind = {
  kind: 'messages',
  label: 'Vos messages individuels, envoyés et reçus',
  fields: {
    messageId: publicTask('Le message', 'Identifier le message', 'directMessages'),
    courseId: publicTask('Le parcours', 'N’échanger qu’entre membres d’un même parcours', 'directMessages'),
    direction: publicTask('Envoyé ou reçu', 'Montrer la conversation', 'directMessages'),
    yourName: publicTask(
      'Votre nom, tel que le message le porte',
      'Vous nommer auprès de l’autre membre',
      'directMessages',
    ),
    counterpartName: publicTask(
      'Le nom de l’autre membre, tel que vous le lisez',
      'Montrer avec qui vous échangez',
      'directMessages',
    ),
    text: publicTask('Le texte', 'Échanger avec un formateur ou un collègue du parcours', 'directMessages'),
    sentOn: publicTask('Le jour d’envoi', 'Dater la conversation', 'directMessages'),
    pendingEvents: publicTask(
      'L’avis de ce message pas encore transmis (type et jour)',
      'Prévenir le destinataire qu’un message l’attend',
      'pendingDelivery',
    ),
  },
  notPersonal: {
    _id: 'L’identifiant du message (exporté sous messageId)',
    fromUserId: 'L’identifiant de compte de l’expéditeur : le vôtre ou celui de l’autre membre',
    toUserId: 'L’identifiant de compte du destinataire : le vôtre ou celui de l’autre membre',
    fromName: 'Exporté sous yourName ou counterpartName',
    toName: 'Exporté sous yourName ou counterpartName',
    sequence: 'Un compteur technique qui ordonne les messages sans heure',
    outbox: 'Exporté sous pendingEvents : le type et le jour de l’avis, jamais son contenu',
  },
};

export const authorshipData: PersonalDataKind = {
  kind: 'feedback-authorship',
  label: 'Les parcours où vous avez écrit un retour',
  fields: {
    courseId: publicTask(
      'Le parcours',
      'Vous laisser retrouver vos retours, y répondre ou les retirer après avoir quitté le parcours',
      'namedFeedback',
    ),
  },
  notPersonal: {
    _id: 'Un jeton à sens unique de (vous, parcours), sans parcours ni date lisibles (ADR 0016) : exporté sous courseId',
  },
};

export const dailyQuotaData: PersonalDataKind = {
  kind: 'daily-quota',
  label: 'Vos écritures du jour, comptées pour la limite quotidienne',
  fields: {
    action: publicTask(
      'Ce qui est compté (retour, réponse ou message)',
      'Éviter qu’un formateur ou un collègue soit submergé',
      'dailyQuota',
    ),
    courseId: publicTask('Le parcours', 'La limite vaut par parcours', 'dailyQuota'),
    day: publicTask('Le jour', 'La limite vaut par jour', 'dailyQuota'),
    used: publicTask('Le nombre d’écritures comptées', 'Appliquer la limite', 'dailyQuota'),
  },
  notPersonal: {
    _id: 'Un jeton à sens unique de (action, vous, parcours, jour) suivi du numéro de l’écriture : exporté sous action, courseId, day et used',
  },
};

/** The kinds the service gives only to the author's own request, by recomputing his keyed tokens. */
export const anonymousAuthorshipKinds: readonly PersonalDataKind[] = [
  anonymousFeedbackData,
  authorshipData,
  dailyQuotaData,
];

export const anonymousAuthorshipRoute = '/me/data/anonymous-authorship';

/**
 * `GET /me/data`: what names the person or is stored under his id. The kinds of the author's own
 * request are not listed here, not even empty: the portal shows them as their own section, and an
 * empty list beside his signed items would read as "you wrote nothing anonymously".
 */
export const feedbackPersonalData: PersonalDataDeclaration = {
  service: 'feedback',
  label: 'Retours aux formateurs et messages',
  kinds: [rosterPersonalData, namedFeedbackData, trainerRepliesData, messagesData],
};

/** `GET /me/data/anonymous-authorship`: what only the author's own request ties to him. */
export const anonymousAuthorshipPersonalData: PersonalDataDeclaration = {
  service: 'feedback',
  label: 'Retours aux formateurs : ce que seule votre demande vous relie',
  kinds: anonymousAuthorshipKinds,
};

/**
 * Collections that hold nothing a person could be given, and why (checked against the schemas too).
 * `counted_respondents` is pseudonymous in the GDPR sense (the service holds the key), yet it is not
 * exported: finding one person's tokens would mean recomputing every month × cell × value, and a
 * token says no more than "counted once in this cell of that month"; a withdrawn item stays counted,
 * since a count is no trace of anyone (ADR 0009).
 *
 * The retention job leaves them: a token stores no month, so last year's cannot be told from this
 * month's. They are only ever asked about the month of a post, which is the current one, so a month's
 * tokens could go as soon as it is over (no need to wait for its publication, ADR 0014) if each were
 * stored with its month, a field that names no one.
 *
 * Erasure (ADR 0033, `ErasureUseCases`) leaves them for the first reason: one person's tokens cannot be
 * found without a month and a cell, and a count is no trace of him.
 */
export const storedWithoutPersonalData: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  counters: {
    _id: 'Le nom du compteur (« messages »)',
    value: 'Le dernier numéro d’ordre donné à un message, de personne en particulier',
  },
  counted_respondents: {
    _id:
      'Un jeton à sens unique (HMAC avec une clé qui n’est pas dans la base) de (personne, mois, cellule ' +
      'statistique), pour compter les répondants distincts sans les nommer (ADR 0005) : il ne se lit pas, ' +
      'ne dit que « compté une fois dans cette cellule ce mois-là », et un compte n’est la trace de personne',
  },
};
