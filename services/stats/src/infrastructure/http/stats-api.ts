import type { Request, Response } from 'express';
import { declareMyDataRoute, ServiceApi } from '@relais/platform';
import { authenticate, callerOf, requireRole, type TokenVerifier } from '@relais/auth';
import { monthRange, longestRangeInMonths } from '../../domain/period';
import { trendPublicationDay } from '../../domain/publication';
import type { TrendScope } from '../../domain/feedback-trends';
import { NotYetPublished, type StatsQueries } from '../../application/stats-queries';
import { recordSuppressedCells } from '../metrics/suppressed-cells';
import { statsPersonalData } from '../personal-data';
import { toCsv } from './csv';
import { periodNotPublished, periodReversed, periodTooLong } from './problems';
import { catalogueBody, enrollmentQuery, enrollmentTableBody, trendsQuery, trendsTableBody } from './schemas';

const problem = (description: string) => ({ description });

/** Withheld cells per rule, for the ops dashboard: the table's name and the rule, never which cell. */
function countSuppressed(table: string, cells: readonly object[]): void {
  for (const suppression of ['primary', 'secondary'] as const)
    recordSuppressedCells({
      table,
      suppression,
      count: cells.filter((cell) => 'suppressed' in cell && cell.suppressed === suppression).length,
    });
}

/** A period asked for before its publication day is, to the caller, a table that does not exist yet. */
async function publishedOnly<Table>(query: () => Promise<Table>): Promise<Table> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof NotYetPublished) throw periodNotPublished(error.period, error.publishedOn);
    throw error;
  }
}

const wantsCsv = (req: Request) => req.accepts(['application/json', 'text/csv']) === 'text/csv';

function sendCsv(
  res: Response,
  name: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): void {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${name}.csv"`)
    .send(toCsv(columns, rows));
}

/**
 * An academy's CHSCT carries its academy in the token and sees only that academy; a member of the
 * national committee has no academy claim. ADR 0011 explains why the claim decides.
 */
function trendScopeOf(req: Request): TrendScope {
  const { academy } = callerOf(req);
  return academy ? { kind: 'academy', academy } : { kind: 'national' };
}

export function statsApi(queries: StatsQueries, verifier: TokenVerifier, notice?: string): ServiceApi {
  const api = new ServiceApi({ service: 'stats', title: 'Relais statistics', version: '1.0.0' });
  const signedIn = authenticate(verifier);
  const minimumCount = queries.rule.minimumCount;

  api.route({
    method: 'get',
    path: '/ministry/enrollments',
    operationId: 'ministryEnrollments',
    summary: 'Teachers enrolled, completed, withdrawn and credited hours, with small cells suppressed.',
    description: 'Send `Accept: text/csv` for the same table as CSV (suppressed values empty).',
    tags: ['ministry'],
    middleware: [signedIn, requireRole('ministry')],
    request: { query: enrollmentQuery },
    responses: {
      200: { description: 'The table; a suppressed cell has value null.', schema: enrollmentTableBody },
      400: problem('Unknown dimension or malformed period.'),
      401: problem('No valid bearer token.'),
      403: problem('Only the ministry reads this table.'),
      404: problem(
        'The period is not published yet (PERIOD_NOT_PUBLISHED): a month or quarter is published with its ' +
          'quarter, settling days after the quarter ends; `publishedOn` says when.',
      ),
    },
    handler: async ({ query, req, res }) => {
      const table = await publishedOnly(() => queries.ministryEnrollments(query.period, query.by));
      countSuppressed('ministry-enrollments', table.cells);
      if (wantsCsv(req)) {
        const rows = table.cells.map((cell) => ({ period: table.period, ...cell }));
        sendCsv(
          res,
          `ministry-enrollments-${table.period}-by-${table.by}`,
          csvColumns.enrollments(table.by),
          rows,
        );
        return undefined;
      }
      return { status: 200, body: { table: 'ministry-enrollments', minimumCount, ...table } };
    },
  });

  api.route({
    method: 'get',
    path: '/chsct/feedback-trends',
    operationId: 'chsctFeedbackTrends',
    summary:
      'Monthly respondents per category (or academy) and intensity band, and the median days to a first reply.',
    description:
      'An academy’s CHSCT sees its academy only. Send `Accept: text/csv` for the same table as CSV.',
    tags: ['chsct'],
    middleware: [signedIn, requireRole('chsct')],
    request: { query: trendsQuery },
    responses: {
      200: { description: 'The table; a suppressed cell has value null.', schema: trendsTableBody },
      400: problem('Unknown dimension or malformed months.'),
      422: problem(
        `PERIOD_REVERSED: \`from\` after \`to\`; PERIOD_TOO_LONG: more than ${longestRangeInMonths} months.`,
      ),
      401: problem('No valid bearer token.'),
      403: problem('Only the CHSCT reads this table.'),
      404: problem(
        'The last month asked for is not published yet (PERIOD_NOT_PUBLISHED); `publishedOn` says when.',
      ),
    },
    handler: async ({ query, req, res }) => {
      const range = monthRange(query.from, query.to);
      if (!range.ok) throw range.reason === 'reversed' ? periodReversed() : periodTooLong();
      const scope = trendScopeOf(req);
      const { cells } = await publishedOnly(() => queries.feedbackTrends(range.months, query.by, scope));
      countSuppressed('chsct-feedback-trends', cells);
      const header = {
        table: 'chsct-feedback-trends' as const,
        publishedOn: trendPublicationDay(query.to, queries.calendar),
        from: query.from,
        to: query.to,
        by: query.by,
        scope: scope.kind,
        ...(scope.kind === 'academy' ? { academy: scope.academy } : {}),
        minimumCount,
      };
      if (wantsCsv(req)) {
        sendCsv(
          res,
          `chsct-feedback-trends-${query.from}-${query.to}-by-${query.by}`,
          csvColumns.trends,
          cells,
        );
        return undefined;
      }
      return { status: 200, body: { ...header, cells } };
    },
  });

  api.route({
    method: 'get',
    path: '/catalogue',
    operationId: 'catalogue',
    summary: 'The fixed list of tables, their dimensions and the suppression rules in force.',
    tags: ['catalogue'],
    middleware: [signedIn, requireRole('ministry', 'chsct')],
    responses: {
      200: { description: 'The catalogue.', schema: catalogueBody },
      401: problem('No valid bearer token.'),
      403: problem('Only the ministry and the CHSCT read statistics.'),
    },
    handler: () => ({
      status: 200,
      body: {
        ...(notice === undefined ? {} : { notice }),
        ...catalogue(minimumCount, queries.publication()),
      },
    }),
  });

  // Any signed-in role, not only the readers of tables: whoever asks learns that nothing is held about him.
  declareMyDataRoute(api, {
    middleware: [signedIn],
    declaration: statsPersonalData,
    collect: async () => ({}),
  });

  return api;
}

const csvColumns = {
  enrollments: (by: string) => ['period', by, 'measure', 'value', 'suppressed'],
  trends: ['month', 'academy', 'category', 'intensityBand', 'measure', 'value', 'suppressed'],
};

function catalogue(minimumCount: number, publication: ReturnType<StatsQueries['publication']>) {
  return {
    tables: [
      {
        name: 'ministry-enrollments',
        path: '/api/stats/ministry/enrollments',
        audience: ['ministry'],
        dimensions: ['academy', 'theme'],
        periods: ['YYYY-MM', 'YYYY-Qn'],
        measures: ['teachers-enrolled', 'teachers-completed', 'teachers-withdrawn', 'credited-hours'],
        margins:
          'the national total of each period, in both tables (a cell without academy or theme, empty in ' +
          'CSV): the sum of the academies, each teacher counted in the academy of his courses; ' +
          'suppressed under the same rules and protected with every row',
        publication: publication.ministryEnrollments,
      },
      {
        name: 'chsct-feedback-trends',
        path: '/api/stats/chsct/feedback-trends',
        audience: ['chsct (national: every academy)', 'chsct (academy: its own academy only)'],
        dimensions: ['category', 'academy', 'intensityBand'],
        periods: [`YYYY-MM to YYYY-MM, monthly, at most ${longestRangeInMonths} months`],
        measures: ['respondents', 'median-days-to-first-reply'],
        margins:
          'a cell without a category, academy or intensityBand counts every value of it (empty in CSV)',
        publication: publication.chsctFeedbackTrends,
      },
    ],
    rules: {
      minimumCount,
      counts: `distinct teachers; a cell is published only if it is 0 or at least ${minimumCount}`,
      sums:
        'credited hours: at least 3 contributions (a completion credited or revoked) and as many as the ' +
        'minimum count, none above 85 % of the sum, and only where the count of completions is published',
      medians: `at least ${minimumCount} replies, and only where the respondents of the row are published`,
      secondarySuppression:
        'decided over every table that can be set side by side (a quarter with its months, by academy ' +
        'with by theme, with the national totals; a month of feedback with all its academies): for each ' +
        'small cell, the fewest and smallest other cells are hidden so that the published rows, columns ' +
        `and totals still allow it to be ${minimumCount} or more`,
      periods:
        'calendar months and quarters only; a quarter and its months are protected together. Closed periods ' +
        'only: a CHSCT month is published settlingDays after it ends, a ministry month or quarter with its ' +
        'quarter, settlingDays after the quarter ends. A published table never changes; facts that arrive ' +
        'later count in the month they arrive in',
      csv: 'Accept: text/csv gives the same table with a header row; a suppressed value is empty',
    },
  };
}
