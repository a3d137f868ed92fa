/**
 * L2: connection time, clicks, pages consulted and resources viewed are not recorded. These are the
 * words by which such data is usually named; a field named with one of them is refused at the edge
 * with an explanation, and must never appear in a stored schema or document.
 */
const trackingWords = new Set([
  'time',
  'times',
  'timestamp',
  'spent',
  'duration',
  'durations',
  'elapsed',
  'seconds',
  'minutes',
  'click',
  'clicks',
  'clicked',
  'view',
  'views',
  'viewed',
  'pageview',
  'pageviews',
  'page',
  'pages',
  'access',
  'accessed',
  'accesses',
  'session',
  'sessions',
  'visit',
  'visits',
  'visited',
  'seen',
  'login',
  'logins',
  'connection',
  'connections',
  'connected',
  'scroll',
  'dwell',
  'opened',
  'opens',
  'attempts',
  'ip',
  'useragent',
  'device',
  'at',
]);

/** For names written without separators ("timespent", "lastaccess"). */
const trackingStems = ['timespent', 'lastaccess', 'lastseen', 'pageview', 'click', 'duration', 'session'];

function wordsOf(fieldName: string): string[] {
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
