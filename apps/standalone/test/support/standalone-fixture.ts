import { createLogger } from '@relais/platform';
import { demoRealmFile, relaisClient, type RelaisClient } from '@relais/testing';
import { startStandalone, type Standalone } from '../../src/standalone';

export interface StandaloneUnderTest extends RelaisClient {
  standalone: Standalone;
  /**
   * Publishes the statistics of the facts so far: waits until the outbox is empty and stats has
   * counted everything, then moves stats' clock past the current quarter's publication day.
   */
  publishStats(): Promise<void>;
  stop(): Promise<void>;
}

/** Past the publication day of any period that has begun by now (a quarter and the settling days). */
const afterPublication = 120 * 86_400_000;

/** Relais in this test process, on a free port, with no demo data: tests create what they need. */
export async function startTestStandalone(
  options: { minimumCount?: number } = {},
): Promise<StandaloneUnderTest> {
  let statsNow: Date | undefined;
  const standalone = await startStandalone({
    statsClock: () => statsNow ?? new Date(),
    port: 0,
    logger: createLogger({ service: 'standalone-test', level: 'silent' }),
    realmFile: demoRealmFile,
    ...(options.minimumCount === undefined ? {} : { minimumCount: options.minimumCount }),
  });
  return {
    ...relaisClient({ apiUrl: standalone.baseUrl, identityUrl: standalone.baseUrl }),
    standalone,
    publishStats: async () => {
      // Facts may come from events consumed meanwhile: drain until a pass finds nothing to publish.
      do await standalone.bus.idle();
      while ((await standalone.relay.drainOnce()) > 0);
      await standalone.bus.idle();
      statsNow = new Date(Date.now() + afterPublication);
    },
    stop: () => standalone.stop(),
  };
}
