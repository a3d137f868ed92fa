// Prints what CI should know from jest's JSON results: tests per infrastructure, then the closing line.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const against = {
  Kafka: /kafka|across-processes/i,
  FerretDB: /mongo|across-processes/i,
  Keycloak: /keycloak|across-processes/i,
};
const counts = Object.fromEntries(Object.keys(against).map((name) => [name, 0]));
let integration = 0;
for (const file of results.testResults) {
  const path = relative(process.cwd(), file.name);
  if (!path.endsWith('.int.test.ts')) continue;
  const passed = file.assertionResults.filter((test) => test.status === 'passed').length;
  integration += passed;
  for (const [name, pattern] of Object.entries(against)) if (pattern.test(path)) counts[name] += passed;
}
console.log(
  `integration tests passed: ${integration} (against Kafka ${counts.Kafka}, FerretDB ${counts.FerretDB}, Keycloak ${counts.Keycloak}; the rest use all three or the resolved endpoints)`,
);
console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed`);
