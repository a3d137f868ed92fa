import type { RequestHandler } from 'express';
import { scrubMessage } from '../errors/scrub';

export interface ReadinessCheck {
  /** Shown in /readyz, e.g. `kafka`, `mongo`. */
  name: string;
  /** Resolves when the dependency is reachable; rejects (or exceeds the timeout) when it is not. */
  check(): Promise<void>;
}

export type CheckOutcome = 'up' | `down: ${string}`;

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  checks: Record<string, CheckOutcome>;
}

export const DEFAULT_READINESS_TIMEOUT_MS = 2_000;

class CheckTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'CheckTimeout';
  }
}

function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(timeoutMs)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Probes are public to the cluster: the reason is short and scrubbed (no URLs, hosts' credentials or ids). */
function shortReason(error: unknown): string {
  if (error instanceof CheckTimeout) return error.message;
  if (!(error instanceof Error)) return 'failed';
  const code = (error as { code?: unknown }).code;
  const reason = scrubMessage(error.message).slice(0, 120) || error.name;
  return typeof code === 'string' ? `${reason} (${code})` : reason;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckOutcome> {
  try {
    // Wrapped so that a check that throws synchronously counts as down, not as a crash.
    await withTimeout(
      Promise.resolve().then(() => check.check()),
      timeoutMs,
    );
    return 'up';
  } catch (error) {
    return `down: ${shortReason(error)}`;
  }
}

export async function checkReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(async (check) => [check.name, await runCheck(check, timeoutMs)]),
  );
  const report: Record<string, CheckOutcome> = Object.fromEntries(outcomes);
  const ready = Object.values(report).every((outcome) => outcome === 'up');
  return { status: ready ? 'ready' : 'not-ready', checks: report };
}

export function livenessHandler(): RequestHandler {
  return (_req, res) => {
    res.status(200).json({ status: 'live' });
  };
}

export function readinessHandler(checks: readonly ReadinessCheck[], timeoutMs: number): RequestHandler {
  return async (_req, res) => {
    const report = await checkReadiness(checks, timeoutMs);
    res
      .status(report.status === 'ready' ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json(report);
  };
}
