import type { Express } from 'express';
import { sendProblem, serviceUnavailable } from '@relais/platform';

/**
 * What the standalone tells callers while its demo data is being written, after the server already
 * answers (so `npm start` is ready in about a second).
 *
 * Statistics are the one part that must wait: a table is published once, at its first read, and never
 * changes (ADR 0014), so a table read before the synthetic history is counted would stay incomplete for
 * the life of the process. Until then `/api/stats` answers 503 `DEMO_DATA_LOADING` with Retry-After.
 * `GET /demo/status` says whether everything is seeded; the browser tests and Schemathesis wait for it.
 */
export class DemoSeeding {
  private historyCounted = false;
  private seeded = false;

  constructor(private readonly enabled: boolean) {}

  mount(app: Express): void {
    app.use('/api/stats', (_req, res, next) => {
      if (!this.enabled || this.historyCounted) {
        next();
        return;
      }
      sendProblem(
        res,
        serviceUnavailable(
          'DEMO_DATA_LOADING',
          'The demo statistics are still being counted; try again in a few seconds.',
          2,
        ),
      );
    });
    app.get('/demo/status', (_req, res) => {
      const seeded = !this.enabled || this.seeded;
      res.status(seeded ? 200 : 503).json({ seeded });
    });
  }

  /** The history is counted: tables may be published from now on. */
  historyDone(): void {
    this.historyCounted = true;
  }

  /** Courses, enrollments and feedback are written too. */
  done(): void {
    this.historyCounted = true;
    this.seeded = true;
  }
}
