/**
 * L2: « le temps de connexion, le nombre de clics, de pages consultées et de ressources visualisées ne
 * sont pas comptabilisés ». What Relais does not record, kind by kind: the sentence a person reads
 * ("Relais n’enregistre pas …", `GET /api/progress/not-recorded`) and the words by which a client
 * would name such data. A field named with one of them is refused at the edge with an explanation,
 * and must never appear in a stored schema or document. One list, so that what people are told and
 * what the API refuses cannot drift apart.
 */
export interface TrackingDataCategory {
  category: string;
  /** In French, to read after « Relais n’enregistre pas » (each one a line of that list). */
  label: string;
  /** Whole words of a field name (`timeSpent` → time, spent), lower case. */
  words: readonly string[];
  /** Found anywhere in a name written without separators (`lastaccess`, `useragent`). */
  stems: readonly string[];
}

export const trackingDataCatalogue: readonly TrackingDataCategory[] = [
  {
    category: 'connection-time',
    label: 'le temps de connexion, ni la durée passée sur une activité ou un parcours',
    words: ['time', 'times', 'spent', 'duration', 'durations', 'elapsed', 'seconds', 'minutes', 'dwell'],
    stems: ['timespent', 'duration'],
  },
  {
    category: 'connections',
    label: 'vos connexions ni vos sessions, ni leur nombre ni leur moment',
    words: ['login', 'logins', 'connection', 'connections', 'connected', 'session', 'sessions'],
    stems: ['session'],
  },
  {
    category: 'clicks',
    label: 'les clics, ni le défilement des pages',
    words: ['click', 'clicks', 'clicked', 'scroll'],
    stems: ['click'],
  },
  {
    category: 'pages',
    label: 'les pages consultées, ni vos visites',
    words: ['page', 'pages', 'pageview', 'pageviews', 'visit', 'visits', 'visited'],
    stems: ['pageview'],
  },
  {
    category: 'resources',
    label: 'les ressources vues, ouvertes ou téléchargées',
    words: ['view', 'views', 'viewed', 'opened', 'opens', 'download', 'downloads', 'downloaded'],
    stems: ['download'],
  },
  {
    category: 'accesses',
    label: 'vos accès aux parcours et aux activités, ni la date du dernier',
    words: ['access', 'accessed', 'accesses', 'seen'],
    stems: ['lastaccess', 'lastseen'],
  },
  {
    category: 'timestamps',
    label: 'l’heure de vos actions, pas même le jour où vous déclarez une activité faite',
    words: ['timestamp', 'at'],
    stems: [],
  },
  {
    category: 'attempts',
    label: 'le nombre de vos essais sur une activité, un quiz recommencé par exemple',
    words: ['attempt', 'attempts'],
    stems: [],
  },
  {
    category: 'device',
    label: 'l’appareil, le navigateur ni l’adresse IP depuis lesquels vous vous connectez',
    words: ['ip', 'device'],
    // `userAgent` splits into "user" and "agent", neither a tracking word alone.
    stems: ['useragent'],
  },
];

/** The words and stems namesTrackingData refuses: the union of the catalogue. */
export const trackingWords: ReadonlySet<string> = new Set(
  trackingDataCatalogue.flatMap((category) => category.words),
);
export const trackingStems: readonly string[] = [
  ...new Set(trackingDataCatalogue.flatMap((category) => category.stems)),
];

/** Field names a category refuses as they are: its words, and its stems (a stem alone is such a name). */
export function refusedFieldNamesOf(category: TrackingDataCategory): string[] {
  return [...new Set([...category.words, ...category.stems])];
}

export function wordsOf(fieldName: string): string[] {
  return fieldName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function namesTrackingData(fieldName: string): boolean {
  const lowered = fieldName.toLowerCase();
  return (
    wordsOf(fieldName).some((word) => trackingWords.has(word)) ||
    trackingStems.some((stem) => lowered.includes(stem))
  );
}
