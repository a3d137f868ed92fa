import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { portalBuildIsStale } from '../src/portal';

describe('whether npm start must build the portal', () => {
  let portal: string;
  let dist: string;
  const at = (path: string, secondsAgo: number) => {
    const time = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(path, time, time);
  };

  beforeEach(() => {
    portal = mkdtempSync(join(tmpdir(), 'portal-'));
    dist = join(portal, 'dist');
    mkdirSync(join(portal, 'src', 'pages'), { recursive: true });
    writeFileSync(join(portal, 'src', 'pages', 'Page.tsx'), 'export {}');
    at(join(portal, 'src', 'pages', 'Page.tsx'), 100);
    at(join(portal, 'src', 'pages'), 100);
    at(join(portal, 'src'), 100);
  });

  afterEach(() => rmSync(portal, { recursive: true, force: true }));

  it('builds when there is no build yet', async () => {
    expect(await portalBuildIsStale(portal, dist)).toBe(true);
  });

  it('reuses a build newer than every source, so later starts are fast', async () => {
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    at(join(dist, 'index.html'), 10);
    expect(await portalBuildIsStale(portal, dist)).toBe(false);
  });

  it('rebuilds when a source deep in src/ changed after the build', async () => {
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    at(join(dist, 'index.html'), 10);
    at(join(portal, 'src', 'pages', 'Page.tsx'), 1);
    expect(await portalBuildIsStale(portal, dist)).toBe(true);
  });
});
