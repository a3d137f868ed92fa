import { createLogger } from '@relais/platform';
import { demoRealmFile, relaisClient, type RelaisClient } from '@relais/testing';
import { startStandalone, type Standalone } from '../../src/standalone';

export interface StandaloneUnderTest extends RelaisClient {
  standalone: Standalone;
  stop(): Promise<void>;
}

/** Relais in this test process, on a free port, with no demo data: tests create what they need. */
export async function startTestStandalone(
  options: { minimumCount?: number } = {},
): Promise<StandaloneUnderTest> {
  const standalone = await startStandalone({
    port: 0,
    logger: createLogger({ service: 'standalone-test', level: 'silent' }),
    realmFile: demoRealmFile,
    ...(options.minimumCount === undefined ? {} : { minimumCount: options.minimumCount }),
  });
  return {
    ...relaisClient({ apiUrl: standalone.baseUrl, identityUrl: standalone.baseUrl }),
    standalone,
    stop: () => standalone.stop(),
  };
}
