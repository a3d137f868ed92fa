import { randomUUID } from 'node:crypto';
import type { EventEnvelope, PendingEvent } from '@relais/contracts';
import { demoNameOf, userIdOf } from '@relais/testing';
import { parsePeriod, type StatsQueries } from '../../src/index';
import { contributions, firstReplies, participations } from '../support/facts';

/**
 * Known personal values of one demo teacher, and facts that try every way to carry them into stats:
 * as fields the contracts do not have (createEvent strips them; a raw envelope tries anyway), and in
 * the envelope's free fields. Stats must keep none of them (L11).
 */
export const personalValues = [
  userIdOf('teacher.07'),
  demoNameOf('teacher.07'),
  'teacher.07',
  'teacher.07@relais.example',
  '0690002B',
  'I cannot cope with the workload this term',
];

const [userId, name, username, email, school, message] = personalValues as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const personal = { userId, name, username, email, school, message, teacherId: userId };

function carrying(event: PendingEvent): PendingEvent {
  const envelope: EventEnvelope = {
    ...event.envelope,
    correlationId: `${userId}-${email}`,
    causationId: name,
    data: { ...(event.envelope.data as object), ...personal },
  };
  return { ...event, envelope };
}

export function factsCarryingPersonalValues(): PendingEvent[] {
  const facts = [
    ...participations({
      month: '2026-11',
      academy: 'lyon',
      themes: ['reading'],
      change: 'enrolled',
      teachers: 12,
    }),
    ...participations({
      month: '2026-11',
      academy: 'lyon',
      themes: ['reading'],
      change: 'completed',
      teachers: 12,
      hours: 9,
    }),
    ...contributions({
      month: '2026-11',
      academy: 'lyon',
      category: 'workload-time',
      intensityBand: 'high',
      teachers: 12,
    }),
    ...firstReplies({
      month: '2026-11',
      academy: 'lyon',
      category: 'workload-time',
      intensityBand: 'high',
      days: [1, 2, 3],
    }),
  ];
  return facts.map((fact, index) =>
    index % 2 === 0 ? carrying(fact) : { ...fact, envelope: { ...fact.envelope, id: randomUUID() } },
  );
}

export function personalValuesIn(documents: readonly unknown[]): string[] {
  const stored = JSON.stringify(documents).toLowerCase();
  return personalValues.filter((value) => stored.includes(value.toLowerCase()));
}

/** Asks for every table of the facts' quarter and month, so that their releases are stored too. */
export async function publishEveryTable(queries: StatsQueries): Promise<void> {
  for (const by of ['academy', 'theme'] as const)
    await queries.ministryEnrollments(parsePeriod('2026-Q4')!, by);
  await queries.feedbackTrends(['2026-11'], 'academy', { kind: 'national' });
}
