import type { TokenVerifier } from '@relais/auth';
import { InMemoryRosterStore } from '@relais/roster';
import { createFeedbackService, type FeedbackService } from './compose';
import { InMemoryMessageStore } from './infrastructure/memory/in-memory-message-store';

/** Feedback on in-memory adapters: standalone mode and fast tests. */
export function createInMemoryFeedbackService({ verifier }: { verifier: TokenVerifier }): FeedbackService {
  return createFeedbackService({
    rosters: new InMemoryRosterStore(),
    messages: new InMemoryMessageStore(),
    verifier,
  });
}
