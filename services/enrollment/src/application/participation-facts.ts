import { createHmac } from 'node:crypto';
import { participationCounted, createEvent, type EventOrigin, type PendingEvent } from '@relais/contracts';
import type { Course, CourseChange } from '../domain/course';
import { monthOf, quarterOf } from './calendar';
import type { ParticipationCounter } from './ports';

type CountedChange = 'enrolled' | 'withdrawn' | 'completed' | 'completion-revoked';

const countedChangeOf: Partial<Record<CourseChange['kind'], CountedChange>> = {
  enrolled: 'enrolled',
  withdrawn: 'withdrawn',
  'completion-recorded': 'completed',
  'completion-revoked': 'completion-revoked',
};

interface Cell {
  dimension: 'academy' | 'theme';
  value: string;
  period: 'month' | 'quarter';
  periodId: string;
}

function cellsOf(course: Course, month: string): Cell[] {
  const periods = [
    { period: 'month' as const, periodId: month },
    { period: 'quarter' as const, periodId: quarterOf(month) },
  ];
  const dimensions = [
    { dimension: 'academy' as const, value: course.academy },
    ...course.themes.map((theme) => ({ dimension: 'theme' as const, value: theme })),
  ];
  return dimensions.flatMap((dimension) => periods.map((period) => ({ ...dimension, ...period })));
}

/**
 * Turns course changes into anonymous facts. The counter is asked, through keyed one-way tokens,
 * whether this teacher was already counted in each cell; the fact carries only the answer.
 */
export class ParticipationFacts {
  constructor(
    private readonly counter: ParticipationCounter,
    private readonly countingKey: string,
  ) {}

  async factsFor(
    course: Course,
    changes: readonly CourseChange[],
    origin: EventOrigin,
  ): Promise<{ facts: PendingEvent[]; countedTokens: string[] }> {
    const month = monthOf(origin.now);
    const facts: PendingEvent[] = [];
    const countedTokens: string[] = [];
    for (const change of changes) {
      const counted = countedChangeOf[change.kind];
      if (!counted || !('participant' in change)) continue;
      const cells = cellsOf(course, month);
      const tokens = cells.map((cell) => this.tokenOf(change.participant.userId, counted, cell));
      const known = await this.counter.alreadyCounted(tokens);
      const newCells = cells.filter((_cell, index) => !known.has(tokens[index] ?? ''));
      countedTokens.push(...tokens.filter((token) => !known.has(token)));
      facts.push(
        createEvent(
          participationCounted,
          {
            month,
            academy: course.academy,
            themes: course.themes,
            change: counted,
            creditedHoursDelta: creditedHoursDeltaOf(change),
            newTeacherIn: newCells.map(({ dimension, value, period }) => ({ dimension, value, period })),
          },
          origin,
        ),
      );
    }
    return { facts, countedTokens };
  }

  markCounted(tokens: readonly string[]): Promise<void> {
    return tokens.length === 0 ? Promise.resolve() : this.counter.markCounted(tokens);
  }

  private tokenOf(userId: string, change: CountedChange, cell: Cell): string {
    return createHmac('sha256', this.countingKey)
      .update([userId, change, cell.dimension, cell.value, cell.periodId].join('\u0000'))
      .digest('base64url');
  }
}

function creditedHoursDeltaOf(change: CourseChange): number {
  if (change.kind === 'completion-recorded') return change.participant.creditedHours;
  if (change.kind === 'completion-revoked') return -change.revokedHours;
  return 0;
}
