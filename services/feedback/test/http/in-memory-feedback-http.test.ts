import { randomBytes } from 'node:crypto';
import { InMemoryRosterStore } from '@relais/roster';
import { createFeedbackService } from '../../src/compose';
import { InMemoryAuthorshipIndex } from '../../src/infrastructure/memory/in-memory-authorship-index';
import { InMemoryDailyQuota } from '../../src/infrastructure/memory/in-memory-daily-quota';
import { inMemoryFeedbackItemStores } from '../../src/infrastructure/memory/in-memory-feedback-item-store';
import { inMemoryMessageStores } from '../../src/infrastructure/memory/in-memory-message-store';
import { InMemoryRespondentCounter } from '../../src/infrastructure/memory/in-memory-respondent-counter';
import { describeFeedbackOverHttp } from './feedback-http-scenarios';

describeFeedbackOverHttp('in-memory', async () => {
  const { items, outbox } = inMemoryFeedbackItemStores();
  return {
    build: (options) =>
      createFeedbackService({
        ...options,
        rosters: new InMemoryRosterStore(),
        items,
        authorship: new InMemoryAuthorshipIndex(),
        outbox,
        respondents: new InMemoryRespondentCounter(),
        quota: new InMemoryDailyQuota(),
        ...inMemoryMessageStores(),
        authorKey: randomBytes(32).toString('base64url'),
      }),
    // Flattened as a database record holds them: the item's fields next to its outbox.
    storedDocuments: async () =>
      items.revisions.documents.all().map(({ state, ...document }) => ({ ...state, ...document })),
  };
});
