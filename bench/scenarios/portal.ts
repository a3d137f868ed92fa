import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { demoTokens, startStandalone } from '../lib/processes';
import { percentile, sortedCopy, type Scenario } from '../lib/types';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** Gzip bytes of the entry chunk and its static imports: what a first visit downloads (as report-size.mjs). */
function initialJavaScript(distDir: string): { bytes: number; files: number } {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let bytes = 0;
  for (const key of initial) bytes += gzipSync(readFileSync(join(distDir, manifest[key]!.file))).length;
  return { bytes, files: initial.size };
}

const LCP = `new Promise((resolve) => {
  new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime))
    .observe({ type: 'largest-contentful-paint', buffered: true });
})`;

async function paint(browser: Browser, url: string, prepare?: (storage: string) => string, ready?: string) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  try {
    if (prepare) await context.addInitScript(prepare(''));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (ready) await page.getByRole('button', { name: ready }).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return (await page.evaluate(LCP)) as number;
  } finally {
    await context.close();
  }
}

/**
 * The portal's initial JavaScript (gzip, from the Vite build) and the Largest Contentful Paint of a
 * signed-in teacher's home on loopback, in Debian's Chromium, each visit in a fresh browser context.
 */
export const portal: Scenario = {
  name: 'portal',
  title: "Portal: initial JavaScript and the teacher's home Largest Contentful Paint (Chromium, loopback)",
  needs: ['chromium'],
  async run(context) {
    const distDir = join(context.root, 'apps/portal/dist');
    if (!existsSync(join(distDir, '.vite/manifest.json'))) {
      context.log('  building the portal');
      const built = spawnSync('npm', ['run', 'portal:build'], { cwd: context.root, stdio: 'ignore' });
      if (built.status !== 0) throw new Error('npm run portal:build failed');
    }
    const javascript = initialJavaScript(distDir);
    const visits = context.quick ? 2 : 7;
    const standalone = await startStandalone({ root: context.root });
    const staticPage = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="fr"><title>Relais</title><h1>Mes parcours</h1><p>Enseigner la lecture au CP</p></html>',
      );
    }).listen(0, '127.0.0.1');
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    });
    try {
      const config = (await (await fetch(`${standalone.baseUrl}/portal-config.json`)).json()) as {
        oidcAuthority?: string;
      };
      const authority = new URL(config.oidcAuthority ?? '/realms/relais', standalone.baseUrl).href.replace(
        /\/+$/,
        '',
      );
      // A signed-in session as oidc-client-ts keeps it in the tab's sessionStorage, from the demo realm's
      // password grant: the login page's redirect only accepts the ports the realm file lists.
      const session = async () => {
        const tokens = await demoTokens(standalone.baseUrl, 'teacher.01');
        const claims = JSON.parse(
          Buffer.from((tokens.id_token ?? tokens.access_token).split('.')[1]!, 'base64url').toString('utf8'),
        ) as Record<string, unknown>;
        const user = {
          id_token: tokens.id_token,
          session_state: null,
          access_token: tokens.access_token,
          refresh_token: tokens.refresh_token,
          token_type: 'Bearer',
          scope: 'openid',
          profile: claims,
          expires_at: Math.floor(Date.now() / 1_000) + tokens.expires_in,
        };
        return JSON.stringify([`oidc.user:${authority}:relais-portal`, JSON.stringify(user)]);
      };
      const relais: number[] = [];
      const floor: number[] = [];
      const staticUrl = `http://127.0.0.1:${(staticPage.address() as AddressInfo).port}/`;
      for (let visit = 0; visit < visits; visit++) {
        const entry = await session();
        relais.push(
          await paint(
            browser,
            `${standalone.baseUrl}/`,
            () => `sessionStorage.setItem(...${entry});`,
            'Se déconnecter',
          ),
        );
        floor.push(await paint(browser, staticUrl));
      }
      const sortedRelais = sortedCopy(relais);
      const sortedFloor = sortedCopy(floor);
      const lcp = percentile(sortedRelais, 0.5);
      const kB = javascript.bytes / 1_000;
      return {
        tables: [
          {
            heading: `${visits} visits each, a fresh browser context per visit`,
            figures: [
              {
                subject: "teacher's home, signed in (portal on standalone)",
                p50: lcp,
                p99: percentile(sortedRelais, 0.99),
                ratio: lcp / percentile(sortedFloor, 0.5),
                other: `initial JavaScript ${kB.toFixed(1)} kB gzip in ${javascript.files} files`,
              },
              {
                subject: 'a static HTML page of one heading (node:http)',
                baseline: true,
                p50: percentile(sortedFloor, 0.5),
                p99: percentile(sortedFloor, 0.99),
              },
            ],
          },
        ],
        targets: [
          {
            target: 'portal initial JavaScript ≤ 250 kB gzip',
            measured: `${kB.toFixed(1)} kB`,
            met: kB <= 250,
          },
          {
            target: 'portal LCP ≤ 1 s on loopback (median)',
            measured: `${Math.round(lcp)} ms`,
            met: lcp <= 1_000,
          },
        ],
        notes: [
          'p50/p99: Largest Contentful Paint in ms, read once the signed-in page shows its sign-out button and the network is idle; ratio: Relais ÷ the static page (the floor of this browser on this machine).',
        ],
      };
    } finally {
      await browser.close();
      staticPage.close();
      await standalone.stop();
    }
  },
};
