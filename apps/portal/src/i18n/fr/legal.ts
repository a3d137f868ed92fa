/** The words of the public pages a State service must have (issue 17, point 5). Included in `fr` by fr.ts. */
export const legal = {
  footer: {
    personalData: 'Données personnelles',
    legalNotice: 'Mentions légales',
    notRecorded: 'Ce que Relais n’enregistre pas',
  },
  accessibility: {
    title: 'Déclaration d’accessibilité',
    intro:
      'Le ministère de l’Éducation nationale s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au portail Relais.',
    statusTitle: 'État de conformité',
    status:
      'Relais est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2 : aucun audit complet n’a encore mesuré ses 106 critères, et le RGAA déclare non conforme un service qui n’en a pas eu. L’auto-contrôle décrit ci-dessous n’a trouvé que les non-conformités énumérées plus bas ; les vérifications non réalisées y sont aussi listées.',
    auditTitle: 'Résultats des tests',
    audit:
      'Cette déclaration repose sur un auto-contrôle de l’équipe, réalisé dans un navigateur et automatisé, et non sur un audit complet des 106 critères par un organisme indépendant : le taux de conformité au sens du RGAA n’a donc pas été calculé. Les vérifications manuelles avec un lecteur d’écran n’ont pas pu être faites ; elles sont indispensables à un audit complet.',
    checksTitle: 'Vérifications effectuées',
    checksIntro:
      'Chaque vérification porte sur toutes les pages du portail, pour chaque public (visiteur non connecté, enseignant, formateur, responsable de formation, inspecteur, CHSCT, ministère, administrateur), tableaux des graphiques ouverts :',
    checks: [
      'Analyse automatique par axe-core des critères WCAG 2.1 A et AA, en thème clair et en thème sombre (critères 3.2 et 3.3 pour les contrastes), éléments au repos : aucune anomalie.',
      'Affichage sur un écran de 320 pixels de large (critère 10.11) : pas de défilement horizontal, aucun contenu coupé ; seuls les tableaux de données défilent, dans leur propre cadre.',
      'Texte agrandi à 200 % (critère 10.4) : chaque bouton, lien et champ reste visible, dans la fenêtre et non recouvert ; aucun texte coupé.',
      'Espacement du texte augmenté (interlignage, espacement des lettres, des mots et des paragraphes ; critère 10.12) : aucun texte coupé, aucun élément recouvert.',
      'Navigation au clavier seul (critères 10.7, 12.7, 12.8 et 12.9) : la touche Tab atteint chaque élément dans l’ordre de la page, le focus est toujours visible, aucun piège au clavier ; le lien d’évitement « Contenu » mène au contenu.',
      'Structure lue par les technologies d’assistance, depuis l’arbre d’accessibilité du navigateur (critères 1.1, 5.x, 8.5 à 8.7, 9.1, 11.1, 12.6) : en-tête, contenu principal et pied de page ; un seul titre de niveau 1 par page et aucun niveau de titre sauté ; chaque champ a une étiquette ; chaque graphique a une description et un tableau de données avec titre et en-têtes ; chaque page a un titre propre, en français, et une langue déclarée.',
    ],
    nonConformTitle: 'Contenus non accessibles',
    nonConformIntro:
      'Les défauts trouvés par ces vérifications ont été corrigés (page des activités trop large sur un petit écran, libellé caché des boutons de téléchargement des graphiques, en-tête coupé avec le texte agrandi, deux pages portant le même titre), sauf ceux-ci :',
    nonConform: [
      'Thème sombre (critère 3.2) : au survol de la souris, le texte des boutons secondaires (« Voir le tableau », par exemple) a un contraste de 3,96:1 avec son fond, sous les 4,5:1 requis. Ces couleurs sont celles du système de design de l’État (DSFR) ; au repos, le contraste est suffisant (vérifié par axe sur chaque page).',
      'Graphiques (critère 3.3) : les couleurs des séries viennent de la palette illustrative du DSFR ; certaines (orange, vert émeraude) n’atteignent pas un contraste de 3:1 avec le fond. Les séries sont aussi distinguées par la forme de leurs points et par la légende, et le tableau de données donne chaque valeur.',
      'Infobulles des graphiques (critère 10.13) : elles apparaissent au survol de la souris seulement ; leur contenu est dans le tableau de données, accessible au clavier et aux lecteurs d’écran.',
    ],
    notDoneTitle: 'Vérifications non réalisées',
    notDone: [
      'Restitution par les lecteurs d’écran (NVDA, JAWS, VoiceOver) et par les technologies d’assistance des mobiles : aucun lecteur d’écran n’était disponible dans l’environnement de test. La structure a été contrôlée dans l’arbre d’accessibilité du navigateur, ce qui ne remplace pas une écoute réelle.',
      'Pertinence des alternatives textuelles, des intitulés de liens et des titres, jugée par une personne : seule leur présence a été vérifiée automatiquement.',
      'Navigateurs autres que Chromium (Firefox, Safari) et agrandissement par le zoom du navigateur lui-même (le texte a été agrandi par la taille de police de la page).',
      'Page de connexion : elle est celle du fournisseur d’identité académique et ne fait pas partie du portail.',
    ],
    derogationTitle: 'Contenus non soumis à l’obligation d’accessibilité',
    derogation: 'Aucun.',
    environmentTitle: 'Environnement de test',
    environment: [
      'Navigateur : Chromium 156 (paquet Debian 12), piloté par Playwright 1.65.2, fenêtre de 1280 × 900 pixels (320 pixels de large pour l’affichage sur petit écran).',
      'Outil d’analyse : axe-core 4.14.1 (par @axe-core/playwright 4.14.1), règles WCAG 2.1 A et AA.',
      'Aucune technologie d’assistance (lecteur d’écran, loupe, commande vocale).',
    ],
    technologiesTitle: 'Technologies utilisées',
    technologies:
      'HTML5, CSS, JavaScript, WAI-ARIA ; graphiques dessinés dans un canevas (ECharts) doublés d’un tableau HTML.',
    pagesTitle: 'Pages vérifiées',
    pages:
      'Toutes les pages du portail : accueil, déclaration d’accessibilité, données personnelles, mentions légales, « Ce que Relais n’enregistre pas », page introuvable, page « accès non autorisé » ; catalogue, fiche d’un parcours, mes parcours, un parcours suivi, formulaire de retour, départ d’un parcours, mes retours, messages, écrire un message ; parcours du formateur, un parcours, ses activités, ses retours ; gestion des parcours, création, modification ; parcours de la circonscription ; tendances du CHSCT ; statistiques du ministère ; méthode des statistiques ; effacements de données personnelles ; mes données.',
    contactTitle: 'Retour d’information et contact',
    contact:
      'Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez le référent numérique de votre académie : une alternative accessible vous sera proposée.',
    remedyTitle: 'Voies de recours',
    remedy:
      'Si vous avez signalé au responsable du site un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez : écrire un message au Défenseur des droits (formulaire en ligne sur defenseurdesdroits.fr) ; contacter le délégué du Défenseur des droits dans votre région ; envoyer un courrier par la poste, gratuit, sans mettre de timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    established: 'Déclaration établie le 7 décembre 2026, à partir de l’auto-contrôle du même jour.',
  },
  personalData: {
    title: 'Données personnelles',
    intro:
      'Relais traite les données personnelles des enseignants, formateurs, responsables de formation et inspecteurs qui l’utilisent, dans le cadre de la formation continue des personnels de l’Éducation nationale.',
    controllerTitle: 'Responsable du traitement',
    controller:
      'Le ministère de l’Éducation nationale (direction du numérique pour l’éducation). Chaque académie agit pour les parcours qu’elle organise.',
    processingTitle: 'Données traitées et finalités',
    processing: [
      'Identité professionnelle (nom, prénom, adresse électronique, académie, circonscription, école) : vous connecter, vous inscrire à un parcours, figurer dans la liste des participants.',
      'Inscriptions, fins de formation et heures créditées : tenir votre dossier de formation ; l’inspecteur de votre circonscription voit les parcours suivis, votre école, votre statut et, une fois la formation terminée, les heures créditées.',
      'Activités cochées comme faites : afficher votre progression, indicative, à vous et à votre formateur.',
      'Retours et messages : échanger avec vos formateurs et vos collègues d’un même parcours. Un retour anonyme n’est relié à vous par aucune donnée que le formateur, le CHSCT ou un lecteur de la base pourrait suivre.',
      'Statistiques : des faits anonymes (aucun nom, aucun identifiant) produisent des tableaux publiés avec secret statistique pour le ministère et le CHSCT.',
    ],
    legalBasisTitle: 'Base légale',
    legalBasis:
      'Mission d’intérêt public (article 6-1-e du RGPD) : l’organisation de la formation continue des personnels. La formation est volontaire.',
    retentionTitle: 'Durées de conservation',
    retention:
      'Les données d’un parcours sont conservées le temps de la formation puis pour la durée de votre dossier de formation ; chaque service de Relais indique, pour chaque donnée, sa finalité, sa base légale et sa durée de conservation. Les tableaux statistiques publiés, anonymes, sont conservés.',
    rightsTitle: 'Vos droits',
    rights:
      'Vous disposez d’un droit d’accès, de rectification, de limitation et d’opposition, et d’effacement dans les cas prévus par la loi. Relais peut vous remettre tout ce qu’il détient sur vous, donnée par donnée, avec sa finalité, sa base légale et sa durée de conservation ; l’effacement retire votre nom de chaque service (les retours anonymes et les statistiques publiées, qui ne vous désignent pas, restent).',
    contactTitle: 'Contact',
    contact:
      'Pour exercer vos droits : le délégué à la protection des données du ministère de l’Éducation nationale, ou celui de votre académie. Si vous estimez que vos droits ne sont pas respectés, vous pouvez saisir la CNIL.',
    notRecordedLink: 'Ce que Relais n’enregistre pas',
  },
  legalNotice: {
    title: 'Mentions légales',
    publisherTitle: 'Éditeur',
    publisher: 'Ministère de l’Éducation nationale, 110 rue de Grenelle, 75357 Paris SP 07.',
    directorTitle: 'Directeur de la publication',
    director: 'Le directeur du numérique pour l’éducation.',
    hostingTitle: 'Hébergement',
    hosting:
      'Relais est hébergé sur l’infrastructure du ministère ou de l’académie qui le met en service ; cette instance de démonstration fonctionne sur la machine qui l’a démarrée.',
    designTitle: 'Conception',
    design:
      'Le portail utilise le système de design de l’État (DSFR) ; la Marianne et ses typographies sont réservées aux sites de l’État.',
    licenceTitle: 'Réutilisation',
    licence:
      'Les tableaux statistiques publiés peuvent être réutilisés en citant la source, dans le respect du secret statistique (aucune tentative de ré-identification).',
    accessibilityTitle: 'Accessibilité',
    accessibility: 'Voir la déclaration d’accessibilité.',
  },
  notRecorded: {
    title: 'Ce que Relais n’enregistre pas',
    intro:
      'La formation est un espace professionnel, pas un outil de surveillance. Relais n’enregistre pas, nulle part (ni dans ses bases, ni dans ses journaux, ni dans ses traces techniques, ni dans ses statistiques) :',
    listUnavailable: 'La liste n’a pas pu être lue.',
    refusedNames: (names: readonly string[]): string => `Champs refusés : ${names.join(', ')}.`,
    progressTitle: 'La progression',
    progress:
      'Votre progression ne retient qu’une chose par activité : « fait » ou « pas fait », que vous cochez vous-même. Elle est indicative : rien n’oblige à tout cocher, et personne d’autre que vous et votre formateur ne la voit (l’inspecteur non plus).',
    refusalTitle: 'Comment Relais les refuse',
    refusal:
      'Si une application tentait d’envoyer une telle donnée (un temps, un nombre de clics, une page vue) avec une activité cochée, Relais la refuse en entier avec une erreur qui dit que ces données ne sont pas enregistrées : rien de la demande n’est conservé. Toute donnée qu’une route ne prévoit pas est refusée de la même façon.',
    statsTitle: 'Les statistiques',
    stats:
      'Les statistiques comptent des enseignants distincts à partir de faits anonymes ; elles ne reçoivent jamais de nom, d’identifiant ou de pseudonyme.',
    methodLink: 'La méthode des statistiques',
    personalDataLink: 'Données personnelles',
  },
};
