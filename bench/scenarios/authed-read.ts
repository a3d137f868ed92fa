import type { Scenario } from '../lib/types';
import { compareHttp, getJson, httpTargets } from './http-comparison';

const ME = '/api/enrollment/me/enrollments';

/** A teacher's "my enrollments" and the page of one of his courses (docs/design.md §8 HTTP). */
export const authedRead: Scenario = {
  name: 'authed-read',
  title: 'Authenticated read: Relais standalone vs bare Express 5 and bare node:http (same token check)',
  needs: [],
  async run(context) {
    const { result, relaisToExpress, relaisHalfP99 } = await compareHttp(
      context,
      async (standalone, authorization) => {
        const mine = await getJson(`${standalone.baseUrl}${ME}`, authorization);
        const courseId = courseIdIn(mine.json);
        const coursePath = `/api/enrollment/courses/${courseId}`;
        const course = await getJson(`${standalone.baseUrl}${coursePath}`, authorization);
        return {
          endpoints: [
            { name: ME, method: 'GET', path: ME },
            { name: '/api/enrollment/courses/:id', method: 'GET', path: coursePath },
          ],
          reads: { [ME]: mine.text, [coursePath]: course.text },
        };
      },
    );
    result.targets = httpTargets('authed read', relaisToExpress, relaisHalfP99);
    return result;
  },
};

/** The first course of a teacher's record, whatever the record's exact shape. */
export function courseIdIn(record: unknown): string {
  const found = /"courseId":"([^"]+)"/.exec(JSON.stringify(record))?.[1];
  if (!found) throw new Error(`no course in the teacher's record: ${JSON.stringify(record).slice(0, 300)}`);
  return found;
}
