import { z } from 'zod';
import { defineEvent } from '../contract';
import { academy, month, theme } from '../primitives';

/**
 * The anonymous fact behind the ministry's enrollment table. It names no person, no school and no
 * course: only the calendar month, the academy, the course's themes and the kind of change.
 * Stats must count distinct teachers without knowing who they are, so the enrollment service (which
 * does know) says in which cells this change is the teacher's first of its kind: `newTeacherIn`.
 */
export const countingCell = z.object({
  dimension: z.enum(['academy', 'theme']),
  value: z.string().min(1).max(60),
  period: z.enum(['month', 'quarter']),
});

export const participationCounted = defineEvent({
  type: 'enrollment.participation.counted.v1',
  topic: 'enrollment.facts.v1',
  classification: 'anonymous',
  description: 'One enrollment, withdrawal, completion or revoked completion, with no person reference.',
  schema: z.object({
    month,
    academy,
    themes: z.array(theme).max(10),
    change: z.enum(['enrolled', 'withdrawn', 'completed', 'completion-revoked']),
    creditedHoursDelta: z.number().min(-200).max(200),
    newTeacherIn: z.array(countingCell),
  }),
  keyOf: (data) => `${data.academy}:${data.month}`,
  example: {
    month: '2026-11',
    academy: 'lyon',
    themes: ['reading'],
    change: 'completed',
    creditedHoursDelta: 9,
    newTeacherIn: [
      { dimension: 'academy', value: 'lyon', period: 'month' },
      { dimension: 'theme', value: 'reading', period: 'quarter' },
    ],
  },
});
