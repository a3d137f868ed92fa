import { Problem, unprocessable } from '@relais/platform';
import { longestRangeInMonths } from '../../domain/period';

export const periodReversed = () =>
  unprocessable(
    'PERIOD_REVERSED',
    '`from` is after `to`: give the earlier month first, e.g. from=2026-09&to=2026-11.',
  );

export const periodTooLong = () =>
  unprocessable(
    'PERIOD_TOO_LONG',
    `A trend covers at most ${longestRangeInMonths} months: narrow from and to, or ask in several parts.`,
  );

/** docs/api.md: a period not yet published answers 404 with the date it will be. */
export const periodNotPublished = (period: string, publishedOn: string) =>
  new Problem({
    status: 404,
    code: 'PERIOD_NOT_PUBLISHED',
    detail:
      `${period} is not published yet: tables cover closed periods only and are published on ${publishedOn}. ` +
      'Ask for an earlier period; GET /api/stats/catalogue lists the published ones.',
    extensions: { period, publishedOn },
  });
