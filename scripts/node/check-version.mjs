// Run before npm start, npm test and npm run start:services: one clear line instead of obscure failures
// further on when the runtime is older than the one Relais supports (package.json "engines").
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const required = Number(/(\d+)/.exec(engines.node)?.[1]);
const current = Number(process.versions.node.split('.')[0]);
if (current < required) {
  console.error(
    `Relais needs Node.js ${required} LTS or newer (engines: "${engines.node}"), this is ${process.version}: ` +
      'install Node.js 24, or run `source scripts/node/ensure-node.sh` to put a local copy first on PATH.',
  );
  process.exit(1);
}
