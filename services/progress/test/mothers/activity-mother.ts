import type { Activity } from '../../src/domain/activity';

/** Object mothers: a valid activity by default, with only what a test cares about overridden. */
export const ActivityMother = {
  required: (id: string, overrides: Partial<Activity> = {}): Activity => ({
    id,
    title: `Activity ${id}`,
    kind: 'resource',
    optional: false,
    ...overrides,
  }),
  optional: (id: string, overrides: Partial<Activity> = {}): Activity => ({
    id,
    title: `Optional activity ${id}`,
    kind: 'forum',
    optional: true,
    ...overrides,
  }),
};
