import { readFileSync } from 'node:fs';
import { respondentCell } from '@relais/contracts';
import { FactIngestion, liveFactsTopics, type ReadFact, type TallyStore } from '@relais/stats';
import { demoAccessToken } from './demo-token';

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
    title: 'Enseigner la lecture au CP',
    description:
      'Code alphabétique, fluence et compréhension : des séances concrètes pour la première année de l’école élémentaire.',
    academy: 'lyon',
    themes: ['lecture'],
    predictedHours: 9,
    trainers: ['trainer.alice'],
    districts: ['lyon-d1'],
    participants: teachers(1, 14),
    completedBy: teachers(1, 12),
    activities: [
      { id: 'intro', title: 'Lire le guide d’accompagnement', kind: 'resource' },
      { id: 'phonics-video', title: 'Vidéo : une séance de phonologie en classe', kind: 'video' },
      { id: 'forum', title: 'Partager une séance qui a bien fonctionné', kind: 'forum', optional: true },
      { id: 'class-visit', title: 'Classe virtuelle avec la formatrice', kind: 'virtual-class' },
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
          'Entre la classe, les corrections et la préparation du soir, je n’arrive pas à caser les activités de la formation. Je prends du retard et ça m’inquiète.',
        then: [
          {
            by: 'trainer',
            reply:
              'Merci de l’avoir dit. Le forum est facultatif et la classe virtuelle sera enregistrée : voyons ensemble ce qui peut attendre les vacances.',
          },
          { by: 'author', reply: 'Merci, ça me soulage.' },
        ],
      },
      {
        author: 'teacher.07',
        category: 'technical-access',
        intensity: 3,
        visibility: 'named',
        message: 'La vidéo de phonologie ne se lance pas sur les ordinateurs de l’école.',
        then: [
          { by: 'trainer', reply: 'J’ai ajouté un lien de téléchargement sous la vidéo.' },
          { by: 'trainer', status: 'addressed' },
        ],
      },
      {
        author: 'teacher.11',
        category: 'content-relevance',
        intensity: 2,
        visibility: 'anonymous',
        message:
          'Les exemples supposent une classe de 25 élèves de CP ; j’ai un double niveau GS-CP de 12 élèves en école rurale.',
      },
      {
        author: 'teacher.05',
        category: 'tool-usability',
        intensity: 4,
        visibility: 'anonymous',
        message: 'Je perds ma réponse sur le forum quand la session expire avant que je l’envoie.',
        then: [
          {
            by: 'trainer',
            reply: 'Merci : le forum enregistre désormais les brouillons. Pouvez-vous réessayer ?',
          },
          { by: 'trainer', status: 'addressed' },
          { by: 'author', status: 'open' },
          { by: 'author', reply: 'C’est encore arrivé hier soir.' },
        ],
      },
    ],
  },
  {
    manager: 'manager.lyon',
    title: 'Manipuler pour apprendre les mathématiques',
    description:
      'Utiliser du matériel concret (cubes, réglettes, jetons) pour construire le sens du nombre au cycle 2.',
    academy: 'lyon',
    themes: ['mathematiques'],
    predictedHours: 6,
    trainers: ['trainer.bruno'],
    districts: ['lyon-d2'],
    participants: teachers(21, 32),
  },
  {
    manager: 'manager.lyon',
    title: 'Le numérique en classe',
    description:
      'Une courte initiation, facultative, aux outils de l’espace numérique de travail (ENT) de l’académie.',
    academy: 'lyon',
    themes: ['numerique'],
    predictedHours: 3,
    trainers: ['trainer.alice', 'trainer.bruno'],
    districts: ['lyon-d1', 'lyon-d2'],
    capacity: 30,
    participants: ['teacher.05', 'teacher.16', 'teacher.33'],
    activities: [
      { id: 'workspace-tour', title: 'Découvrir l’espace numérique de travail', kind: 'resource' },
      { id: 'setup-quiz', title: 'Vérifier son équipement', kind: 'quiz', optional: true },
    ],
    marks: { 'teacher.05': ['workspace-tour'] },
  },
  {
    manager: 'manager.grenoble',
    title: 'Différencier sa pédagogie',
    description:
      'Adapter les activités aux besoins de chaque élève, y compris les élèves à besoins particuliers.',
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
    const token = await demoAccessToken(baseUrl, username);
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

/*
 * Demo data: a synthetic anonymous history for the statistics (issue 17, point 6). Standalone mode
 * starts empty, and the courses above all happen today, in a period not yet published: without a
 * past, the ministry and the CHSCT would see no table at all. This hands stats' ingestion the
 * anonymous facts that enrollment and feedback would have published over the months before today,
 * shaped by their contracts and dated on their day, so stats counts them with its own rules and
 * publishes them as releases like any other. The teachers are numbers drawn here and forgotten.
 * The facts skip the bus and its JSON and contract parsing: through it, the history cost standalone
 * about 110 MB more resident memory (V8 grows its heap for the garbage), directly about 20 MB.
 * Only the standalone host calls this, on its own in-memory store: never on real facts.
 */

export const demoHistoryNotice =
  'Données de démonstration : les statistiques de cette instance autonome proviennent d’un historique ' +
  'fictif de 24 mois (faits anonymes inventés au démarrage), et non de véritables enseignants.';

/** A partition of the facts topics that no consumer writes: the history's own shards. */
const demoHistoryPartition = 999;

/** Academies with their number of teachers in the demo: Corse small enough for suppressed cells. */
const historyAcademies: readonly [string, number][] = [
  ['lyon', 3_000],
  ['grenoble', 2_200],
  ['clermont-ferrand', 1_300],
  ['dijon', 1_000],
  ['besancon', 700],
  ['corse', 260],
];
/** Themes with the hours their courses credit. */
const historyThemes: readonly [string, number][] = [
  ['lecture', 9],
  ['mathematiques', 12],
  ['sciences', 6],
  ['numerique', 7.5],
  ['inclusion', 9],
  ['langues-vivantes', 6],
  ['arts', 3],
];

/** Categories other than workload, weighted by repetition. */
const historyCategories = [
  'technical-access',
  'technical-access',
  'technical-access',
  'tool-usability',
  'tool-usability',
  'content-relevance',
  'support-guidance',
  'other',
] as const;

/** A deterministic generator: the same history at every start. */
function historyRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const monthAfter = (month: string, count: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const quarterOfMonth = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
const dayOf = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}T00:00:00.000Z`;
/** More training in the autumn, little in the summer holidays, a slow rise over the two years. */
const seasonOf = (month: string, index: number) =>
  [0.8, 0.9, 1, 0.9, 0.8, 0.7, 0.3, 0.15, 1.3, 1.4, 1.2, 0.8][Number(month.slice(5, 7)) - 1]! *
  (0.85 + index * 0.012);

/**
 * Counts the history of the `months` before `today`'s month into `tallies`, month by month, and
 * answers how many facts it held. Call it before the tables are read: a period asked for earlier
 * would be published without them.
 */
export async function seedDemoHistory(
  tallies: TallyStore,
  today: Date,
  months = 24,
): Promise<{ facts: number }> {
  const ingestion = new FactIngestion(tallies, () => tallies.activeGeneration());
  const random = historyRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const thisMonth = today.toISOString().slice(0, 7);
  const firstMonth = monthAfter(thisMonth, -months);
  const pending = { enrollment: [] as ReadFact[], feedback: [] as ReadFact[] };
  const offsets = { enrollment: 0, feedback: 0 };
  const add = (topic: 'enrollment' | 'feedback', fact: Omit<ReadFact, 'offset' | 'factId'>) => {
    const offset = offsets[topic]++;
    pending[topic].push({ ...fact, offset, factId: `demo-history/${topic}/${offset}` } as ReadFact);
  };
  // What enrollment's and feedback's keyed tokens remember: whether a teacher was already counted in
  // a cell of a period. Kept per period, and dropped once no fact can fall in it any more.
  const counted = new Map<string, Set<string>>();
  const firstTime = (period: string, token: string) => {
    const seen = counted.get(period) ?? new Set<string>();
    counted.set(period, seen);
    return !seen.has(token) && Boolean(seen.add(token));
  };

  for (let index = 0; index < months; index++) {
    const month = monthAfter(firstMonth, index);
    for (const [academy, teachers] of historyAcademies) {
      // Counted in memory, without I/O: without a pause the history would hold the event loop for its
      // whole count (seconds), and /readyz and the first pages would wait for it.
      await new Promise((resolve) => setImmediate(resolve));
      const enrolments = Math.round(teachers * 0.035 * seasonOf(month, index) * (0.8 + random() * 0.4));
      for (let enrolment = 0; enrolment < enrolments; enrolment++) {
        const teacher = `${academy}#${Math.floor(random() * teachers)}`;
        const [theme, hours] = pick(historyThemes);
        const outcome = random();
        const changes: ['enrolled' | 'completed' | 'withdrawn', string][] = [['enrolled', month]];
        if (outcome < 0.72) changes.push(['completed', monthAfter(month, 1 + Math.floor(random() * 2))]);
        else if (outcome < 0.84) changes.push(['withdrawn', monthAfter(month, Math.floor(random() * 2))]);
        for (const [change, on] of changes) {
          if (on >= thisMonth) continue;
          const newTeacherIn = (
            [
              ['month', on],
              ['quarter', quarterOfMonth(on)],
            ] as const
          ).flatMap(([period, id]) =>
            (
              [
                ['academy', academy],
                ['theme', theme],
              ] as const
            )
              .filter(([dimension, value]) => firstTime(id, `${teacher}|${change}|${dimension}|${value}`))
              .map(([dimension, value]) => ({ dimension, value, period })),
          );
          add('enrollment', {
            kind: 'participation',
            occurredAt: dayOf(on, 1 + Math.floor(random() * 27)),
            fact: {
              month: on,
              academy,
              themes: [theme],
              change,
              creditedHoursDelta: change === 'completed' ? hours : 0,
              newTeacherIn,
            },
          });
        }
      }
      // Feedback: teachers in training voice a difficulty, workload most of all and most in the autumn;
      // the rarer categories and the small academies give the suppressed cells.
      const items = Math.round(teachers * 0.06 * seasonOf(month, index) * (0.8 + random() * 0.4));
      for (let item = 0; item < items; item++) {
        const teacher = `${academy}#${Math.floor(random() * teachers)}`;
        const autumn = ['09', '10', '11'].includes(month.slice(5, 7));
        const category = random() < (autumn ? 0.5 : 0.35) ? 'workload-time' : pick(historyCategories);
        const intensityBand = pick(['low', 'medium', 'medium', 'high', 'high'] as const);
        const day = 1 + Math.floor(random() * 27);
        const values = { academy, category, intensityBand };
        const firstContributionIn = respondentCell.options.filter((grouping) => {
          const dimensions = grouping === 'total' ? [] : grouping.split('+');
          const cell = dimensions.map((dimension) => values[dimension as keyof typeof values]).join('|');
          return firstTime(month, `${teacher}|${grouping}|${cell}`);
        });
        add('feedback', {
          kind: 'contribution',
          occurredAt: dayOf(month, day),
          fact: { month, academy, category, intensityBand, firstContributionIn },
        });
        if (random() < 0.85) {
          const days = Math.floor(-Math.log(1 - random()) * (intensityBand === 'high' ? 2 : 5));
          const replied = new Date(Date.parse(dayOf(month, day)) + days * 86_400_000).toISOString();
          if (replied.slice(0, 7) >= thisMonth) continue;
          add('feedback', {
            kind: 'first-reply',
            occurredAt: replied,
            fact: { month, academy, category, intensityBand, daysToFirstReply: days },
          });
        }
      }
    }
    // Counted month by month: never more than a month of facts held here.
    for (const topic of ['enrollment', 'feedback'] as const) {
      const partition = {
        topic: topic === 'enrollment' ? liveFactsTopics.enrollmentFacts : liveFactsTopics.feedbackFacts,
        partition: demoHistoryPartition,
      };
      if (pending[topic].length > 0) await ingestion.record(partition, pending[topic]);
      pending[topic] = [];
    }
    // Later facts fall in the next month or after: no earlier period is needed again.
    const oldestMonth = monthAfter(month, -1);
    const oldestQuarter = quarterOfMonth(oldestMonth);
    for (const period of counted.keys())
      if (period < (period.includes('Q') ? oldestQuarter : oldestMonth)) counted.delete(period);
  }
  return { facts: offsets.enrollment + offsets.feedback };
}

/**
 * Asks, as the ministry and the national CHSCT would, for every published table of the history, so
 * that each period is protected and stored once now rather than on a first visitor's request (a
 * 24-month trend protects 24 months of cells: seconds, cold).
 */
export async function publishDemoHistory(baseUrl: string): Promise<{ tables: number }> {
  const get = async (username: string, path: string) => {
    const token = await demoAccessToken(baseUrl, username);
    const response = await fetch(`${baseUrl}/api/stats${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`publishing the demo history: GET ${path} answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const catalogue = (await get('ministry.dne', '/catalogue')) as {
    tables: { name: string; publication: { publishedPeriods: string[] } }[];
  };
  const periodsOf = (name: string) =>
    catalogue.tables.find((table) => table.name === name)?.publication.publishedPeriods ?? [];
  const quarters = periodsOf('ministry-enrollments').filter((period) => period.includes('Q'));
  for (const quarter of quarters) await get('ministry.dne', `/ministry/enrollments?period=${quarter}`);
  const months = periodsOf('chsct-feedback-trends');
  if (months.length > 0)
    await get('chsct.national', `/chsct/feedback-trends?from=${months[0]}&to=${months.at(-1)}`);
  return { tables: quarters.length + months.length };
}
