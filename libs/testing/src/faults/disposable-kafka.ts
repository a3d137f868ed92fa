import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from '@relais/host';
import { repositoryRoot } from '../infrastructure/repository-paths';

const script = join(repositoryRoot, 'scripts/infra/disposable-kafka');
// A cold JVM on a loaded 2-core machine, log recovery after a kill included.
const READY_TIMEOUT_MS = 120_000;

/**
 * A single-node Kafka that a fault test may kill: the shared broker serves the other suites running
 * in parallel. Killed with SIGKILL and started again on the same data directory and ports, it is a
 * broker that crashed and came back.
 */
export interface DisposableKafka {
  readonly brokers: string[];
  /** SIGKILL, then waits for the process to be gone. */
  kill(): Promise<void>;
  /** Starts it again (after kill), and waits until it answers. */
  restart(): Promise<void>;
  /** Kills it if it runs and deletes its data. */
  remove(): Promise<void>;
}

export async function startDisposableKafka(): Promise<DisposableKafka> {
  const home = await mkdtemp(join(tmpdir(), 'relais-disposable-kafka-'));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const brokers = [`127.0.0.1:${port}`];
  const logPath = join(home, 'broker.log');
  let broker: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const log = openSync(logPath, 'a');
    broker = spawn(script, [home, String(port), String(controllerPort)], { stdio: ['ignore', log, log] });
    closeSync(log);
    await untilReady(brokers, broker, logPath);
  };
  const kill = async (): Promise<void> => {
    const running = broker;
    broker = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  };

  await launch();
  return {
    brokers,
    kill,
    restart: launch,
    async remove() {
      await kill();
      await rm(home, { recursive: true, force: true });
    },
  };
}

async function untilReady(brokers: string[], broker: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'no attempt yet';
  while (Date.now() < deadline) {
    if (broker.exitCode !== null)
      throw new Error(`the disposable Kafka exited with ${broker.exitCode}:\n${tail(logPath)}`);
    const admin = new Kafka({
      clientId: 'disposable-kafka-probe',
      brokers,
      connectionTimeout: 1_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    }).admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return;
    } catch (error) {
      lastError = (error as Error).message;
      await sleep(500);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  throw new Error(
    `the disposable Kafka did not answer within ${READY_TIMEOUT_MS} ms (${lastError}):\n${tail(logPath)}`,
  );
}

const tail = (path: string): string => readFileSync(path, 'utf8').split('\n').slice(-20).join('\n');
