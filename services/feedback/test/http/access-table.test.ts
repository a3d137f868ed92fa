import {
  publishCourseWithMembers,
  startServiceHarness,
  userIdOf,
  type ServiceHarness,
} from '@relais/testing';
import { createInMemoryFeedbackService } from '../../src/in-memory';

/**
 * Every route × every demo role × member / non-member × author / not author → expected status
 * (docs/api.md: a role that may never use a route → 403; a course or item of a kind the caller may use
 * but is not his → 404, so existence does not leak). One row per caller, one column per route.
 */
type Route =
  | 'policy'
  | 'feedbackOptions'
  | 'postFeedback'
  | 'courseFeedback'
  | 'reply'
  | 'setStatus'
  | 'myFeedback'
  | 'withdraw'
  | 'sendMessage'
  | 'myMessages'
  | 'myData'
  | 'myAnonymousAuthorship';

const routes: Route[] = [
  'policy',
  'feedbackOptions',
  'postFeedback',
  'courseFeedback',
  'reply',
  'setStatus',
  'myFeedback',
  'withdraw',
  'sendMessage',
  'myMessages',
  'myData',
  'myAnonymousAuthorship',
];

//                                                  policy options postFb courseFb reply patch meFb  delete sendMsg meMsg meData meAnon
// prettier-ignore
const table: [string, string | undefined, number[]][] = [
  ['author (participant)',          'teacher.01',     [200, 200, 201, 403, 201, 200, 200, 204, 201, 200, 200, 200]],
  ['participant, not the author',   'teacher.02',     [200, 200, 201, 403, 404, 404, 200, 404, 201, 200, 200, 200]],
  ['teacher of another course',     'teacher.30',     [200, 404, 404, 403, 404, 404, 200, 404, 404, 200, 200, 200]],
  ['trainer of the course',         'trainer.alice',  [200, 200, 403, 200, 201, 200, 403, 403, 201, 200, 200, 200]],
  ['trainer of another course',     'trainer.bruno',  [200, 404, 403, 404, 404, 404, 403, 403, 404, 200, 200, 200]],
  ['training manager',              'manager.lyon',   [200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200]],
  ['inspector',                     'inspector.d1',   [200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200]],
  ['ministry',                      'ministry.dne',   [200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200]],
  ['chsct (national)',              'chsct.national', [200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200]],
  ['chsct (academy)',               'chsct.lyon',     [200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200]],
  ['ops',                           'ops.admin',      [200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200, 200]],
  ['nobody (no token)',             undefined,        [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401]],
];

const rows = table.flatMap(([who, username, statuses]) =>
  routes.map((route, index) => [route, who, statuses[index] ?? 0, username] as const),
);

describe('feedback access: every route × every demo role × membership × authorship', () => {
  let harness: ServiceHarness;
  let courseId: string;
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryFeedbackService({
        verifier: verifierFor('relais-feedback'),
        limits: { feedbackPerDay: 1_000, authorRepliesPerDay: 1_000, messagesPerDay: 1_000 },
      }),
    ]);
    courseId = await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.alice'],
      // Five: the fewest participants with which anonymous items are accepted.
      participants: ['teacher.01', 'teacher.02', 'teacher.03', 'teacher.04', 'teacher.05'],
    });
    await publishCourseWithMembers(harness.bus, {
      trainers: ['trainer.bruno'],
      participants: ['teacher.30'],
    });
    await harness.bus.idle();
  });
  afterAll(async () => harness.stop());

  /** A fresh item of teacher.01 for every row, so that no row depends on another. */
  async function freshItem(): Promise<string> {
    const posted = await harness.call('teacher.01', 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'support-guidance',
      intensity: 3,
      message: 'I do not understand what is expected in the final activity.',
      visibility: 'anonymous',
    });
    return posted.body.id as string;
  }

  const call = async (route: Route, username: string | undefined) => {
    const fid = await freshItem();
    const recipient = userIdOf(username === 'teacher.03' ? 'teacher.02' : 'teacher.03');
    const requests: Record<Route, [string, string, unknown?]> = {
      policy: ['GET', '/policy'],
      feedbackOptions: ['GET', `/courses/${courseId}/feedback-options`],
      postFeedback: [
        'POST',
        `/courses/${courseId}/feedback`,
        { category: 'other', intensity: 1, message: 'A remark.', visibility: 'named' },
      ],
      courseFeedback: ['GET', `/courses/${courseId}/feedback`],
      reply: ['POST', `/feedback/${fid}/replies`, { message: 'A reply.' }],
      setStatus: [
        'PATCH',
        `/feedback/${fid}`,
        { status: username === 'teacher.01' ? 'open' : 'acknowledged' },
      ],
      myFeedback: ['GET', '/me/feedback'],
      withdraw: ['DELETE', `/feedback/${fid}`],
      sendMessage: ['POST', `/courses/${courseId}/messages`, { toUserId: recipient, message: 'Hello.' }],
      myMessages: ['GET', '/me/messages'],
      // Every role may ask what is held about itself (GDPR article 15).
      myData: ['GET', '/me/data'],
      myAnonymousAuthorship: ['GET', '/me/data/anonymous-authorship'],
    };
    const [method, path, body] = requests[route];
    return harness.call(username, method, `/api/feedback${path}`, body);
  };

  it.each(rows)('%s by %s → %i', async (route, _who, expected, username) => {
    const response = await call(route, username);
    expect({ route, username, status: response.status }).toEqual({ route, username, status: expected });
    if (expected >= 400) expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
