import { randomUUID } from 'node:crypto';
import type { OutboxStore } from '@relais/bus';
import { coursePublished, createEvent, type PendingEvent } from '@relais/contracts';
import { RevisionConflict, update, type Revision, type RevisionLog } from '../src/index';

/** The state the contract saves: small, with a list to show that concurrent changes are not lost. */
export interface Roll {
  title: string;
  members: string[];
}

export interface RevisionLogUnderTest {
  log: RevisionLog<Roll>;
  /** The relay's view of the same documents. */
  outbox: OutboxStore;
}

const anEvent = (): PendingEvent =>
  createEvent(coursePublished, coursePublished.example, {
    source: 'store-test',
    correlationId: randomUUID(),
    now: new Date('2026-12-07T10:00:00Z'),
  });

const roll = (title = 'Reading', members: string[] = []): Roll => ({ title, members });

/** Every pending event, in order, as the relay would find them; leases are released again. */
async function pendingEventIds(outbox: OutboxStore): Promise<string[]> {
  const owner = randomUUID();
  const claimed = await outbox.claim(owner, 60_000, 1_000);
  for (const document of claimed) await outbox.acknowledge(document.documentId, owner, []);
  return claimed.flatMap((document) => document.events.map((event) => event.envelope.id));
}

/** What the relay does once it has published: acknowledges every pending event. */
async function publishAll(outbox: OutboxStore): Promise<void> {
  const owner = randomUUID();
  for (const document of await outbox.claim(owner, 60_000, 1_000)) {
    await outbox.acknowledge(
      document.documentId,
      owner,
      document.events.map((event) => event.envelope.id),
    );
  }
}

/** One contract for every RevisionLog adapter (ADR 0026). */
export function describeRevisionLogContract(
  adapterName: string,
  open: () => Promise<RevisionLogUnderTest>,
): void {
  describe(`RevisionLog contract: ${adapterName}`, () => {
    let log: RevisionLog<Roll>;
    let outbox: OutboxStore;
    beforeEach(async () => {
      ({ log, outbox } = await open());
    });

    it('saves a new aggregate from revision 0 and reads it back at revision 1', async () => {
      const id = randomUUID();
      expect(await log.append(id, 0, roll('Reading', ['ann']), [])).toBe('saved');
      expect(await log.read(id)).toEqual({ state: roll('Reading', ['ann']), revision: 1 });
    });

    it('reads nothing for an id never saved', async () => {
      expect(await log.read(randomUUID())).toBeUndefined();
    });

    it('refuses a second creation of the same id', async () => {
      const id = randomUUID();
      await log.append(id, 0, roll('First'), []);
      expect(await log.append(id, 0, roll('Second'), [])).toBe('conflict');
      expect(await log.read(id)).toEqual({ state: roll('First'), revision: 1 });
    });

    it('saves only over the revision the writer read', async () => {
      const id = randomUUID();
      await log.append(id, 0, roll(), []);
      expect(await log.append(id, 1, roll('Second'), [])).toBe('saved');
      expect(await log.append(id, 1, roll('Stale'), [])).toBe('conflict');
      expect(await log.append(id, 3, roll('Ahead'), [])).toBe('conflict');
      expect(await log.read(id)).toEqual({ state: roll('Second'), revision: 2 });
    });

    it('lets exactly one of many concurrent saves from one revision win', async () => {
      const id = randomUUID();
      await log.append(id, 0, roll(), []);
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, index) => log.append(id, 1, roll(`T${index}`), [])),
      );
      expect(outcomes.filter((outcome) => outcome === 'saved')).toHaveLength(1);
      expect(await log.read(id)).toEqual({
        state: roll(`T${outcomes.indexOf('saved')}`),
        revision: 2,
      });
    });

    it('keeps the events of every save pending, in order, until the relay acknowledges them', async () => {
      const id = randomUUID();
      const [created, renamed, joined] = [anEvent(), anEvent(), anEvent()];
      await log.append(id, 0, roll(), [created]);
      await log.append(id, 1, roll('Renamed'), [renamed]);
      expect(await pendingEventIds(outbox)).toEqual([created.envelope.id, renamed.envelope.id]);
      await publishAll(outbox);
      await log.append(id, 2, roll('Renamed', ['ann']), [joined]);
      expect(await pendingEventIds(outbox)).toEqual([joined.envelope.id]);
    });

    it('saves no event of a save that conflicted', async () => {
      const id = randomUUID();
      await log.append(id, 0, roll(), []);
      await log.append(id, 1, roll('Second'), []);
      expect(await log.append(id, 1, roll('Stale'), [anEvent()])).toBe('conflict');
      expect(await pendingEventIds(outbox)).toEqual([]);
    });

    it('forgets a removed state at once, keeps its events pending, and refuses any later save', async () => {
      const id = randomUUID();
      const [created, removed] = [anEvent(), anEvent()];
      await log.append(id, 0, roll('Private'), [created]);
      expect(await log.remove(id, 0)).toBe('conflict');
      expect(await log.remove(id, 1, [removed])).toBe('saved');
      expect(await log.read(id)).toBeUndefined();
      expect(await pendingEventIds(outbox)).toEqual([created.envelope.id, removed.envelope.id]);
      expect(await log.append(id, 0, roll('Again'), [])).toBe('conflict');
      expect(await log.append(id, 2, roll('Again'), [])).toBe('conflict');
      expect(await log.remove(id, 2)).toBe('conflict');
      expect(await log.read(id)).toBeUndefined();
    });

    describe('update', () => {
      it('decides from the latest revision and saves over it', async () => {
        const id = randomUUID();
        await log.append(id, 0, roll(), []);
        const seen: Array<Revision<Roll> | undefined> = [];
        const result = await update(log, id, (current) => {
          seen.push(current);
          return { save: 'state', next: roll('Next'), events: [], result: 'done' };
        });
        expect(result).toBe('done');
        expect(seen).toEqual([{ state: roll(), revision: 1 }]);
        expect(await log.read(id)).toEqual({ state: roll('Next'), revision: 2 });
      });

      it('decides again from the newer state when another writer saved first', async () => {
        const id = randomUUID();
        await log.append(id, 0, roll(), []);
        const seen: number[] = [];
        await update(log, id, async (current) => {
          seen.push(current?.revision ?? 0);
          // Another writer saves between this read and this save, once.
          if (seen.length === 1) await log.append(id, 1, roll('Reading', ['bob']), []);
          const members = [...(current?.state.members ?? []), 'ann'];
          return { save: 'state', next: roll('Reading', members), events: [], result: undefined };
        });
        expect(seen).toEqual([1, 2]);
        expect(await log.read(id)).toEqual({ state: roll('Reading', ['bob', 'ann']), revision: 3 });
      });

      it('never loses a change of concurrent writers', async () => {
        const id = randomUUID();
        await log.append(id, 0, roll(), []);
        const members = Array.from({ length: 6 }, (_, index) => `m${index}`);
        await Promise.all(
          members.map((member) =>
            update(log, id, (current) => ({
              save: 'state',
              next: roll('Reading', [...(current?.state.members ?? []), member]),
              events: [],
              result: undefined,
            })),
          ),
        );
        const latest = await log.read(id);
        expect([...(latest?.state.members ?? [])].sort()).toEqual(members);
        expect(latest?.revision).toBe(7);
      });

      it('saves nothing when the decision is to save nothing', async () => {
        const id = randomUUID();
        await log.append(id, 0, roll(), []);
        expect(await update(log, id, () => ({ save: 'nothing', result: 'unchanged' }))).toBe('unchanged');
        expect((await log.read(id))?.revision).toBe(1);
      });

      it('creates from revision 0 when the decision is made on nothing', async () => {
        const id = randomUUID();
        await update(log, id, (current) => ({
          save: 'state',
          next: roll(current ? 'Existing' : 'New'),
          events: [],
          result: undefined,
        }));
        expect(await log.read(id)).toEqual({ state: roll('New'), revision: 1 });
      });

      it('removes, and then decides on nothing', async () => {
        const id = randomUUID();
        await log.append(id, 0, roll(), []);
        await update(log, id, () => ({ save: 'removal', result: undefined }));
        expect(await update(log, id, (current) => ({ save: 'nothing', result: current }))).toBeUndefined();
      });

      it('saves nothing and passes on what the decision throws', async () => {
        const id = randomUUID();
        await log.append(id, 0, roll(), []);
        const refused = new Error('refused by a rule');
        await expect(
          update(log, id, () => {
            throw refused;
          }),
        ).rejects.toBe(refused);
        expect((await log.read(id))?.revision).toBe(1);
      });

      it('gives up with RevisionConflict once other writers won every attempt', async () => {
        const id = randomUUID();
        await log.append(id, 0, roll(), []);
        let decisions = 0;
        const attempt = update(
          log,
          id,
          async (current) => {
            decisions += 1;
            await log.append(id, current?.revision ?? 0, roll(`Other ${decisions}`), []);
            return { save: 'state', next: roll('Mine'), events: [], result: undefined };
          },
          3,
        );
        await expect(attempt).rejects.toBeInstanceOf(RevisionConflict);
        expect(decisions).toBe(3);
        expect(await log.read(id)).toEqual({ state: roll('Other 3'), revision: 4 });
      });
    });
  });
}
