import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// The realm file lists the portal's redirect URIs for http://localhost:8080, http://127.0.0.1:8080 and
// http://127.0.0.1:8090 only (Keycloak's rules: no wildcard ports), so the browser tests run on one of
// them: RELAIS_E2E_URL=http://127.0.0.1:8090 when 8080 is taken.
const baseURL = (process.env.RELAIS_E2E_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const port = new URL(baseURL).port || '80';
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  testDir: 'e2e',
  // One standalone process holds all state; journeys sign in as different people and stay independent.
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'off',
    launchOptions: {
      // Debian's Chromium (apt-get install chromium): Playwright's own browser download cannot work here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } } }],
  webServer: {
    // What `npm start` runs (the cached bundle), so the browser tests exercise the path users take.
    command: 'node apps/standalone/scripts/start.js',
    cwd: repositoryRoot,
    // Not /readyz: the standalone answers before its demo data is written, and the tests read it.
    url: `${baseURL}/demo/status`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port,
      RELAIS_PUBLIC_URL: baseURL,
      NODE_ENV: 'development',
      RELAIS_SEED: 'demo',
      LOG_LEVEL: 'warn',
    },
  },
});
