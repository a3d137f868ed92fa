// Prints the gzip size of the JavaScript a first visit downloads (the entry chunk and its static
// imports, from Vite's manifest) and fails the build above the budget of issue 16: 250 kB gzip.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1000;
const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
const initial = new Set();
const visit = (key) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
for (const [key] of entries) visit(key);

let total = 0;
const rows = [...initial].map((key) => {
  const file = manifest[key].file;
  const gzip = gzipSync(readFileSync(new URL(file, dist))).length;
  total += gzip;
  return `  ${file}  ${(gzip / 1000).toFixed(1)} kB gzip`;
});
const lazy = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js')).length - initial.size;
console.log(
  `portal: initial JavaScript ${(total / 1000).toFixed(1)} kB gzip (budget ${BUDGET_BYTES / 1000} kB), ${lazy} chunks loaded on demand`,
);
console.log(rows.join('\n'));
if (total > BUDGET_BYTES) {
  console.error('portal: the initial JavaScript is over budget; split a route or drop a dependency.');
  process.exit(1);
}
