import { readFileSync } from 'node:fs';
import { passwordGrant } from '@relais/testing';

interface RealmUser {
  id: string;
  username: string;
}

interface DemoCourse {
  manager: string;
  title: string;
  description: string;
  academy: string;
  themes: string[];
  predictedHours: number;
  trainers: string[];
  districts: string[];
  capacity?: number;
  participants: string[];
  completedBy?: string[];
  activities?: { id: string; title: string; kind: string; optional?: boolean }[];
  /** Activities each teacher marks done himself (L7: self-declared). */
  marks?: Record<string, string[]>;
  feedback?: DemoFeedback[];
}

interface DemoFeedback {
  author: string;
  category: string;
  intensity: number;
  visibility: 'named' | 'anonymous';
  message: string;
  /** In order: a reply by the trainer or the author, or a status change. */
  then?: ({ by: 'trainer' | 'author'; reply: string } | { by: 'trainer' | 'author'; status: string })[];
}

const teachers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `teacher.${String(from + index).padStart(2, '0')}`);

const demoCourses: DemoCourse[] = [
  {
    manager: 'manager.lyon',
    title: 'Teaching reading in CP',
    description: 'Phonics, fluency and comprehension in the first year of primary school.',
    academy: 'lyon',
    themes: ['reading'],
    predictedHours: 9,
    trainers: ['trainer.alice'],
    districts: ['lyon-d1'],
    participants: teachers(1, 14),
    completedBy: teachers(1, 12),
    activities: [
      { id: 'intro', title: 'Welcome and framework of the course', kind: 'resource' },
      { id: 'phonics-video', title: 'Phonics in practice', kind: 'video' },
      { id: 'forum', title: 'Share a lesson that worked', kind: 'forum', optional: true },
      { id: 'class-visit', title: 'Virtual class with the trainer', kind: 'virtual-class' },
    ],
    marks: {
      ...Object.fromEntries(
        teachers(1, 4).map((t) => [t, ['intro', 'phonics-video', 'class-visit', 'forum']]),
      ),
      ...Object.fromEntries(teachers(5, 12).map((t) => [t, ['intro', 'phonics-video', 'class-visit']])),
      'teacher.13': ['intro'],
    },
    feedback: [
      {
        author: 'teacher.03',
        category: 'workload-time',
        intensity: 5,
        visibility: 'anonymous',
        message:
          "I can't fit the activities in between my classes and the evening preparation; I'm falling behind and it worries me.",
        then: [
          {
            by: 'trainer',
            reply:
              'Thank you for saying so. The forum activity is optional and the virtual class will be recorded; let us look at what can wait.',
          },
          { by: 'author', reply: 'Thank you, that helps.' },
        ],
      },
      {
        author: 'teacher.07',
        category: 'technical-access',
        intensity: 3,
        visibility: 'named',
        message: 'The phonics video does not play on the school computers.',
        then: [
          { by: 'trainer', reply: 'I have added a download link under the video.' },
          { by: 'trainer', status: 'addressed' },
        ],
      },
      {
        author: 'teacher.11',
        category: 'content-relevance',
        intensity: 2,
        visibility: 'anonymous',
        message: 'Some examples assume a class of 25; mine is a double level of 12.',
      },
      {
        author: 'teacher.05',
        category: 'tool-usability',
        intensity: 4,
        visibility: 'anonymous',
        message: 'I lose my answers in the forum when the session expires.',
        then: [
          { by: 'trainer', reply: 'Thank you: the forum now saves drafts; can you try again?' },
          { by: 'trainer', status: 'addressed' },
          { by: 'author', status: 'open' },
          { by: 'author', reply: 'It happened again yesterday.' },
        ],
      },
    ],
  },
  {
    manager: 'manager.lyon',
    title: 'Mathematics with manipulatives',
    description: 'Using concrete material to build number sense in cycle 2.',
    academy: 'lyon',
    themes: ['mathematics'],
    predictedHours: 6,
    trainers: ['trainer.bruno'],
    districts: ['lyon-d2'],
    participants: teachers(21, 32),
  },
  {
    manager: 'manager.lyon',
    title: 'Digital tools for the classroom',
    description: 'A short, optional introduction to the tools of the digital workspace.',
    academy: 'lyon',
    themes: ['digital'],
    predictedHours: 3,
    trainers: ['trainer.alice', 'trainer.bruno'],
    districts: ['lyon-d1', 'lyon-d2'],
    capacity: 30,
    participants: ['teacher.05', 'teacher.16', 'teacher.33'],
    activities: [
      { id: 'workspace-tour', title: 'Tour of the digital workspace', kind: 'resource' },
      { id: 'setup-quiz', title: 'Check your setup', kind: 'quiz', optional: true },
    ],
    marks: { 'teacher.05': ['workspace-tour'] },
  },
  {
    manager: 'manager.grenoble',
    title: 'Differentiated instruction',
    description: 'Adapting activities to the needs of each pupil.',
    academy: 'grenoble',
    themes: ['inclusion'],
    predictedHours: 12,
    trainers: ['trainer.chloe'],
    districts: ['grenoble-d1'],
    participants: ['teacher.g01', 'teacher.g02', 'teacher.g03'],
  },
];

/**
 * Seeds standalone mode through the public API, as the people themselves would: every rule and
 * every event applies, and nothing is written behind the services' backs.
 */
export async function seedDemoData(baseUrl: string, realmFile: string) {
  const users = (JSON.parse(readFileSync(realmFile, 'utf8')) as { users: RealmUser[] }).users;
  const idOf = (username: string) => {
    const user = users.find((candidate) => candidate.username === username);
    if (!user) throw new Error(`the realm file has no user ${username}`);
    return user.id;
  };
  const tokens = new Map<string, string>();
  const as = async (username: string) => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const token = await passwordGrant({ baseUrl, username });
    tokens.set(username, token);
    return token;
  };
  const call = async (username: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await as(username)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`seeding: ${method} ${path} answered ${response.status}`);
    return response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
  };

  let enrollments = 0;
  for (const demo of demoCourses) {
    const course = await call(demo.manager, 'POST', '/api/enrollment/courses', {
      title: demo.title,
      description: demo.description,
      academy: demo.academy,
      themes: demo.themes,
      predictedHours: demo.predictedHours,
      trainerIds: demo.trainers.map(idOf),
      districts: demo.districts,
      ...(demo.capacity ? { capacity: demo.capacity } : {}),
    });
    const courseId = String(course?.['id']);
    for (const teacher of demo.participants) {
      await call(teacher, 'POST', `/api/enrollment/courses/${courseId}/enrollments`);
      enrollments += 1;
    }
    for (const teacher of demo.completedBy ?? []) {
      await call(
        demo.trainers[0] ?? '',
        'PUT',
        `/api/enrollment/courses/${courseId}/enrollments/${idOf(teacher)}/completion`,
        {
          completed: true,
        },
      );
    }
    if (demo.activities) {
      const trainer = demo.trainers[0] ?? '';
      await untilRosterKnows(() =>
        call(trainer, 'PUT', `/api/progress/courses/${courseId}/activities`, demo.activities),
      );
      for (const [teacher, done] of Object.entries(demo.marks ?? {})) {
        for (const activityId of done) {
          await untilRosterKnows(() =>
            call(teacher, 'PUT', `/api/progress/courses/${courseId}/activities/${activityId}/completion`, {
              done: true,
            }),
          );
        }
      }
    }
    for (const item of demo.feedback ?? []) await seedFeedback(call, demo.trainers[0] ?? '', courseId, item);
  }
  return { courses: demoCourses.length, enrollments };
}

async function seedFeedback(
  call: (
    username: string,
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<Record<string, unknown> | undefined>,
  trainer: string,
  courseId: string,
  { author, then = [], ...item }: DemoFeedback,
): Promise<void> {
  let created: Record<string, unknown> | undefined;
  await untilRosterKnows(async () => {
    created = await call(author, 'POST', `/api/feedback/courses/${courseId}/feedback`, item);
  });
  const itemId = String(created?.['id']);
  for (const step of then) {
    const who = step.by === 'trainer' ? trainer : author;
    if ('reply' in step)
      await call(who, 'POST', `/api/feedback/feedback/${itemId}/replies`, { message: step.reply });
    else await call(who, 'PATCH', `/api/feedback/feedback/${itemId}`, { status: step.status });
  }
}

/** The roster replicas fill from events, a few milliseconds after enrollment answered: retry until then. */
async function untilRosterKnows(attempt: () => Promise<unknown>): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    try {
      await attempt();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  await attempt();
}
