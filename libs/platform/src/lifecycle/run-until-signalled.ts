import type { Server } from 'node:http';
import type { Logger } from 'pino';

export interface ShutdownStep {
  /** Named in logs, and in the error when this step is still running as the budget runs out. */
  name: string;
  close(): Promise<void>;
}

export interface RunUntilSignalledOptions {
  logger: Logger;
  server: Server;
  /** Closed in this order after the HTTP server: consumers first, then producers, then databases. */
  onShutdown: readonly ShutdownStep[];
  budgetMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Injected by tests; defaults to process.exit. */
  exit?: (code: number) => void;
}

export const HTTP_SERVER_STEP = 'http-server';

/** How often idle keep-alive connections are closed while in-flight requests drain. */
const IDLE_SWEEP_INTERVAL_MS = 50;

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // A connection that was busy when close() began goes idle once its response is sent, and
    // Node only closes idle connections at close() time: sweep until the server has drained.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_INTERVAL_MS);
    sweep.unref();
    server.once('close', () => clearInterval(sweep));
  });
}

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish,
 * close each dependency in order, exit 0. Exits 1, naming the step that hung, if the budget runs
 * out (Kubernetes would SIGKILL us anyway; better to say why first).
 */
export function runUntilSignalled(options: RunUntilSignalledOptions): void {
  const { logger, server, onShutdown, budgetMs = 10_000, signals = ['SIGTERM', 'SIGINT'] } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (shuttingDown) {
      logger.warn({ signal }, 'shutdown already in progress');
      return;
    }
    shuttingDown = true;
    let step = HTTP_SERVER_STEP;
    let failed = false;
    const budget = setTimeout(() => {
      logger.error({ step, budgetMs }, 'shutdown budget exceeded');
      logger.flush();
      exit(1);
    }, budgetMs);
    // Not unref'd on purpose: a close() that hangs on a bare promise holds no handle, and the
    // process would otherwise end quietly with code 0 instead of reporting the hung step.

    logger.info({ signal, budgetMs }, 'shutdown started');
    const steps: ShutdownStep[] = [
      { name: HTTP_SERVER_STEP, close: () => closeServer(server) },
      ...onShutdown,
    ];
    for (const current of steps) {
      step = current.name;
      try {
        await current.close();
        logger.info({ step }, 'shutdown step done');
      } catch (error) {
        failed = true;
        // The error type only: messages of drivers quote URLs and documents.
        logger.error(
          { step, errorType: error instanceof Error ? error.name : typeof error },
          'shutdown step failed',
        );
      }
    }
    clearTimeout(budget);
    logger.info({ failed }, 'shutdown complete');
    logger.flush();
    exit(failed ? 1 : 0);
  };

  for (const signal of signals) process.on(signal, (received) => void shutdown(received));
}
