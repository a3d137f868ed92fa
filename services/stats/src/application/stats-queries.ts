import { feedbackCategory, intensityBand } from '@relais/contracts';
import { addCounters, type Counters } from '../domain/tallies';
import {
  enrollmentTable,
  quarterTables,
  releaseOfQuarter,
  type EnrollmentDimension,
  type QuarterRelease,
} from '../domain/enrollment-table';
import {
  protectMonth,
  releaseOfMonth,
  trendCells,
  type MonthRelease,
  type TrendDimension,
  type TrendScope,
} from '../domain/feedback-trends';
import { monthsOfQuarter, type Period } from '../domain/period';
import {
  isPublishedBy,
  ministryPublication,
  ministryPublicationDay,
  trendPublication,
  trendPublicationDay,
  type PublicationCalendar,
} from '../domain/publication';
import type { SuppressionRule } from '../domain/suppression';
import { liveFactsTopics, type FactsTopics } from './facts-topics';
import { highsSolver } from './highs-solver';
import type { TallyStore } from './ports';

export const trendVocabulary = {
  categories: feedbackCategory.options,
  intensityBands: intensityBand.options,
};

/** Asked for a period whose tables are not published yet: they will be on `publishedOn`. */
export class NotYetPublished extends Error {
  constructor(
    readonly period: string,
    readonly publishedOn: string,
  ) {
    super(`${period} is published on ${publishedOn}`);
    this.name = 'NotYetPublished';
  }
}

/** Releases kept in process: a release never changes once stored, so nothing ever invalidates one. */
const releasesKept = 512;

/**
 * The fixed catalogue of tables (docs/design.md §7): no other question can be asked of the counters. Only
 * closed, settled periods are answered, each from its release: the family's tables protected once,
 * when the period is first asked for after its publication day, stored, and served unchanged from
 * then on, whatever facts arrive later (ADR 0014).
 */
export class StatsQueries {
  private readonly releases = new Map<string, unknown>();

  constructor(
    private readonly store: TallyStore,
    readonly rule: SuppressionRule,
    readonly calendar: PublicationCalendar,
    private readonly factsTopics: FactsTopics = liveFactsTopics,
  ) {}

  async ministryEnrollments(period: Period, by: EnrollmentDimension) {
    const publishedOn = ministryPublicationDay(period.quarter, this.calendar);
    if (!isPublishedBy(publishedOn, this.calendar)) throw new NotYetPublished(period.id, publishedOn);
    const release = await this.released<QuarterRelease>(
      `ministry-enrollments/${period.quarter}`,
      async () => {
        const months = monthsOfQuarter(period.quarter);
        const counters = await this.countersByMonth(this.factsTopics.enrollmentFacts, months);
        return releaseOfQuarter(
          quarterTables(period.quarter, months, counters, this.rule, await highsSolver()),
        );
      },
    );
    return { period: period.id, by, publishedOn, cells: enrollmentTable(release, period, by) };
  }

  /** Every month asked for must be published; the last one decides when. */
  async feedbackTrends(months: readonly string[], by: TrendDimension, scope: TrendScope) {
    const last = months.at(-1);
    if (last !== undefined) {
      const publishedOn = trendPublicationDay(last, this.calendar);
      if (!isPublishedBy(publishedOn, this.calendar)) throw new NotYetPublished(last, publishedOn);
    }
    const cells = [];
    for (const month of months) {
      const release = await this.released<MonthRelease>(`chsct-feedback-trends/${month}`, async () => {
        const counters = await this.countersByMonth(this.factsTopics.feedbackFacts, [month]);
        const ofMonth = counters.get(month) ?? new Map<string, number>();
        return releaseOfMonth(
          protectMonth(month, ofMonth, trendVocabulary, this.rule, await highsSolver()),
          trendVocabulary,
          this.rule,
        );
      });
      cells.push(...trendCells(release, by, scope, trendVocabulary));
    }
    return { cells };
  }

  /** Which periods each table has published, and when the next ones will be. */
  publication() {
    return {
      ministryEnrollments: ministryPublication(this.calendar),
      chsctFeedbackTrends: trendPublication(this.calendar),
    };
  }

  /** The stored release, or, the first time, the one computed now and stored (the first writer's wins). */
  private async released<Release>(id: string, compute: () => Promise<Release>): Promise<Release> {
    const kept = this.releases.get(id);
    if (kept !== undefined) return kept as Release;
    const stored =
      (await this.store.release(id)) ?? (await this.store.publish(id, JSON.stringify(await compute())));
    const release = JSON.parse(stored) as Release;
    if (this.releases.size >= releasesKept) {
      const [oldest] = this.releases.keys();
      if (oldest !== undefined) this.releases.delete(oldest);
    }
    this.releases.set(id, release);
    return release;
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
