/**
 * The words of the CHSCT, ministry and method pages (issue 17). Included in `fr` by fr.ts, so `fr`
 * stays the one place of words; kept in its own file so parallel work on the portal does not collide.
 */
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat('fr-FR', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2024-11` → "novembre 2024"; `2026-Q3` → "3e trimestre 2026"; anything else as sent. */
function period(value: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return monthFormat.format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) return `${quarter[2] === '1' ? '1er' : `${quarter[2]}e`} trimestre ${quarter[1]}`;
  return value;
}

function shortMonth(value: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  return month ? shortMonthFormat.format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)) : value;
}

/** A calendar day `2027-01-08` → "8 janvier 2027" (the API's dates are days, not instants). */
function day(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? dayFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : value;
}

export const statistics = {
  period,
  shortMonth,
  day,
  secret: 'secret statistique',
  reasons: {
    primaryCount: 'moins de 11 enseignants',
    primaryHours: 'trop peu de contributions ou une seule trop importante',
    primaryMedian: 'moins de 11 réponses',
    secondary: 'secondaire : protège une autre case',
  },
  primaryReason: (minimum: number, measure: 'count' | 'hours' | 'median'): string =>
    measure === 'count'
      ? `moins de ${minimum} enseignants`
      : measure === 'median'
        ? `moins de ${minimum} réponses`
        : 'trop peu de contributions ou une seule trop importante',
  noReply: 'aucune réponse',
  noData: 'non disponible',
  legendSecret: 'Secret statistique (valeur masquée)',
  showTable: 'Voir le tableau',
  hideTable: 'Masquer le tableau',
  downloadCsv: 'Télécharger les données (CSV)',
  downloadCsvOf: (title: string): string => `Télécharger « ${title} » (CSV)`,
  downloading: 'Téléchargement…',
  downloadFailed: "Le téléchargement n'a pas abouti. Réessayez dans quelques instants.",
  methodLink: 'Comment ces chiffres sont calculés et pourquoi certains sont masqués',
  loadingChart: 'Chargement du graphique…',
  chartFailed: "Le graphique n'a pas pu s'afficher. Les mêmes chiffres sont dans le tableau ci-dessous.",
  chartDescription: (title: string, series: string, from: string, to: string): string =>
    `Graphique « ${title} », de ${from} à ${to}, séries : ${series}. Les points en secret statistique sont marqués en haut du graphique ; le tableau qui suit donne chaque valeur.`,
  barDescription: (title: string, series: string): string =>
    `Graphique en barres « ${title} », séries : ${series}. Les valeurs en secret statistique sont marquées en haut du graphique ; le tableau qui suit donne chaque valeur.`,
  tableCaption: (title: string): string => `${title} : tableau des valeurs`,
  notPublished: (when: string): string =>
    `Cette période n'est pas encore publiée : elle le sera le ${when}. Les statistiques ne couvrent que des périodes closes, publiées une seule fois.`,
  notPublishedUnknown:
    "Cette période n'est pas encore publiée. Les statistiques ne couvrent que des périodes closes, publiées une seule fois.",
  publishedOn: (when: string): string => `Publié le ${when} ; ces chiffres ne changeront plus.`,
  nextPublication: (when: string, periods: string): string =>
    `Prochaine publication le ${when} : ${periods}.`,
  demoNotice:
    "Données de démonstration : ces statistiques viennent d'un historique inventé au démarrage de cette instance, pas de vrais enseignants.",
  emptyTable: 'Aucune donnée pour cette période.',
  apply: 'Afficher',
  dimensions: {
    category: 'Par catégorie de difficulté',
    academy: 'Par académie',
    theme: 'Par thème',
  } as Record<string, string>,
  dimensionLegend: 'Découpage',
  total: 'Ensemble',
  bands: {
    low: 'Intensité faible (1 ou 2 sur 5)',
    medium: 'Intensité moyenne (3 sur 5)',
    high: 'Intensité forte (4 ou 5 sur 5)',
  } as Record<string, string>,
  academies: {
    'aix-marseille': 'Aix-Marseille',
    amiens: 'Amiens',
    besancon: 'Besançon',
    bordeaux: 'Bordeaux',
    'clermont-ferrand': 'Clermont-Ferrand',
    corse: 'Corse',
    creteil: 'Créteil',
    dijon: 'Dijon',
    grenoble: 'Grenoble',
    lille: 'Lille',
    limoges: 'Limoges',
    lyon: 'Lyon',
    montpellier: 'Montpellier',
    nancy: 'Nancy-Metz',
    'nancy-metz': 'Nancy-Metz',
    nantes: 'Nantes',
    nice: 'Nice',
    normandie: 'Normandie',
    'orleans-tours': 'Orléans-Tours',
    paris: 'Paris',
    poitiers: 'Poitiers',
    reims: 'Reims',
    rennes: 'Rennes',
    strasbourg: 'Strasbourg',
    toulouse: 'Toulouse',
    versailles: 'Versailles',
  } as Record<string, string>,
  themes: {
    arts: 'Arts et culture',
    inclusion: 'École inclusive',
    lecture: 'Lecture et écriture',
    'langues-vivantes': 'Langues vivantes',
    mathematiques: 'Mathématiques',
    numerique: 'Numérique',
    sciences: 'Sciences',
  } as Record<string, string>,
  chsct: {
    title: 'Tendances des retours des enseignants',
    lead: 'Combien d’enseignants signalent une difficulté à leur formateur, de quoi, avec quelle intensité, et en combien de jours un formateur leur répond. Chiffres anonymes, par mois clos.',
    scopeNational: 'Périmètre : toutes les académies.',
    scopeAcademy: (academy: string): string => `Périmètre : académie de ${academy} uniquement.`,
    from: 'Du mois',
    to: 'Au mois',
    rangeHint: (max: number): string => `Mois publiés uniquement, ${max} mois au plus.`,
    rangeTooLong: (max: number): string => `Choisissez au plus ${max} mois.`,
    rangeReversed: 'Le premier mois doit précéder le dernier.',
    respondents: 'Enseignants ayant signalé une difficulté, par mois',
    bands: 'Intensité des difficultés signalées, par mois (toutes catégories)',
    median: 'Délai médian avant la première réponse du formateur, en jours',
    monthHeader: 'Mois',
    unitTeachers: 'enseignants',
    unitDays: 'jours',
  },
  ministry: {
    title: 'Statistiques de formation continue',
    lead: 'Enseignants inscrits, ayant terminé, s’étant retirés, et heures créditées, par période close. Chiffres anonymes.',
    period: 'Période',
    periodHint: 'Mois ou trimestres publiés ; une période à venir indique sa date de publication.',
    upcoming: (when: string): string => `à paraître le ${when}`,
    teachers: 'Enseignants, par mesure',
    hours: 'Heures de formation créditées',
    measures: {
      'teachers-enrolled': 'Inscrits',
      'teachers-completed': 'Formation terminée',
      'teachers-withdrawn': 'Retirés',
      'credited-hours': 'Heures créditées',
    } as Record<string, string>,
    national: 'Total national',
    nationalNote:
      'La dernière ligne de chaque tableau, « Total national », additionne les académies : elle est la même par académie et par thème (un enseignant inscrit à des formations de plusieurs thèmes compte dans chacun, mais une seule fois dans le total). Elle suit les mêmes règles de secret que les autres cases.',
    rowHeader: { academy: 'Académie', theme: 'Thème' } as Record<string, string>,
  },
  method: {
    title: 'Méthode : comment les statistiques sont calculées',
    lead: 'Les statistiques de Relais sont anonymes. Cette page est produite à partir du catalogue publié par le service des statistiques : les seuils ci-dessous sont ceux en vigueur.',
    tablesTitle: 'Les tableaux publiés',
    tablesLead: 'Seuls ces tableaux existent ; aucune autre requête, aucun filtre libre n’est possible.',
    tableNames: {
      'ministry-enrollments': 'Inscriptions, fins de formation, retraits et heures créditées (ministère)',
      'chsct-feedback-trends': 'Tendances des retours des enseignants (CHSCT)',
    } as Record<string, string>,
    tableDimensions: (dimensions: string): string => `Découpages possibles : ${dimensions}.`,
    dimensionNames: {
      academy: 'académie',
      theme: 'thème',
      category: 'catégorie de difficulté',
      intensityBand: 'intensité',
    } as Record<string, string>,
    countsTitle: 'Qui est compté',
    counts: (minimum: number): string =>
      `Chaque case compte des enseignants distincts, jamais des actions : un enseignant qui s’inscrit deux fois compte une fois. Une case n’est publiée que si elle vaut 0 ou au moins ${minimum} enseignants ; en dessous, elle apparaît comme « secret statistique » (moins de ${minimum} enseignants). C’est la règle du secret statistique appliquée en France (CASD, statistiques fiscales).`,
    sumsTitle: 'Les heures créditées',
    sums: (contributors: string, dominance: string, minimum: number): string =>
      `Une somme d’heures n’est publiée que si elle réunit au moins ${contributors} contributions (une fin de formation créditée ou retirée) et au moins ${minimum}, qu’aucune contribution ne dépasse ${dominance} % du total, et que le nombre d’enseignants ayant terminé dans la même case est lui-même publié. Sinon, une seule formation pourrait être reconnue par sa durée.`,
    sumsFromCatalogue: 'Règle en vigueur, telle que le service la publie (en anglais) :',
    mediansTitle: 'Le délai de réponse',
    medians: (minimum: number): string =>
      `Le délai médian avant la première réponse d’un formateur n’est publié que s’il repose sur au moins ${minimum} retours ayant reçu une réponse, et seulement si le nombre d’enseignants de la ligne est publié.`,
    secondaryTitle: 'Le secret secondaire',
    secondary:
      'Masquer une petite case ne suffit pas : on pourrait la retrouver, ou savoir qu’elle est petite, en soustrayant les autres cases d’un total, d’un mois ou d’un trimestre, ou en rapprochant plusieurs tableaux. D’autres cases sont donc masquées aussi, marquées « secret statistique (secondaire) ». Pour chaque petite case, le service choisit les cases à masquer avec elle de sorte que, même en posant côte à côte tous les tableaux publiés et en faisant tous les calculs possibles avec leurs totaux, personne ne puisse exclure qu’elle compte assez d’enseignants pour être publiée. Pour masquer le moins possible, il se sert d’abord des cases déjà masquées et évite autant qu’il le peut de masquer un total (national, d’une académie, d’un trimestre). Les cases masquées ainsi ne sont pas petites : elles protègent une petite case voisine.',
    periodsTitle: 'Des périodes closes, publiées une seule fois',
    periods: (days: number): string =>
      `Les tableaux ne couvrent que des mois ou des trimestres terminés. Un mois du CHSCT est publié ${days} jours après sa fin ; un mois ou un trimestre du ministère est publié avec son trimestre, ${days} jours après la fin du trimestre. Une fois publié, un tableau ne change plus jamais : comparer deux publications ne révèle donc rien. Un fait arrivé en retard compte dans le mois où il arrive.`,
    publicationTitle: 'Calendrier de publication',
    publishedRange: (table: string, first: string, last: string): string =>
      `${table} : publié jusqu’à ${last} inclus (le catalogue énumère les périodes publiées depuis ${first} ; les précédentes le sont aussi).`,
    next: (table: string, when: string, periods: string): string =>
      `${table} : prochaine publication le ${when} (${periods}).`,
    nationalTitle: 'Le total national',
    national: (minimum: number): string =>
      `Les tableaux du ministère se terminent par un total national : la somme des académies, chaque enseignant comptant dans l’académie de ses formations (un enseignant qui change d’académie dans la période compte dans chacune). C’est le même total dans le tableau par académie et dans le tableau par thème ; la somme des thèmes peut le dépasser, car un enseignant formé sur deux thèmes compte dans les deux. Le total obéit aux mêmes règles que les autres cases : en dessous de ${minimum} enseignants, il est en « secret statistique ». Et comme un total permettrait de retrouver une case masquée en soustrayant les autres, le secret secondaire le prend en compte : le total moins les cases publiées ne permet jamais de retrouver une case masquée, ni de la savoir inférieure à ${minimum}.`,
    neverTitle: 'Ce qui n’est jamais collecté',
    never:
      'Le service des statistiques ne connaît ni le nom, ni l’identifiant, ni un pseudonyme d’aucune personne : il ne reçoit que des faits anonymes (une inscription dans telle académie, tel mois). Le temps de connexion, les clics, les pages consultées et les ressources vues ne sont enregistrés nulle part dans Relais. Le contenu des retours n’entre pas dans les statistiques.',
    neverLink: 'Ce que Relais n’enregistre pas',
    csvTitle: 'Les fichiers CSV',
    csv: 'Chaque tableau se télécharge en CSV ; une valeur masquée y est vide et la colonne « suppressed » en donne la raison (primary : petite case ; secondary : secret secondaire).',
  },
};
