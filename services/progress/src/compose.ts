import { defaultRetentionIntervalMs } from '@relais/host';
import type { TokenVerifier } from '@relais/auth';
import type { ServiceModule } from '@relais/host';
import { rosterSubscription, type RosterStore } from '@relais/roster';
import { ActivityUseCases } from './application/activity-use-cases';
import { CompletionUseCases } from './application/completion-use-cases';
import { CourseAccess } from './application/course-access';
import { ErasureUseCases } from './application/erasure';
import { PersonalDataQueries } from './application/personal-data';
import { ProgressQueries } from './application/progress-queries';
import {
  silentLog,
  type ActivityStore,
  type CompletionMarkStore,
  type RetentionLog,
} from './application/ports';
import { RetentionUseCases } from './application/retention';
import { retentionJob } from './application/retention-job';
import { progressApi } from './infrastructure/http/progress-api';

export interface ProgressPorts {
  rosters: RosterStore;
  activities: ActivityStore;
  marks: CompletionMarkStore;
  verifier: TokenVerifier;
  /** Which day it is for the retention schedule; the real clock unless told. */
  clock?: () => Date;
  /** How often the retention job runs; hourly unless told. */
  retentionIntervalMs?: number;
  /** Where the retention job reports its passes (counts only); nowhere unless told. */
  log?: RetentionLog;
}

export interface ProgressModule extends ServiceModule {
  /** One retention pass now, on the injected clock's day (tests, the demo). */
  runRetentionOnce(): Promise<void>;
  /**
   * Erasure (ADR 0033): forgets a person in every store of progress. Not wired to any event or route
   * yet: the erasure event and its subscription come next.
   */
  erasure: ErasureUseCases;
}

/** The one place where progress is assembled; the same in one process or many (docs/design.md §3). */
export function createProgressService(ports: ProgressPorts): ProgressModule {
  const access = new CourseAccess(ports.rosters);
  const completion = new CompletionUseCases(access, ports.activities, ports.marks);
  const retention = retentionJob(new RetentionUseCases(ports.rosters, ports.marks), {
    clock: ports.clock ?? (() => new Date()),
    intervalMs: ports.retentionIntervalMs ?? defaultRetentionIntervalMs,
    log: ports.log ?? silentLog,
  });
  return {
    name: 'progress',
    api: progressApi(
      {
        activities: new ActivityUseCases(access, ports.activities, ports.marks),
        completion,
        queries: new ProgressQueries(access, ports.activities, ports.marks),
        personalData: new PersonalDataQueries(ports.rosters, ports.activities, ports.marks),
      },
      ports.verifier,
    ),
    subscriptions: [
      rosterSubscription('progress.roster', ports.rosters, {
        participantLeft: (courseId, userId) => completion.forgetParticipant(courseId, userId),
      }),
    ],
    // Progress publishes nothing: a bar never leaves its course (L5, L9).
    outboxStores: [],
    background: [retention],
    runRetentionOnce: () => retention.runOnce(),
    erasure: new ErasureUseCases(ports.rosters, ports.marks),
  };
}
