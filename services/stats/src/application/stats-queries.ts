import { feedbackCategory, intensityBand } from '@relais/contracts';
import { addCounters, type Counters } from '../domain/tallies';
import { enrollmentTable, quarterTables, type EnrollmentDimension } from '../domain/enrollment-table';
import { protectMonth, trendCells, type TrendDimension, type TrendScope } from '../domain/feedback-trends';
import { monthsOfQuarter, type Period } from '../domain/period';
import type { SuppressionRule } from '../domain/suppression';
import { liveFactsTopics, type FactsTopics } from './facts-topics';
import type { TallyStore } from './ports';
import { VersionedCache } from './versioned-cache';

export const trendVocabulary = {
  categories: feedbackCategory.options,
  intensityBands: intensityBand.options,
};

/** The fixed catalogue of tables (DESIGN §7): no other question can be asked of the counters. */
export class StatsQueries {
  /**
   * Secondary suppression is the costly part of a query: each family (a quarter of enrollments, a
   * month of feedback) is protected again only when its counters changed.
   */
  private readonly quarters = new VersionedCache<ReturnType<typeof quarterTables>>(256);
  private readonly feedbackMonths = new VersionedCache<ReturnType<typeof protectMonth>>(256);

  constructor(
    private readonly store: TallyStore,
    readonly rule: SuppressionRule,
    private readonly factsTopics: FactsTopics = liveFactsTopics,
  ) {}

  async ministryEnrollments(period: Period, by: EnrollmentDimension) {
    const months = monthsOfQuarter(period.quarter);
    const counters = await this.countersByMonth(this.factsTopics.enrollmentFacts, months);
    const all = [...counters].flatMap(([month, ofMonth]) =>
      [...ofMonth].map(([key, count]): [string, number] => [`${month}|${key}`, count]),
    );
    const tables = this.quarters.remember(period.quarter, fingerprintOf(all), () =>
      quarterTables(period.quarter, months, counters, this.rule),
    );
    return { period: period.id, by, cells: enrollmentTable(tables, period, by) };
  }

  async feedbackTrends(months: readonly string[], by: TrendDimension, scope: TrendScope) {
    const counters = await this.countersByMonth(this.factsTopics.feedbackFacts, months);
    const cells = months.flatMap((month) => {
      const ofMonth = counters.get(month) ?? new Map<string, number>();
      const protectedMonth = this.feedbackMonths.remember(month, fingerprintOf(ofMonth), () =>
        protectMonth(month, ofMonth, trendVocabulary, this.rule),
      );
      return trendCells(protectedMonth, by, scope, trendVocabulary, this.rule);
    });
    return { cells };
  }

  /** Each month's counters, summed over the partitions that contributed to it. */
  private async countersByMonth(topic: string, months: readonly string[]): Promise<Map<string, Counters>> {
    const generation = await this.store.activeGeneration();
    const byMonth = new Map<string, Map<string, number>>(months.map((month) => [month, new Map()]));
    for (const shard of await this.store.shards(generation, topic, months)) {
      const month = byMonth.get(shard.month);
      if (month) addCounters(month, shard.counters);
    }
    return byMonth;
  }
}

/** The same counters, in any order, give the same fingerprint. */
function fingerprintOf(counters: Iterable<[string, number]>): string {
  return JSON.stringify([...counters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
