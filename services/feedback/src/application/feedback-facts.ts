import {
  contributionCounted,
  createEvent,
  firstReplyMeasured,
  type EventOrigin,
  type PendingEvent,
} from '@relais/contracts';
import { intensityBandOf, type FeedbackItem } from '../domain/feedback-item';
import { monthOf } from './calendar';
import type { KeyedTokens } from './keyed-tokens';
import type { RespondentCounter } from './ports';

type Dimension = 'academy' | 'category' | 'intensityBand';

/** Every grouping of a month stats may publish, totals included (see `respondentCell`). */
const cells: readonly (readonly Dimension[])[] = [
  [],
  ['academy'],
  ['category'],
  ['intensityBand'],
  ['academy', 'category'],
  ['academy', 'intensityBand'],
  ['category', 'intensityBand'],
  ['academy', 'category', 'intensityBand'],
];

const cellName = (dimensions: readonly Dimension[]) =>
  (dimensions.length === 0 ? 'total' : dimensions.join('+')) as
    | 'total'
    | 'academy'
    | 'category'
    | 'intensityBand'
    | 'academy+category'
    | 'academy+intensityBand'
    | 'category+intensityBand'
    | 'academy+category+intensityBand';

/**
 * Turns feedback into anonymous facts for the CHSCT tables (L11, L12). Whether a teacher is new in a
 * cell this month is asked of the counter through keyed one-way tokens; the fact carries the answer
 * only. Tokens are marked after the item is saved: a crash in between may count a teacher twice in a
 * cell (an over-count by one), never expose one.
 */
export class FeedbackFacts {
  constructor(
    private readonly counter: RespondentCounter,
    private readonly tokens: KeyedTokens,
  ) {}

  async contributionOf(
    authorId: string,
    item: FeedbackItem,
    origin: EventOrigin,
  ): Promise<{ fact: PendingEvent; countedTokens: string[] }> {
    const month = monthOf(item.postedOn);
    const intensityBand = intensityBandOf(item.intensity);
    const values: Record<Dimension, string> = {
      academy: item.academy,
      category: item.category,
      intensityBand,
    };
    const cellTokens = cells.map((dimensions) =>
      this.tokens.respondentIn(
        authorId,
        month,
        cellName(dimensions),
        dimensions.map((dimension) => values[dimension]),
      ),
    );
    const known = await this.counter.alreadyCounted(cellTokens);
    const firstIn = cells.filter((_cell, index) => !known.has(cellTokens[index] ?? ''));
    const fact = createEvent(
      contributionCounted,
      {
        month,
        academy: item.academy,
        category: item.category,
        intensityBand,
        firstContributionIn: firstIn.map(cellName),
      },
      origin,
    );
    return { fact, countedTokens: cellTokens.filter((token) => !known.has(token)) };
  }

  firstReplyOf(item: FeedbackItem, daysToFirstReply: number, origin: EventOrigin): PendingEvent {
    return createEvent(
      firstReplyMeasured,
      {
        month: monthOf(item.postedOn),
        academy: item.academy,
        category: item.category,
        intensityBand: intensityBandOf(item.intensity),
        daysToFirstReply,
      },
      origin,
    );
  }

  markCounted(tokens: readonly string[]): Promise<void> {
    return tokens.length === 0 ? Promise.resolve() : this.counter.markCounted(tokens);
  }
}
