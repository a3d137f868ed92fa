// `npm start` (ADR 0022): brings the standalone's bundle up to date, then runs it in this process with
// plain node. Only a first start, or one after a source changed, pays for the bundling (about a second).
// The `start` script gives node --max-semi-space-size=2: V8's young generation grows to 32 MB per
// semi-space by default, which the demo seed fills; at 2 MB the process stays under 200 MB once seeded
// (about 300 MB otherwise). V8 sizes its heap when it starts: the flag cannot be set from here.
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './standalone-bundle.js';

// As before the bundle: development unless the caller says otherwise (production refuses to start).
process.env.NODE_ENV ||= 'development';

// The same shape as the standalone's own log lines.
const announceBuild = () =>
  process.stdout.write(
    `${JSON.stringify({
      level: 'info',
      time: new Date().toISOString(),
      service: 'standalone',
      msg: 'bundling the standalone (first start or its sources changed; about a second)…',
    })}\n`,
  );

const { file } = await ensureBundle({ onBuild: announceBuild });
await import(pathToFileURL(file).href);
