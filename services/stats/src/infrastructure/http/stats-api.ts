import { z } from 'zod';
import { ServiceApi } from '@relais/platform';
import { authenticate, requireRole, type TokenVerifier } from '@relais/auth';
import { parsePeriod, type Period } from '../../domain/period';
import type { StatsUseCases } from '../../application/stats-use-cases';

const periodParameter = z
  .string()
  .transform((text, context): Period => {
    const period = parsePeriod(text);
    if (!period) {
      context.addIssue({
        code: 'custom',
        message: 'period is a month YYYY-MM or a quarter YYYY-Qn, e.g. 2026-11 or 2026-Q4',
      });
      return z.NEVER;
    }
    return period;
  })
  .meta({ type: 'string', example: '2026-Q4' });

const enrollmentQuery = z.strictObject({
  period: periodParameter,
  by: z.enum(['academy', 'theme']).default('academy'),
});

const publishedCell = z.looseObject({
  measure: z.string(),
  value: z.number().nullable(),
  suppressed: z.enum(['primary', 'secondary']).optional(),
});

const enrollmentTableBody = z.object({
  table: z.literal('ministry-enrollments'),
  period: z.string(),
  by: z.enum(['academy', 'theme']),
  minimumCount: z.number().int(),
  cells: z.array(publishedCell),
});

const catalogueBody = z.object({
  tables: z.array(
    z.object({
      name: z.string(),
      path: z.string(),
      audience: z.array(z.string()),
      dimensions: z.array(z.string()),
      periods: z.array(z.string()),
      measures: z.array(z.string()),
    }),
  ),
  rules: z.object({ minimumCount: z.number().int(), sums: z.string(), secondarySuppression: z.string() }),
});

export function statsApi(useCases: StatsUseCases, verifier: TokenVerifier): ServiceApi {
  const api = new ServiceApi({ service: 'stats', title: 'Relais statistics', version: '1.0.0' });
  const signedIn = authenticate(verifier);

  api.route({
    method: 'get',
    path: '/ministry/enrollments',
    operationId: 'ministryEnrollments',
    summary: 'Teachers enrolled, completed, withdrawn and credited hours, with small cells suppressed.',
    tags: ['ministry'],
    middleware: [signedIn, requireRole('ministry')],
    request: { query: enrollmentQuery },
    responses: {
      200: { description: 'The table; a suppressed cell has value null.', schema: enrollmentTableBody },
      400: { description: 'Unknown dimension or malformed period.' },
      403: { description: 'Only the ministry reads this table.' },
    },
    handler: async ({ query }) => {
      const table = await useCases.ministryEnrollments(query.period, query.by);
      return {
        status: 200,
        body: {
          table: 'ministry-enrollments',
          minimumCount: useCases.suppressionRule.minimumCount,
          ...table,
        },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/catalogue',
    operationId: 'catalogue',
    summary: 'The fixed list of tables, their dimensions and the suppression rules in force.',
    tags: ['catalogue'],
    middleware: [signedIn, requireRole('ministry', 'chsct')],
    responses: { 200: { description: 'The catalogue.', schema: catalogueBody } },
    handler: () => ({
      status: 200,
      body: {
        tables: [
          {
            name: 'ministry-enrollments',
            path: '/api/stats/ministry/enrollments',
            audience: ['ministry'],
            dimensions: ['academy', 'theme'],
            periods: ['YYYY-MM', 'YYYY-Qn'],
            measures: ['teachers-enrolled', 'teachers-completed', 'teachers-withdrawn', 'credited-hours'],
          },
        ],
        rules: {
          minimumCount: useCases.suppressionRule.minimumCount,
          sums: 'published only with at least 3 contributors and a publishable count of them',
          secondarySuppression: 'applied so that no suppressed cell can be recovered from published totals',
        },
      },
    }),
  });

  return api;
}
