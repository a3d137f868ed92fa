import { randomUUID } from 'node:crypto';
import type { IdentityEventCursorStore } from '../../src/infrastructure/identity/identity-event-cursor-store';

/** One contract for the in-memory and the mongoose cursor of Keycloak's admin events. */
export function describeIdentityEventCursorStoreContract(
  adapterName: string,
  open: () => Promise<IdentityEventCursorStore>,
): void {
  describe(`identity event cursor store contract: ${adapterName}`, () => {
    let store: IdentityEventCursorStore;
    let name: string;
    beforeEach(async () => {
      store = await open();
      name = `keycloak-admin-events/${randomUUID()}`;
    });

    const cursor = (time: number, ...ids: string[]) => ({
      time,
      handled: ids.map((id, index) => ({ id, time: time - index })),
    });

    it('has no cursor under a name never saved', async () => {
      expect(await store.read(name)).toBeUndefined();
    });

    it('saves a first cursor as revision 1 and reads it back as it was given, an empty list included', async () => {
      expect(await store.save(name, cursor(1_700_000_000_000), undefined)).toBe(true);
      expect(await store.read(name)).toEqual({ time: 1_700_000_000_000, handled: [], revision: 1 });
    });

    it('replaces the cursor from the revision it read, keeping the handled events in order', async () => {
      await store.save(name, cursor(1_000), undefined);
      expect(await store.save(name, cursor(2_000, 'event-b', 'event-a'), 1)).toBe(true);
      expect(await store.save(name, cursor(3_000, 'event-c'), 2)).toBe(true);

      expect(await store.read(name)).toEqual({
        time: 3_000,
        handled: [{ id: 'event-c', time: 3_000 }],
        revision: 3,
      });
    });

    it('refuses a save from a revision another process saved over, and keeps that one', async () => {
      await store.save(name, cursor(1_000), undefined);
      await store.save(name, cursor(2_000, 'ahead'), 1);

      expect(await store.save(name, cursor(1_500, 'behind'), 1)).toBe(false);
      expect(await store.save(name, cursor(1_500, 'behind'), 5)).toBe(false);
      expect(await store.read(name)).toEqual({ ...cursor(2_000, 'ahead'), revision: 2 });
    });

    it('lets one of two first starts win, and refuses the other', async () => {
      expect(await store.save(name, cursor(1_000), undefined)).toBe(true);
      expect(await store.save(name, cursor(9_000), undefined)).toBe(false);
      expect(await store.read(name)).toEqual({ ...cursor(1_000), revision: 1 });
    });

    it('keeps cursors of different names apart', async () => {
      const other = `keycloak-admin-events/${randomUUID()}`;
      await store.save(name, cursor(1_000, 'mine'), undefined);
      await store.save(other, cursor(2_000, 'theirs'), undefined);
      await store.save(other, cursor(3_000), 1);

      expect(await store.read(name)).toEqual({ ...cursor(1_000, 'mine'), revision: 1 });
      expect(await store.read(other)).toEqual({ ...cursor(3_000), revision: 2 });
    });

    it('gives a copy: changing what was read or saved changes nothing stored', async () => {
      const saved = cursor(1_000, 'event-a');
      await store.save(name, saved, undefined);
      saved.handled.push({ id: 'later', time: 1_000 });
      const read = await store.read(name);
      read?.handled.push({ id: 'other', time: 1_000 });

      expect(await store.read(name)).toEqual({ ...cursor(1_000, 'event-a'), revision: 1 });
    });
  });
}
