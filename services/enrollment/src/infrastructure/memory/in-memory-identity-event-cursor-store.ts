import type {
  IdentityEventCursor,
  IdentityEventCursorStore,
  StoredIdentityEventCursor,
} from '../identity/identity-event-cursor-store';

/** The cursor in one process's memory: tests, and a host with no database. */
export class InMemoryIdentityEventCursorStore implements IdentityEventCursorStore {
  private readonly cursors = new Map<string, StoredIdentityEventCursor>();

  async read(name: string): Promise<StoredIdentityEventCursor | undefined> {
    const stored = this.cursors.get(name);
    return stored && structuredClone(stored);
  }

  async save(name: string, next: IdentityEventCursor, previous: number | undefined): Promise<boolean> {
    if (this.cursors.get(name)?.revision !== previous) return false;
    this.cursors.set(name, { ...structuredClone(next), revision: (previous ?? 0) + 1 });
    return true;
  }
}
