import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The layers docs/design.md §8 asks about, recognised by where the function's code lives (first match wins). */
const layers: [string, RegExp][] = [
  ['idle (waiting for requests)', /^\((idle|program)\)$/],
  ['garbage collection', /^\(garbage collector\)$/],
  [
    'token check (keycloak-connect, libs/auth, crypto)',
    /keycloak-connect|libs\/auth\/|jose|node:crypto|internal\/crypto/,
  ],
  ['validation (zod)', /node_modules\/zod\//],
  ['response filter and API layer (libs/platform http)', /libs\/platform\/src\/http\//],
  ['logging (pino, pino-http)', /pino|sonic-boom|thread-stream|libs\/platform\/src\/logging/],
  ['telemetry (metrics, OpenTelemetry)', /opentelemetry|prom-client|libs\/telemetry/],
  ['store (in-memory repositories)', /infrastructure\/memory|libs\/store/],
  ['service code', /services\/[^/]+\/src\//],
  [
    'framework (Express, router, helmet, libs/host)',
    /node_modules\/(express|router|body-parser|helmet|finalhandler|send|serve-static|on-finished|qs|raw-body|type-is|content-type|accepts|negotiator|mime)|libs\/host\//,
  ],
  [
    'node:http and sockets',
    /node:(_http|http|net|stream|internal\/(http|streams|stream_base|net|timers))|^node:events|internal\/(http|streams|stream_base_commons|net)/,
  ],
  ['module loading and tsx (start-up)', /tsx|esbuild|node:internal\/modules|internal\/modules/],
];

const layerOf = (node: ProfileNode) => {
  const where = node.callFrame.url || `(${node.callFrame.functionName})`;
  const key = node.callFrame.url ? where : node.callFrame.functionName;
  return layers.find(([, pattern]) => pattern.test(key))?.[0] ?? 'other (node internals, libraries)';
};

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\/.*?\/node_modules\//, '')
    .replace(/^file:\/\/.*?\/(libs|services|apps)\//, '$1/')
    .replace(/^node:/, 'node:');

/**
 * Self time per layer and the heaviest functions of the CPU profiles written by `node --cpu-prof`
 * (Relais standalone under the authed read load), as markdown. Idle time is left out of the shares.
 */
export function summariseProfiles(dir: string): string | undefined {
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  if (files.length === 0) return undefined;
  const byLayer = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  const marker = join(dir, 'load-starts.json');
  const skipMicros = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, 'utf8')) as { ms: number }).ms * 1_000
    : 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    let elapsed = 0;
    profile.samples.forEach((id, index) => {
      const node = nodes.get(id)!;
      const micros = profile.timeDeltas[index] ?? 0;
      elapsed += micros;
      if (elapsed < skipMicros) return;
      const layer = layerOf(node);
      byLayer.set(layer, (byLayer.get(layer) ?? 0) + micros);
      if (layer.startsWith('idle')) return;
      busy += micros;
      const name = `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    });
  }
  const share = (micros: number) => `${((micros / busy) * 100).toFixed(1)} %`;
  const layerRows = [...byLayer]
    .filter(([layer]) => !layer.startsWith('idle'))
    .sort((a, b) => b[1] - a[1])
    .map(([layer, micros]) => `| ${layer} | ${(micros / 1_000).toFixed(0)} ms | ${share(micros)} |`);
  const functionRows = [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(
      ([name, micros]) =>
        `| \`${name.replaceAll('|', '\\|')}\` | ${(micros / 1_000).toFixed(0)} ms | ${share(micros)} |`,
    );
  return [
    `Self time of the standalone process while the authed-read scenario loads it (start-up and demo seeding left out; the two endpoints, saturated and at half rate), busy time ${(busy / 1_000).toFixed(0)} ms:`,
    '',
    '| layer | self time | share of busy |',
    '| --- | --- | --- |',
    ...layerRows,
    '',
    'Heaviest functions (self time):',
    '',
    '| function | self time | share |',
    '| --- | --- | --- |',
    ...functionRows,
  ].join('\n');
}
