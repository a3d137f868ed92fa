/** The words of the public pages a State service must have (issue 17, point 5). Included in `fr` by fr.ts. */
export const legal = {
  footer: {
    personalData: 'Données personnelles',
    legalNotice: 'Mentions légales',
    notRecorded: 'Ce que Relais n’enregistre pas',
    accessibility: 'Accessibilité : partiellement conforme',
  },
  accessibility: {
    title: 'Déclaration d’accessibilité',
    intro:
      'Le ministère de l’Éducation nationale s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au portail Relais.',
    statusTitle: 'État de conformité',
    status:
      'Relais est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2, en raison des non-conformités et des dérogations énumérées ci-dessous.',
    auditTitle: 'Résultats des tests',
    audit:
      'Cette déclaration repose sur un auto-contrôle de l’équipe, non sur un audit complet par un organisme indépendant : le taux de conformité au sens du RGAA n’a donc pas encore été calculé.',
    automated:
      'Tests automatiques : chaque page du portail (y compris les pages de statistiques et leurs graphiques, la page de connexion exceptée) est analysée dans un navigateur réel par axe-core sur les critères WCAG 2.1 A et AA, à chaque modification : zéro anomalie détectée.',
    manualTitle: 'Vérifications manuelles effectuées',
    manual: [
      'Au clavier seul : le formulaire de retour au formateur, les filtres et le tri du tableau de l’inspecteur, le bouton « Voir le tableau » des graphiques ; le focus reste visible.',
      'Un lien d’évitement mène au contenu ; chaque page a son propre titre et un seul titre de niveau 1.',
      'Chaque graphique a une description textuelle et un tableau de données équivalent, avec en-têtes de lignes et de colonnes ; les valeurs masquées y sont écrites en toutes lettres (« secret statistique ») et non par une couleur.',
      'Thème sombre : la page des tendances du CHSCT, graphiques compris, sans anomalie détectée.',
      'Langue de la page déclarée (français) ; dates et nombres au format français.',
    ],
    nonConformTitle: 'Contenus non accessibles',
    nonConform: [
      'Graphiques (critère 1.1 et 3.3) : les couleurs des séries viennent de la palette illustrative du DSFR ; certaines (orange, vert émeraude) n’atteignent pas un contraste de 3:1 avec le fond blanc. Les séries sont aussi distinguées par la forme de leurs points et par la légende, et le tableau de données donne chaque valeur.',
      'Infobulles des graphiques (critère 10.13) : elles apparaissent au survol de la souris seulement ; leur contenu est dans le tableau de données, accessible au clavier et aux lecteurs d’écran.',
      'Non vérifié à ce jour : la restitution par les lecteurs d’écran (NVDA, JAWS, VoiceOver), l’agrandissement du texte à 200 % et l’affichage sur petit écran. Seules les vérifications ci-dessus ont été faites.',
    ],
    derogationTitle: 'Contenus non soumis à l’obligation d’accessibilité',
    derogation: 'Aucun.',
    environmentTitle: 'Environnement de test',
    environment:
      'Chromium (Debian) piloté par Playwright, axe-core 4 (règles WCAG 2.1 A et AA), fenêtre de 1280 × 900 pixels ; clavier seul ; thème clair et, pour les statistiques, sombre.',
    contactTitle: 'Retour d’information et contact',
    contact:
      'Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez le référent numérique de votre académie : une alternative accessible vous sera proposée.',
    remedyTitle: 'Voies de recours',
    remedy:
      'Si vous signalez un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire au Défenseur des droits, le contacter par son formulaire en ligne ou vous adresser à son délégué dans votre région, ou lui écrire par courrier gratuit : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    established: 'Déclaration établie le 7 décembre 2026.',
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
    items: [
      'le temps de connexion, ni la durée passée sur une activité ou un parcours ;',
      'les clics ;',
      'les pages consultées ;',
      'les ressources vues ou téléchargées.',
    ],
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
