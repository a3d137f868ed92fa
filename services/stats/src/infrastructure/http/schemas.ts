import { z } from 'zod';
import { isMonth, parsePeriod, type Period } from '../../domain/period';

/** The patterns the server applies, stated in the document so that clients (and property-based testers) know them. */
const monthPattern = '^\\d{4}-(0[1-9]|1[0-2])$';
const periodPattern = '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$';

export const periodParameter = z
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
  .meta({
    type: 'string',
    pattern: periodPattern,
    description: 'a month YYYY-MM or a quarter YYYY-Qn',
    example: '2026-Q3',
  });

const monthParameter = z
  .string()
  .refine(isMonth, 'a month YYYY-MM, e.g. 2026-11')
  .meta({ type: 'string', pattern: monthPattern, description: 'a month YYYY-MM', example: '2026-09' });

export const enrollmentQuery = z.strictObject({
  period: periodParameter,
  by: z.enum(['academy', 'theme']).default('academy'),
});

export const trendsQuery = z.strictObject({
  from: monthParameter,
  to: monthParameter,
  by: z.enum(['category', 'academy']).default('category'),
});

const suppressed = z
  .enum(['primary', 'secondary'])
  .optional()
  .describe('why the value is withheld: primary (a small cell), secondary (it would reveal one)');

export const enrollmentCell = z.object({
  academy: z
    .string()
    .optional()
    .describe('the row of a table by academy; a cell with neither academy nor theme is the national total'),
  theme: z.string().optional().describe('the row of a table by theme'),
  measure: z.enum(['teachers-enrolled', 'teachers-completed', 'teachers-withdrawn', 'credited-hours']),
  value: z.number().nullable(),
  suppressed,
});

export const enrollmentTableBody = z.object({
  table: z.literal('ministry-enrollments'),
  period: z.string(),
  by: z.enum(['academy', 'theme']),
  publishedOn: z.iso.date().describe('the day the table was published; it never changes afterwards'),
  minimumCount: z.number().int(),
  cells: z
    .array(enrollmentCell)
    .describe(
      'each row’s four measures, then the national total’s (no academy, no theme: the sum of the ' +
        'academies, suppressed under the same rules); a table published before national totals has none',
    ),
});

export const trendCell = z.object({
  month: z.string(),
  academy: z.string().optional(),
  category: z.string().optional(),
  intensityBand: z.string().optional(),
  measure: z.enum(['respondents', 'median-days-to-first-reply']),
  value: z.number().nullable(),
  suppressed,
});

export const trendsTableBody = z.object({
  table: z.literal('chsct-feedback-trends'),
  from: z.string(),
  to: z.string(),
  by: z.enum(['category', 'academy']),
  scope: z.enum(['national', 'academy']),
  publishedOn: z.iso.date().describe('the day the last month of the range was published'),
  academy: z.string().optional(),
  minimumCount: z.number().int(),
  cells: z.array(trendCell),
});

export const catalogueBody = z.object({
  notice: z.string().optional().describe('e.g. that the tables come from demo data (standalone mode)'),
  tables: z.array(
    z.object({
      name: z.string(),
      path: z.string(),
      audience: z.array(z.string()),
      dimensions: z.array(z.string()),
      periods: z.array(z.string()),
      measures: z.array(z.string()),
      margins: z.string(),
      publication: z.object({
        settlingDays: z.number().int().describe('days after a period (a quarter for the ministry) ends'),
        publishedPeriods: z
          .array(z.string())
          .describe(
            'the most recent published periods (36 months’ worth), oldest first; every earlier one is published too',
          ),
        nextPublication: z.object({
          date: z.iso.date(),
          periods: z.array(z.string()).describe('the periods published on that day'),
        }),
      }),
    }),
  ),
  rules: z.object({
    minimumCount: z.number().int(),
    counts: z.string(),
    sums: z.string(),
    medians: z.string(),
    secondarySuppression: z.string(),
    periods: z.string(),
    csv: z.string(),
  }),
});
