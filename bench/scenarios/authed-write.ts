import type { Scenario } from '../lib/types';
import { compareHttp, getJson, httpTargets } from './http-comparison';
import { courseIdIn } from './authed-read';

/**
 * Writes on a course: a teacher enrolls (idempotent: he is enrolled already) and ticks an activity
 * (done, then not done, in turn). Feedback is left out: see the note below.
 * Relais standalone writes to its in-memory stores and outbox; the baselines to a Map.
 */
export const authedWrite: Scenario = {
  name: 'authed-write',
  title: 'Authenticated writes: Relais standalone (in-memory store) vs bare Express 5 and node:http (a Map)',
  needs: [],
  async run(context) {
    const { result, relaisToExpress, relaisHalfP99 } = await compareHttp(
      context,
      async (standalone, authorization) => {
        const mine = await getJson(`${standalone.baseUrl}/api/enrollment/me/enrollments`, authorization);
        const courseId = courseIdIn(mine.json);
        const activities = await getJson(
          `${standalone.baseUrl}/api/progress/courses/${courseId}/activities`,
          authorization,
        );
        const activityId = /"id":"([^"]+)"/.exec(activities.text)?.[1];
        if (!activityId) throw new Error(`course ${courseId} has no activity: ${activities.text}`);
        return {
          endpoints: [
            {
              name: 'enroll (again)',
              method: 'POST',
              path: `/api/enrollment/courses/${courseId}/enrollments`,
              bodies: ['{}'],
            },
            {
              name: 'tick an activity',
              method: 'PUT',
              path: `/api/progress/courses/${courseId}/activities/${activityId}/completion`,
              bodies: ['{"done":true}', '{"done":false}'],
            },
          ],
          reads: {},
        };
      },
    );
    result.targets = httpTargets('authed write', relaisToExpress, relaisHalfP99).filter((target) =>
      target.target.includes('0.7×'),
    );
    result.notes.push(
      'docs/design.md §8 sets its HTTP targets for reads; the writes are shown against the same 0.7× for comparison.',
      "Feedback is measured as a trainer changing an item's status: a teacher posting items in a loop meets the daily quota per course (429) after a few; the baselines have no quota.",
    );
    return result;
  },
};
