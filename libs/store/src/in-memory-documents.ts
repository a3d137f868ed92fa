/**
 * The in-memory counterpart of a collection, for standalone mode and fast tests. Documents are
 * copied in and out so that callers can never mutate stored state by accident, as with a database.
 */
export class InMemoryDocuments<TDocument> {
  /** `documents` may be shared with an adapter that works on the same collection, like the outbox. */
  constructor(readonly documents = new Map<string, TDocument>()) {}

  get(id: string): TDocument | undefined {
    const document = this.documents.get(id);
    return document === undefined ? undefined : structuredClone(document);
  }

  set(id: string, document: TDocument): void {
    this.documents.set(id, structuredClone(document));
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
    return structuredClone(next);
  }

  find(predicate: (document: TDocument) => boolean): TDocument[] {
    return [...this.documents.values()].filter(predicate).map((document) => structuredClone(document));
  }

  all(): TDocument[] {
    return this.find(() => true);
  }

  get size(): number {
    return this.documents.size;
  }
}
