import { badRequest } from '@relais/platform';
import { longestRangeInMonths } from '../../domain/period';

export const periodReversed = () =>
  badRequest(
    'PERIOD_REVERSED',
    '`from` is after `to`: give the earlier month first, e.g. from=2026-09&to=2026-11.',
  );

export const periodTooLong = () =>
  badRequest(
    'PERIOD_TOO_LONG',
    `A trend covers at most ${longestRangeInMonths} months: narrow from and to, or ask in several parts.`,
  );
