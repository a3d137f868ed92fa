/**
 * Runs tasks that share a key one after the other, tasks of different keys concurrently.
 *
 * Why: FerretDB, our test database, does not make a conditional update atomic (it reads, checks the
 * filter in its own process, then rewrites the document), so two writers of one document in one
 * process could both "win". Writers that own a document by construction (the consumer of a Kafka
 * partition) serialize here; writers that do not (HTTP replicas) use insert-only revisions instead
 * (ADR 0004). A dozen lines did not justify a dependency.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
