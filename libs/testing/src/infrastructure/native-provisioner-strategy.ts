import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { mailpitOf, parseExportLines, requiredEndpointVariables } from './endpoints';
import type { InfrastructureEndpoints } from './endpoints';
import { infraScriptPath } from './repository-paths';
import type { InfrastructureStrategy } from './resolve';

export interface InfraCommandResult {
  readonly exitCode: number;
  readonly output: string;
}

/** Runs `scripts/infra/infra <args>`; injectable so that the strategy's logic is testable. */
export type InfraCommandRunner = (args: readonly string[]) => Promise<InfraCommandResult>;

/** Components that `infra status` reports as up (lines `<component> up ...`). */
export function componentsUp(statusOutput: string): Set<string> {
  const up = new Set<string>();
  for (const line of statusOutput.split('\n')) {
    const match = /^(\S+)\s+up\b/.exec(line);
    if (match) up.add(match[1] as string);
  }
  return up;
}

const lastLines = (text: string, count: number): string =>
  text.trimEnd().split('\n').slice(-count).join('\n');

/**
 * Way 3: the project's own provisioner (scripts/infra/infra). `up` is idempotent; we remember what
 * was down before, so that teardown stops only what this test run started and leaves infrastructure
 * that a developer or .ci/run started running.
 */
export function nativeProvisionerStrategy(run: InfraCommandRunner = runInfraScript): InfrastructureStrategy {
  return {
    source: 'native-provisioner',
    async attempt() {
      const status = await run(['status']);
      const upBefore = componentsUp(status.output);
      const up = await run(['up']);
      const startedSince = async (): Promise<string[]> =>
        [...componentsUp((await run(['status'])).output)].filter((name) => !upBefore.has(name));
      if (up.exitCode !== 0) {
        // What did come up must not outlive this failed attempt.
        const partlyStarted = await startedSince();
        if (partlyStarted.length > 0) await run(['down', ...partlyStarted]);
        return {
          outcome: 'unavailable',
          reason: `scripts/infra/infra up failed (exit ${up.exitCode}):\n${lastLines(up.output, 15)}`,
        };
      }
      const variables = parseExportLines((await run(['env'])).output);
      const missing = requiredEndpointVariables.filter((name) => variables[name] === undefined);
      if (missing.length > 0) throw new Error(`scripts/infra/infra env did not print ${missing.join(', ')}`);
      const mailpit = mailpitOf(variables.MAILPIT_URL, variables.MAILPIT_SMTP);
      const endpoints: InfrastructureEndpoints = {
        kafkaBrokers: variables.KAFKA_BROKERS as string,
        mongoUrl: variables.MONGO_URL as string,
        keycloakUrl: variables.KEYCLOAK_URL as string,
        ...(variables.TOXIPROXY_URL === undefined ? {} : { toxiproxyUrl: variables.TOXIPROXY_URL }),
        ...(mailpit === undefined ? {} : { mailpit }),
      };
      const startedHere = await startedSince();
      return {
        outcome: 'resolved',
        infrastructure: {
          source: 'native-provisioner',
          endpoints,
          startedHere: startedHere.length > 0,
          async release() {
            if (startedHere.length === 0) return;
            const down = await run(['down', ...startedHere]);
            if (down.exitCode !== 0)
              throw new Error(`scripts/infra/infra down failed:\n${lastLines(down.output, 15)}`);
          },
        },
      };
    },
  };
}

/**
 * Runs the provisioner, echoing its output to our stderr as it comes (a first `up` downloads and
 * builds for minutes: a person watching should see why). Absent or not executable → exit code 127.
 */
export async function runInfraScript(args: readonly string[]): Promise<InfraCommandResult> {
  try {
    await access(infraScriptPath, constants.X_OK);
  } catch {
    return { exitCode: 127, output: `${infraScriptPath} is missing or not executable` };
  }
  const echo = args[0] === 'up' || args[0] === 'down';
  return new Promise((resolve) => {
    const child = spawn(infraScriptPath, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => resolve({ exitCode: 127, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}
