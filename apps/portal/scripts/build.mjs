// The portal's production build: DSFR icons used by the sources, Vite, then the size report.
// One script so `npm run portal:build` and standalone's first start build exactly the same way.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// React's production build, whatever NODE_ENV the caller runs with (standalone runs in development).
process.env.NODE_ENV = 'production';

const portalDir = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

// react-dsfr writes icons.min.css with only the icons the sources use (the full set is megabytes).
const dsfrBin = require.resolve('@codegouvfr/react-dsfr/bin/react-dsfr');
const icons = spawnSync(process.execPath, [dsfrBin, 'update-icons'], { cwd: portalDir, encoding: 'utf8' });
if (icons.status !== 0) {
  console.error(icons.stdout, icons.stderr);
  process.exit(1);
}

await build({
  root: portalDir,
  mode: 'production',
  logLevel: process.env.PORTAL_BUILD_QUIET ? 'warn' : 'info',
});

const report = spawnSync(process.execPath, [fileURLToPath(new URL('report-size.mjs', import.meta.url))], {
  stdio: 'inherit',
});
process.exit(report.status ?? 1);
