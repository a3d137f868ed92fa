import type { TokenVerifier } from '@relais/auth';
import type { ServiceModule } from '@relais/host';
import { rosterSubscription, type RosterStore } from '@relais/roster';
import { ActivityUseCases } from './application/activity-use-cases';
import { CompletionUseCases } from './application/completion-use-cases';
import { CourseAccess } from './application/course-access';
import { PersonalDataQueries } from './application/personal-data';
import { ProgressQueries } from './application/progress-queries';
import type { ActivityStore, CompletionMarkStore } from './application/ports';
import { progressApi } from './infrastructure/http/progress-api';

export interface ProgressPorts {
  rosters: RosterStore;
  activities: ActivityStore;
  marks: CompletionMarkStore;
  verifier: TokenVerifier;
}

/** The one place where progress is assembled; the same in one process or many (docs/design.md §3). */
export function createProgressService(ports: ProgressPorts): ServiceModule {
  const access = new CourseAccess(ports.rosters);
  const completion = new CompletionUseCases(access, ports.activities, ports.marks);
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
  };
}
