import './zod-openapi';
import { z } from 'zod';

const fieldErrorSchema = z.object({
  in: z.enum(['body', 'query', 'params']),
  path: z.string().describe('Dotted path of the field; empty for the whole part'),
  message: z.string(),
});

/** RFC 9457 problem document as Relais sends it; documented on every 4xx/5xx response. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI that identifies the problem type; one per code'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What went wrong and what to do about it'),
    code: z.string().describe('Stable machine-readable code, e.g. ENROLLMENT_NOT_FOUND'),
    errors: z.array(fieldErrorSchema).optional().describe('Present on VALIDATION_FAILED and UNKNOWN_FIELDS'),
  })
  .describe('RFC 9457 problem details');
