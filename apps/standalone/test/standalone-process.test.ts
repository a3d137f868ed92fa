import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { freePort } from '@relais/testing';
import { serviceNames } from '@relais/host';

/**
 * `npm start` as a user runs it: a real process with demo data, serving the docs, the identity
 * provider and every service, and stopping cleanly on SIGTERM.
 */
describe('the standalone process', () => {
  it('starts with demo data, serves every service and stops on SIGTERM', async () => {
    const port = await freePort();
    // What `npm start` runs: the launcher, which bundles the standalone when a source changed.
    const start = fileURLToPath(new URL('../scripts/start.js', import.meta.url));
    const child = spawn(process.execPath, [start], {
      env: { ...process.env, PORT: String(port), NODE_OPTIONS: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const seeded = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (line.includes('demo data seeded')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${lines.join('\n')}`)));
    });
    try {
      await seeded;
      const base = `http://localhost:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/docs/`)).status).toBe(200);
      // The portal, built on this first start if it was not already, answers a deep link on the same origin.
      const portal = await fetch(`${base}/mes-parcours`, { headers: { Accept: 'text/html' } });
      expect(portal.status).toBe(200);
      expect(await portal.text()).toContain('<div id="racine"></div>');
      for (const service of serviceNames) {
        const document = (await (await fetch(`${base}/api/${service}/openapi.json`)).json()) as {
          openapi: string;
        };
        expect(document.openapi).toMatch(/^3\.1/);
      }
      const discovery = await fetch(`${base}/realms/relais/.well-known/openid-configuration`);
      expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${base}/realms/relais`);

      // docs/design.md §5 over the real process: authenticated answers are never cached, errors included,
      // and an undeclared method on a known path is 405 with Allow, not 404.
      const tokenResponse = await fetch(`${base}/realms/relais/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'relais-portal',
          username: 'teacher.01',
          password: 'teacher.01',
        }),
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const authorization = { authorization: `Bearer ${token}` };
      const mine = await fetch(`${base}/api/enrollment/me/enrollments`, { headers: authorization });
      expect(mine.status).toBe(200);
      expect(mine.headers.get('cache-control')).toBe('no-store');
      const refused = await fetch(`${base}/api/stats/catalogue`, { headers: authorization });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('cache-control')).toBe('no-store');
      const wrongMethod = await fetch(`${base}/api/enrollment/me/enrollments`, {
        method: 'PUT',
        headers: authorization,
      });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      // The start-up time is reported for the benchmark (≤ 3 s target), not asserted here.
      const ready = lines.find((line) => line.includes('is ready'));
      expect(JSON.parse(ready ?? '{}').readyInMs).toEqual(expect.any(Number));
    } finally {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    }
  }, 120_000);
});
