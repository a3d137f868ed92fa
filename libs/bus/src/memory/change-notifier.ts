/**
 * Wakes everyone waiting for "something changed" (a publish, a commit, a member joining or dying).
 * Waiters re-check their own condition, so one shared notifier is enough for an in-memory bus.
 */
export class ChangeNotifier {
  private waiters: Array<() => void> = [];

  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
