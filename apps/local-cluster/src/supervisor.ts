import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Logger } from 'pino';

/**
 * `running`: the process is up and was seen serving; `starting`: spawned again after a death and not
 * serving yet; `restarting`: dead, waiting for its backoff to end; `stopped`: stopped on purpose.
 */
export type ProcessState = 'starting' | 'running' | 'restarting' | 'stopped';

export interface Backoff {
  /** The first restart waits this long; each further one in a row waits twice as long. */
  initialMs: number;
  maxMs: number;
  /** A process that lived this long before it died starts again from initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

export interface SupervisorOptions {
  /** `relais-enrollment`: how log lines name the process. */
  name: string;
  start: () => ChildProcess;
  logger: Logger;
  /** Resolves once a freshly started process serves; rejects if it never does. */
  awaitServing: (child: ChildProcess) => Promise<void>;
  backoff?: Partial<Backoff>;
}

export interface SupervisedProcess {
  readonly name: string;
  state(): ProcessState;
  /** The running child's pid, or undefined while it is dead. */
  pid(): number | undefined;
  /** How many times the process died without being asked to. */
  deaths(): number;
  /** Resolves when the first process serves; rejects with its exit when it dies before. */
  firstServing: Promise<void>;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 12_000;

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${String(code)}`;
}

/**
 * Keeps a process alive: a death that nobody asked for is logged with how it ended, and the process is
 * started again after an exponential backoff, so that a service that cannot start does not spin.
 */
export function superviseProcess(options: SupervisorOptions): SupervisedProcess {
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  let state: ProcessState = 'starting';
  let child: ChildProcess | undefined;
  let deaths = 0;
  let deathsInARow = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let resolveFirst: () => void = () => undefined;
  let rejectFirst: (error: Error) => void = () => undefined;
  let firstSettled = false;
  const firstServing = new Promise<void>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  // Handled by whoever awaits it; never an unhandled rejection when nobody does.
  firstServing.catch(() => undefined);

  const launch = () => {
    const startedAt = Date.now();
    const current = options.start();
    child = current;
    current.once('exit', (code, signal) => {
      if (child === current) child = undefined;
      if (state === 'stopped') return;
      deaths += 1;
      if (!firstSettled) {
        firstSettled = true;
        state = 'stopped';
        rejectFirst(new Error(`${options.name} ${describeExit(code, signal)} before it served`));
        return;
      }
      deathsInARow = Date.now() - startedAt >= backoff.resetAfterMs ? 1 : deathsInARow + 1;
      const delayMs = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (deathsInARow - 1));
      state = 'restarting';
      options.logger.error(
        { process: options.name, exitCode: code, signal, restartInMs: delayMs, deaths },
        `${options.name} died (${describeExit(code, signal)}); restarting in ${delayMs} ms`,
      );
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (state === 'stopped') return;
        state = 'starting';
        launch();
      }, delayMs);
    });
    options.awaitServing(current).then(
      () => {
        if (child !== current || state === 'stopped') return;
        state = 'running';
        if (!firstSettled) {
          firstSettled = true;
          resolveFirst();
        } else {
          options.logger.info(
            { process: options.name, pid: current.pid, deaths },
            `${options.name} is serving again`,
          );
        }
      },
      (error: unknown) => {
        if (child !== current || state === 'stopped') return;
        if (!firstSettled) {
          firstSettled = true;
          rejectFirst(error instanceof Error ? error : new Error(String(error)));
        }
        // A restarted process that never serves is killed, which counts as one more death.
        current.kill('SIGKILL');
      },
    );
  };
  launch();

  return {
    name: options.name,
    state: () => state,
    pid: () => child?.pid,
    deaths: () => deaths,
    firstServing,
    async stop() {
      state = 'stopped';
      if (restartTimer) clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = once(current, 'exit');
      current.kill('SIGTERM');
      const timer = setTimeout(() => current.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
