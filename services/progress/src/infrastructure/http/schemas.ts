import { z } from 'zod';
import { NOT_BLANK } from '@relais/platform';
import { activityKinds } from '../../domain/activity';

const courseId = z.uuid('a course id is a UUID');
// Activity ids appear in paths (…/activities/:activityId/completion), so they stay URL-safe.
const activityId = z
  .string()
  .min(1, 'an activity id must not be empty')
  .max(64, 'an activity id is at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'an activity id uses only letters, digits, ".", "_" and "-"');

export const courseIdParams = z.strictObject({ id: courseId });
export const activityParams = z.strictObject({ id: courseId, activityId });
export const activityInput = z.strictObject({
  id: activityId,
  // Not trimmed here: the document states what is accepted as sent; the domain trims.
  title: z
    .string()
    .max(200, 'an activity title is at most 200 characters')
    .regex(NOT_BLANK, 'an activity title must not be blank: give the activity a name'),
  kind: z.enum(activityKinds),
  optional: z.boolean().default(false),
});
export const activityListInput = z
  .array(activityInput)
  .max(200, 'a course has at most 200 activities')
  .describe('Activity ids are unique in the list: a repeated id is 422 DUPLICATE_ACTIVITY_IDS.');

/** L7: the only thing a participant tells about an activity. */
export const completionInput = z.strictObject({
  done: z.boolean('done is true or false'),
});

export const activityOutput = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(activityKinds),
  optional: z.boolean(),
});

const bar = {
  done: z.number().int(),
  total: z.number().int(),
  percent: z.number().int().min(0).max(100),
};

export const participantProgressOutput = z.object({
  ...bar,
  activities: z.array(activityOutput.extend({ done: z.boolean() })),
});

export const participantBarsOutput = z.array(z.object({ userId: z.string(), name: z.string(), ...bar }));

/** L2, public: what is not recorded, each kind with the field names the API refuses for it. */
export const notRecordedOutput = z.object({
  categories: z.array(
    z.object({
      category: z.string().describe('A stable key of the kind of data, e.g. `clicks`.'),
      label: z.string().describe('In French, one line of « Relais n’enregistre pas … ».'),
      refusedFieldNames: z
        .array(z.string())
        .describe(
          'Names of this kind of data: a request field named with one of them, alone or within a longer name ' +
            '(`timeSpent`, `last_access`), is refused with 400 TRACKING_DATA_REFUSED.',
        ),
    }),
  ),
});
