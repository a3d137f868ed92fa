/**
 * Every word the portal shows, in French, in one place (docs/design.md §10). Pages never hold literal text:
 * a reviewer reads this file to review the portal's language, and a change of wording is one edit.
 */
import { formatNumber } from './format';
import { attestations } from './fr/attestations';
import { erasure } from './fr/erasure';
import { inspector } from './fr/inspector';
import { legal } from './fr/legal';
import { statistics } from './fr/statistics';
import { manager } from './fr/manager';
import { myData } from './fr/my-data';
import { notifications } from './fr/notifications';
import { trainer } from './fr/trainer';

export const fr = {
  notifications,
  myData,
  erasure,
  service: {
    name: 'Relais',
    tagline: 'La formation continue des enseignants, accompagnée',
    ministry: ['Ministère', "de l'Éducation", 'nationale'],
    homeTitle: 'Accueil — Relais',
    footerDescription:
      "Relais accompagne les enseignants dans leurs parcours de formation continue. La formation y est volontaire ; la progression affichée est indicative et n'est jamais une mesure du temps passé.",
  },
  skipLinks: { content: 'Contenu', footer: 'Pied de page' },
  nav: {
    catalogue: 'Catalogue',
    myCourses: 'Mes parcours',
    myFeedback: 'Mes retours',
    messages: 'Messages',
    trainerCourses: 'Mes formations',
    managerCourses: 'Gestion des parcours',
    districtOverview: 'Ma circonscription',
    chsctTrends: 'Tendances des retours',
    ministryStats: 'Statistiques',
    statsMethod: 'Méthode',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
  },
  pageTitle: (title: string): string => `${title} — Relais`,
  home: {
    title: 'Bienvenue sur Relais',
    lead: 'Relais accompagne votre formation continue : vous choisissez vos parcours, vous avancez à votre rythme et vous dites ce qui vous aide ou vous gêne.',
    promises: {
      title: 'Ce que Relais promet',
      voluntary:
        'La formation est volontaire : vous vous inscrivez et vous quittez un parcours quand vous le souhaitez.',
      indicative:
        "La progression est indicative : vous cochez vous-même ce que vous avez fait. Aucun temps passé, aucun clic n'est enregistré.",
      anonymous:
        'Un retour anonyme est vraiment anonyme : le formateur ne voit ni votre nom ni rien qui permette de vous reconnaître.',
    },
    signedOut: 'Connectez-vous avec votre compte académique pour accéder à vos parcours.',
    signedInAs: (name: string): string => `Vous êtes connecté en tant que ${name}.`,
    goTo: 'Aller à mon espace',
  },
  auth: {
    signingIn: 'Connexion en cours…',
    callbackFailed:
      "La connexion n'a pas abouti. Réessayez ; si cela se reproduit, fermez l'onglet et recommencez.",
    retry: 'Réessayer la connexion',
    sessionExpired: 'Votre session a expiré. Reconnectez-vous pour continuer.',
  },
  forbidden: {
    title: 'Accès non autorisé',
    body: (audience: string): string =>
      `Cette page est réservée aux ${audience}. Votre compte n'y donne pas accès. Si vous pensez que c'est une erreur, contactez le référent numérique de votre académie.`,
    back: "Revenir à l'accueil",
    or: ' ou aux ',
  },
  audiences: {
    teacher: 'enseignants',
    trainer: 'formateurs',
    'training-manager': 'responsables de formation',
    inspector: 'inspecteurs de circonscription',
    chsct: 'membres du CHSCT',
    ministry: 'services statistiques du ministère',
    ops: 'administrateurs de Relais',
  } as Record<string, string>,
  notFound: {
    title: 'Page introuvable',
    body: "La page que vous cherchez n'existe pas ou a été déplacée. Vérifiez l'adresse ou revenez à l'accueil.",
    back: "Revenir à l'accueil",
  },
  accessibility: {
    title: "Déclaration d'accessibilité",
  },
  list: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    errorTitle: 'Le chargement a échoué',
  },
  errors: {
    byCode: {
      UNAUTHENTICATED: 'Votre session a expiré. Reconnectez-vous pour continuer.',
      INVALID_TOKEN: 'Votre session a expiré. Reconnectez-vous pour continuer.',
      FORBIDDEN_ROLE:
        "Votre compte ne permet pas cette action. Si vous pensez que c'est une erreur, contactez le référent de votre académie.",
      IDENTITY_PROVIDER_UNAVAILABLE:
        'Le service de connexion ne répond pas. Réessayez dans quelques minutes.',
      KEYS_UNREACHABLE: 'Le service de connexion ne répond pas. Réessayez dans quelques minutes.',
      DEMO_DATA_LOADING:
        'Les statistiques de démonstration sont en cours de préparation. Réessayez dans quelques secondes.',
      COURSE_NOT_FOUND:
        "Ce parcours n'existe pas ou ne vous est pas accessible. Revenez au catalogue pour en choisir un autre.",
      COURSE_FULL:
        'Ce parcours est complet : il ne reste plus de place. Choisissez un autre parcours dans le catalogue.',
      COURSE_CLOSED:
        'Ce parcours est fermé aux inscriptions. Choisissez un autre parcours dans le catalogue.',
      TRAINER_CANNOT_ENROLL:
        'Vous êtes formateur de ce parcours : vous ne pouvez pas vous y inscrire comme participant.',
      COMPLETED_CANNOT_WITHDRAW: 'Ce parcours est déjà terminé : il ne peut plus être quitté.',
      ENROLLMENT_NOT_FOUND: "Vous n'êtes pas inscrit à ce parcours. Inscrivez-vous depuis le catalogue.",
      NOT_A_PARTICIPANT: "Vous ne participez pas à ce parcours. Inscrivez-vous d'abord depuis le catalogue.",
      NOT_A_TRAINER_OF_COURSE: "Vous n'êtes pas formateur de ce parcours.",
      ACTIVITY_NOT_FOUND:
        "Cette activité n'existe plus : le formateur a modifié le parcours. Rechargez la page.",
      TRACKING_DATA_REFUSED:
        "Relais n'enregistre ni temps passé ni clics : seule l'information « fait » ou « pas fait » est acceptée.",
      ANONYMITY_THRESHOLD:
        "Le retour anonyme n'est pas encore possible dans ce parcours : il faut assez de participants pour que personne ne puisse être reconnu. Envoyez-le en votre nom ou attendez que le groupe s'agrandisse.",
      DAILY_LIMIT_REACHED:
        "Vous avez atteint le nombre de retours possibles pour aujourd'hui. Réessayez demain.",
      FEEDBACK_NOT_FOUND: "Ce retour n'existe plus ou a été retiré. Rechargez la page.",
      RECIPIENT_NOT_IN_COURSE:
        "Cette personne ne fait plus partie du parcours : le message n'a pas été envoyé.",
      STATUS_RESERVED_TO_TRAINERS: 'Seul le formateur du parcours peut changer le statut d’un retour.',
      INVALID_STATUS_TRANSITION:
        'Ce changement de statut n’est pas possible. Rechargez la page pour voir le statut actuel.',
      CONCURRENT_UPDATE:
        "Quelqu'un a modifié ces informations en même temps que vous. Rechargez la page puis recommencez.",
      VALIDATION_FAILED:
        'Certaines informations ne sont pas valides. Corrigez les champs signalés puis renvoyez.',
      UNKNOWN_FIELDS:
        "La demande contient des informations que Relais n'accepte pas. Rechargez la page puis recommencez.",
      BODY_TOO_LARGE: 'Le texte envoyé est trop long. Raccourcissez-le puis renvoyez.',
      MALFORMED_JSON: "La demande n'a pas pu être lue. Rechargez la page puis recommencez.",
      ROUTE_NOT_FOUND:
        "Cette fonction n'est pas disponible. Rechargez la page ; si cela continue, signalez-le.",
      OTHER_DISTRICT:
        'Vous ne pouvez consulter que votre propre circonscription. Si elle a changé, reconnectez-vous.',
      PERIOD_NOT_PUBLISHED:
        "Cette période n'est pas encore publiée : les statistiques ne couvrent que des périodes closes. Choisissez une période plus ancienne.",
      PERIOD_REVERSED: 'Le premier mois doit précéder le dernier. Corrigez la période choisie.',
      PERIOD_TOO_LONG: 'La période choisie est trop longue : 36 mois au plus.',
      FORBIDDEN_CLIENT:
        'Cette demande ne vient pas du portail Relais. Rechargez la page puis reconnectez-vous.',
      SIGN_IN_TEMPORARILY_LOCKED:
        'Trop de tentatives de connexion : patientez quelques minutes puis réessayez.',
      REQUEST_ABORTED:
        "L'envoi a été interrompu. Vérifiez votre connexion puis renvoyez ; ce que vous avez saisi est conservé.",
      UNSUPPORTED_MEDIA_TYPE: "La demande n'a pas pu être lue. Rechargez la page puis recommencez.",
      BODY_SIZE_MISMATCH:
        "L'envoi a été interrompu. Vérifiez votre connexion puis renvoyez ; ce que vous avez saisi est conservé.",
      UNEXPECTED_BODY: "La demande n'a pas pu être lue. Rechargez la page puis recommencez.",
      CAPACITY_BELOW_ENROLLED:
        'La capacité ne peut pas être inférieure au nombre de participants déjà inscrits. Indiquez une capacité plus grande.',
      DUPLICATE_ACTIVITY_IDS: 'Deux activités portent le même identifiant. Modifiez-en un puis enregistrez.',
      EMPTY_ACTIVITY_TITLE:
        'Chaque activité doit avoir un titre. Complétez les titres vides puis enregistrez.',
      OTHER_ACADEMY: 'Ce parcours relève d’une autre académie : vous ne pouvez pas le créer ou le modifier.',
      TRAINERS_REQUIRED: 'Un parcours doit avoir au moins un formateur. Choisissez-en un puis enregistrez.',
      INTERNAL_ERROR:
        'Relais a rencontré un problème. Réessayez dans quelques instants ; ce que vous avez saisi est conservé.',
      ...manager.errors,
    } as Record<string, string>,
    network:
      'Relais ne répond pas. Vérifiez votre connexion internet puis réessayez ; ce que vous avez saisi est conservé.',
    byStatus: {
      400: 'La demande n’est pas valide. Vérifiez les informations saisies.',
      401: 'Votre session a expiré. Reconnectez-vous pour continuer.',
      403: 'Votre compte ne permet pas cette action.',
      404: "Ce que vous cherchez n'existe pas ou ne vous est pas accessible.",
      409: "Cette action n'est pas possible dans l'état actuel. Rechargez la page.",
      429: 'Trop de demandes en peu de temps. Patientez une minute puis réessayez.',
    } as Record<number, string>,
    fallback:
      'Relais a rencontré un problème. Réessayez dans quelques instants ; ce que vous avez saisi est conservé.',
  },
  vocabulary: {
    categories: {
      'technical-access': 'Accès technique (connexion, plateforme)',
      'tool-usability': 'Prise en main des outils',
      'workload-time': 'Charge de travail et temps disponible',
      'content-relevance': 'Pertinence des contenus',
      'support-guidance': 'Accompagnement et guidage',
      other: 'Autre sujet',
    } as Record<string, string>,
    intensities: {
      1: 'Très légère : un détail, pour information',
      2: 'Légère : gênant de temps en temps',
      3: 'Moyenne : gênant régulièrement',
      4: 'Forte : cela me freine nettement',
      5: "Très forte : cela m'empêche d'avancer",
    } as Record<number, string>,
    intensityShort: (level: number): string => `Intensité ${level} sur 5`,
    feedbackStatus: {
      open: 'Envoyé, pas encore lu',
      acknowledged: 'Pris en compte',
      addressed: 'Traité',
    },
    enrollmentStatus: { enrolled: 'En cours', completed: 'Formation terminée' },
    activityKinds: {
      resource: 'Ressource',
      video: 'Vidéo',
      quiz: 'Quiz',
      forum: 'Forum',
      assignment: 'Devoir',
      'virtual-class': 'Classe virtuelle',
      other: 'Activité',
    } as Record<string, string>,
    visibility: { named: 'En votre nom', anonymous: 'Anonyme' },
  },
  progress: {
    label: 'Progression',
    indicative: 'indicative : vous seul cochez ce que vous avez fait',
    summary: (done: number, total: number, percent: string): string =>
      `${done} activité${done > 1 ? 's' : ''} cochée${done > 1 ? 's' : ''} sur ${total} (${percent})`,
    noActivity: "Le formateur n'a pas encore publié d'activité.",
  },
  catalogue: {
    title: 'Catalogue des parcours',
    lead: 'Les parcours ouverts dans votre académie. La formation est volontaire : inscrivez-vous à ceux qui vous intéressent.',
    search: 'Rechercher un parcours',
    searchHint: 'Un mot du titre ou de la description',
    theme: 'Thème',
    allThemes: 'Tous les thèmes',
    apply: 'Filtrer',
    results: (count: number): string =>
      count === 0 ? 'Aucun parcours' : `${count} parcours${count > 1 ? ' trouvés' : ' trouvé'}`,
    empty: "Aucun parcours n'est ouvert dans votre académie pour le moment.",
    noMatch: 'Aucun parcours ne correspond à votre recherche. Essayez un autre mot ou un autre thème.',
    predictedHours: (hours: string): string => `Durée prévue : ${hours}`,
    seatsLeft: (seats: number | null): string =>
      seats === null
        ? 'Places sans limite'
        : seats === 0
          ? 'Complet'
          : `${seats} place${seats > 1 ? 's' : ''} restante${seats > 1 ? 's' : ''}`,
    trainers: (names: string): string => `Formateurs : ${names}`,
    closesOn: (day: string): string => `Clôture prévue le ${day}`,
    noTrainer: 'Formateur à venir',
    enrolled: 'Inscrit',
  },
  course: {
    back: 'Retour au catalogue',
    voluntary:
      "La formation est volontaire : personne ne vous l'impose, et vous pouvez quitter ce parcours à tout moment, sans justification.",
    enroll: "S'inscrire",
    enrolling: 'Inscription en cours…',
    enrolled: 'Vous êtes inscrit à ce parcours.',
    open: 'Ouvrir le parcours',
    full: "Ce parcours est complet : l'inscription n'est plus possible.",
    closed: 'Ce parcours est fermé aux inscriptions.',
    themes: 'Thèmes',
    enrolledNotice: (title: string): string => `Vous êtes inscrit au parcours « ${title} ».`,
  },
  myCourses: {
    title: 'Mes parcours',
    // Not the course's title alone: its catalogue page has that title, and each page needs its own (RGAA 8.6).
    courseTitle: (title: string): string => `${title} — mes parcours`,
    empty: "Vous n'êtes inscrit à aucun parcours. Le catalogue présente ceux de votre académie.",
    toCatalogue: 'Voir le catalogue',
    status: 'Statut',
    creditedHours: (hours: string): string => `Heures créditées : ${hours}`,
    total: (hours: string): string => `Total de vos heures créditées : ${hours}`,
    totalHint: 'Les heures sont créditées quand le formateur indique que la formation est terminée.',
  },
  inCourse: {
    activities: 'Activités',
    activitiesHint:
      "Cochez ce que vous avez fait : c'est une indication pour vous et votre formateur. Relais n'enregistre ni temps passé ni clics.",
    optional: 'facultative',
    participants: 'Participants',
    participantsEmpty: "Aucun autre participant pour l'instant.",
    trainer: 'Formateur',
    you: '(vous)',
    contact: (name: string): string => `Contacter ${name}`,
    contactShort: 'Contacter',
    giveFeedback: 'Donner un retour au formateur',
    feedbackLead:
      "Un problème d'accès, une charge trop lourde, un contenu à revoir ? Dites-le : votre formateur pourra adapter l'accompagnement.",
    leave: 'Quitter le parcours',
    notEnrolled: "Vous n'êtes pas inscrit à ce parcours.",
  },
  feedback: {
    title: 'Donner un retour',
    lead: 'Votre retour va au formateur de ce parcours. Tous les champs sont obligatoires.',
    category: 'De quoi parle votre retour ?',
    intensity: 'À quel point cela vous gêne-t-il ?',
    message: 'Votre message',
    messageHint: (max: number): string =>
      `Décrivez la situation en quelques phrases (${formatNumber(max)} caractères au plus).`,
    remaining: (count: number): string =>
      `${formatNumber(count)} caractère${count > 1 ? 's' : ''} restant${count > 1 ? 's' : ''}`,
    tooLong: (max: number): string =>
      `Votre message dépasse ${formatNumber(max)} caractères : raccourcissez-le.`,
    visibility: 'Comment l’envoyer ?',
    named: 'En mon nom',
    namedHint:
      'Le formateur verra votre nom et votre prénom, la catégorie, l’intensité, votre message et la date d’envoi. Il pourra vous répondre.',
    anonymous: 'Anonymement',
    anonymousHint:
      'Le formateur verra la catégorie, l’intensité, votre message et la date d’envoi, mais ni votre nom, ni votre établissement, ni rien d’autre qui permette de vous reconnaître. Il pourra répondre ; vous lirez sa réponse dans « Mes retours ». Évitez de donner dans le message des détails qui vous désignent.',
    threshold: (minimum: number): string =>
      `L’envoi anonyme n’est possible que dans un parcours d’au moins ${minimum} participants (formateurs non compris), pour que personne ne puisse être reconnu.`,
    belowThreshold: (minimum: number): string =>
      `Ce parcours n’a pas encore assez de participants pour un envoi anonyme : il en faut au moins ${minimum}, formateurs non compris.`,
    send: 'Envoyer mon retour',
    sent: 'Votre retour a été envoyé au formateur. Vous suivrez sa réponse et son statut ici.',
    chooseCategory: 'Choisissez le sujet de votre retour.',
    chooseIntensity: 'Choisissez une intensité.',
    writeMessage: 'Écrivez votre message.',
    chooseVisibility: 'Choisissez comment envoyer votre retour.',
  },
  myFeedback: {
    title: 'Mes retours',
    lead: 'Les retours que vous avez envoyés, leur statut et les réponses de vos formateurs.',
    empty: "Vous n'avez envoyé aucun retour. Vous pouvez en donner un depuis chacun de vos parcours.",
    postedOn: (date: string): string => `Envoyé le ${date}`,
    replies: 'Réponses',
    noReply: 'Pas encore de réponse.',
    byYou: 'Vous',
    byTrainer: 'Formateur',
    reply: 'Répondre',
    replyLabel: 'Votre réponse',
    replySend: 'Envoyer la réponse',
    replySent: 'Votre réponse a été envoyée.',
  },
  messages: {
    title: 'Messages',
    lead: 'Vos échanges individuels avec les formateurs et les collègues de vos parcours.',
    empty:
      "Aucun message pour l'instant. Depuis un parcours, « Contacter » permet d'écrire à un participant ou au formateur.",
    from: (name: string): string => `De ${name}`,
    to: (name: string): string => `À ${name}`,
    sentOn: (date: string): string => `le ${date}`,
    answer: 'Répondre',
    writeTitle: (name: string): string => `Écrire à ${name}`,
    writeLead: 'Seule cette personne lira votre message.',
    message: 'Votre message',
    send: 'Envoyer le message',
    sent: (name: string): string => `Votre message à ${name} a été envoyé.`,
    unknownRecipient:
      'Cette personne ne fait pas partie de ce parcours. Revenez au parcours pour choisir un destinataire.',
  },
  leave: {
    title: (course: string): string => `Quitter le parcours « ${course} »`,
    lead: 'Vous pouvez quitter ce parcours à tout moment, sans donner de raison.',
    kept: 'Ce qui est conservé',
    keptHours: 'Les heures déjà créditées restent dans votre dossier de formation.',
    keptAnonymous: 'Vos retours anonymes restent tels quels : rien ne les relie à vous.',
    keptNamed: 'Vos retours nommés restent visibles par le formateur, avec la mention d’ancien participant.',
    changes: 'Ce qui change',
    changesList:
      'Vous n’apparaîtrez plus dans la liste des participants et vous ne pourrez plus cocher d’activité.',
    confirm: 'Quitter le parcours',
    cancel: 'Rester inscrit',
    left: (course: string): string => `Vous avez quitté le parcours « ${course} ».`,
  },
  trainer,
  manager,
  form: {
    sending: 'Envoi en cours…',
  },
  inspector,
  statistics,
  legal,
  attestations,
} as const;
