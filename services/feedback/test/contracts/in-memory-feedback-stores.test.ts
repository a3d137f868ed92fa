import { InMemoryAuthorshipIndex } from '../../src/infrastructure/memory/in-memory-authorship-index';
import { InMemoryDailyQuota } from '../../src/infrastructure/memory/in-memory-daily-quota';
import { inMemoryFeedbackItemStores } from '../../src/infrastructure/memory/in-memory-feedback-item-store';
import { inMemoryMessageStores } from '../../src/infrastructure/memory/in-memory-message-store';
import { InMemoryRespondentCounter } from '../../src/infrastructure/memory/in-memory-respondent-counter';
import { describeFeedbackStoresContract } from './feedback-stores-contract';

describeFeedbackStoresContract('in-memory', async () => ({
  ...inMemoryFeedbackItemStores(),
  authorship: new InMemoryAuthorshipIndex(),
  respondents: new InMemoryRespondentCounter(),
  quota: new InMemoryDailyQuota(),
  ...inMemoryMessageStores(),
}));
