import {
  enrollmentTable,
  type EnrollmentDimension,
  type ParticipationFact,
} from '../domain/enrollment-table';
import type { Period } from '../domain/period';
import type { SuppressionRule } from '../domain/suppression';
import type { ParticipationFactStore } from './ports';

export class StatsUseCases {
  constructor(
    private readonly participation: ParticipationFactStore,
    private readonly rule: SuppressionRule,
  ) {}

  recordParticipation(factId: string, fact: ParticipationFact): Promise<boolean> {
    return this.participation.record(factId, fact);
  }

  async ministryEnrollments(period: Period, by: EnrollmentDimension) {
    const facts = await this.participation.inMonths(period.months);
    return { period: period.id, by, cells: enrollmentTable(facts, period, by, this.rule) };
  }

  get suppressionRule(): SuppressionRule {
    return this.rule;
  }
}
