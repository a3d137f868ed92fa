import type { Scenario } from '../lib/types';
import { compareHttp, getJson, httpTargets } from './http-comparison';
import { courseIdIn } from './authed-read';

/**
 * A teacher's three writes on the course he follows: enroll (idempotent: he is enrolled already),
 * tick an activity (done, then not done, in turn) and post a feedback item (a new one each time).
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
            {
              name: 'post feedback',
              method: 'POST',
              path: `/api/feedback/courses/${courseId}/feedback`,
              bodies: [
                JSON.stringify({
                  category: 'workload-time',
                  intensity: 3,
                  message: 'Les activités demandent plus de temps que prévu.',
                  visibility: 'named',
                }),
              ],
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
      'DESIGN §8 sets its HTTP targets for reads; the writes are shown against the same 0.7× for comparison.',
    );
    return result;
  },
};
