/**
 * Every word the portal shows, in French, in one place (DESIGN §10). Pages never hold literal text:
 * a reviewer reads this file to review the portal's language, and a change of wording is one edit.
 */
export const fr = {
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
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    accessibility: 'Accessibilité : non conforme',
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
    sessionExpired:
      'Votre session a expiré. Reconnectez-vous pour continuer ; ce que vous avez saisi sur cette page est conservé.',
    signInRequired: 'Connectez-vous pour accéder à cette page.',
  },
  forbidden: {
    title: 'Accès non autorisé',
    body: (audience: string): string =>
      `Cette page est réservée aux ${audience}. Votre compte n'y donne pas accès. Si vous pensez que c'est une erreur, contactez le référent numérique de votre académie.`,
    back: "Revenir à l'accueil",
  },
  audiences: {
    teacher: 'enseignants',
    trainer: 'formateurs',
    'training-manager': 'responsables de formation',
  } as Record<string, string>,
  notFound: {
    title: 'Page introuvable',
    body: "La page que vous cherchez n'existe pas ou a été déplacée. Vérifiez l'adresse ou revenez à l'accueil.",
    back: "Revenir à l'accueil",
  },
  accessibility: {
    title: "Déclaration d'accessibilité",
    status:
      "Relais est en conformité partielle avec le référentiel général d'amélioration de l'accessibilité (RGAA 4.1.2) : l'audit complet n'a pas encore été réalisé.",
    tested:
      'Chaque page est vérifiée automatiquement dans un navigateur réel (axe-core, critères WCAG 2.1 A et AA) et le formulaire de retour est testé au clavier seul.',
    contact:
      'Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez le référent numérique de votre académie : une alternative vous sera proposée.',
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
      INTERNAL_ERROR:
        'Relais a rencontré un problème. Réessayez dans quelques instants ; ce que vous avez saisi est conservé.',
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
  form: {
    required: 'Ce champ est obligatoire.',
    sending: 'Envoi en cours…',
    errorSummary: 'Le formulaire contient des erreurs :',
  },
} as const;
