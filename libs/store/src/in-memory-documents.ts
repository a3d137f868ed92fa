/**
 * The in-memory counterpart of a collection, for standalone mode and fast tests. Documents are
 * copied once, when written, and frozen: readers share the stored document instead of a copy each,
 * and none of them can change stored state by accident, as with a database (a write to a frozen
 * document throws). Copying on every read was a tenth of standalone's time under load
 * (docs/benchmarks.md): "my enrollments" copied every course each time.
 */
export class InMemoryDocuments<TDocument> {
  /** `documents` may be shared with an adapter that works on the same collection, like the outbox. */
  constructor(readonly documents = new Map<string, TDocument>()) {}

  get(id: string): TDocument | undefined {
    const document = this.documents.get(id);
    return document === undefined ? undefined : deepFreeze(document);
  }

  set(id: string, document: TDocument): void {
    this.documents.set(id, deepFreeze(structuredClone(document)));
  }

  delete(id: string): boolean {
    return this.documents.delete(id);
  }

  /** Read-modify-write in one synchronous step: nothing can interleave, like a single-document update. */
  update(
    id: string,
    change: (current: TDocument | undefined) => TDocument | undefined,
  ): TDocument | undefined {
    const next = change(this.get(id));
    if (next === undefined) return undefined;
    this.set(id, next);
    return this.get(id);
  }

  find(predicate: (document: TDocument) => boolean): TDocument[] {
    const found: TDocument[] = [];
    for (const document of this.documents.values()) {
      const shared = deepFreeze(document);
      if (predicate(shared)) found.push(shared);
    }
    return found;
  }

  all(): TDocument[] {
    return this.find(() => true);
  }

  get size(): number {
    return this.documents.size;
  }
}

/**
 * Freezes the value and everything under it. A frozen object is taken as frozen all the way down:
 * only this function freezes what the store holds, and an adapter sharing the Map (the outbox)
 * replaces a document by a new one that keeps frozen parts, which the next read finishes freezing.
 * Views on binary buffers cannot be frozen; no stored document holds one.
 */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value))
    return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
