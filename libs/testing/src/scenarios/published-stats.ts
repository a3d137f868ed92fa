import type { RelaisClient } from '../relais-client';

export interface ScenarioOptions {
  /**
   * Publishes the current period's statistics: in one process, waits until stats has counted every
   * fact so far, then moves its clock past the period's publication day. Absent across processes,
   * where the current period stays unpublished for weeks (docs/design.md §7).
   */
  publishStats?: () => Promise<void>;
}

/**
 * A stats table of the current period: first not published (404 with the day it will be), then,
 * when the scenario can publish it, the published table; undefined otherwise.
 */
export async function publishedStatsTable(
  relais: RelaisClient,
  username: string,
  path: string,
  options: ScenarioOptions,
): Promise<Record<string, unknown> | undefined> {
  const unpublished = await relais.call(username, 'GET', path);
  expect(unpublished.status).toBe(404);
  expect(unpublished.body).toMatchObject({
    code: 'PERIOD_NOT_PUBLISHED',
    publishedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  if (!options.publishStats) return undefined;
  await options.publishStats();
  const published = await relais.call(username, 'GET', path);
  expect(published.status).toBe(200);
  return published.body as Record<string, unknown>;
}
