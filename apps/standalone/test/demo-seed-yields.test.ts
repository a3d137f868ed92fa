import { InMemoryTallyStore } from '@relais/stats';
import { seedDemoHistory } from '../src/seed/demo-data';

/**
 * The demo history is counted after /readyz first answers, on an in-memory store that never waits on
 * I/O: unless it yields, requests arriving meanwhile (the readiness probe, the first page) wait for the
 * whole count.
 */
describe('the demo history seed', () => {
  it('lets requests that arrive while it counts be served before it ends', async () => {
    let finished = false;
    const seeding = seedDemoHistory(new InMemoryTallyStore(), new Date('2026-12-07T00:00:00Z'), 3).then(
      () => (finished = true),
    );
    // What an HTTP request's callback is: a task of the event loop, behind those already queued.
    const servedWhileCounting = await new Promise<boolean>((resolve) =>
      setImmediate(() => resolve(!finished)),
    );
    await seeding;
    expect(servedWhileCounting).toBe(true);
    expect(finished).toBe(true);
  });
});
