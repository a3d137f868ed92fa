import type { PendingEvent } from '@relais/contracts';
import { parsePeriod, type StatsQueries } from '../../src/index';
import { contributions, firstReplies, participations } from './facts';

/**
 * Facts of both topics over two months, with cells above and below the threshold: the dataset on
 * which a rebuild must give back the incremental tables exactly.
 */
export function mixedFacts(): PendingEvent[] {
  return [
    ...participations({
      month: '2026-10',
      academy: 'lyon',
      themes: ['reading'],
      change: 'enrolled',
      teachers: 13,
    }),
    ...participations({
      month: '2026-11',
      academy: 'lyon',
      themes: ['reading', 'digital'],
      change: 'completed',
      teachers: 12,
      hours: 6,
    }),
    ...participations({
      month: '2026-11',
      academy: 'grenoble',
      themes: ['digital'],
      change: 'enrolled',
      teachers: 4,
    }),
    ...contributions({
      month: '2026-11',
      academy: 'lyon',
      category: 'workload-time',
      intensityBand: 'high',
      teachers: 15,
    }),
    ...contributions({
      month: '2026-11',
      academy: 'grenoble',
      category: 'other',
      intensityBand: 'low',
      teachers: 2,
    }),
    ...firstReplies({
      month: '2026-11',
      academy: 'lyon',
      category: 'workload-time',
      intensityBand: 'high',
      days: Array.from({ length: 12 }, (_, day) => day),
    }),
  ];
}

/** The tables a rebuild is compared on: every dimension of both families, over both months. */
export const tablesOf = async (queries: StatsQueries) => ({
  monthByAcademy: await queries.ministryEnrollments(parsePeriod('2026-11')!, 'academy'),
  quarterByTheme: await queries.ministryEnrollments(parsePeriod('2026-Q4')!, 'theme'),
  trends: await queries.feedbackTrends(['2026-10', '2026-11'], 'category', { kind: 'national' }),
  trendsByAcademy: await queries.feedbackTrends(['2026-11'], 'academy', { kind: 'national' }),
});
