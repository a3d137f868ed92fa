import { InMemoryRosterStore } from '@relais/roster';
import type { InMemoryDocuments } from '@relais/store';
import { InMemoryActivityStore, InMemoryCompletionMarkStore } from '../../src/index';
import { describeProgressErasure } from './erasure-scenarios';

/**
 * The roster replica's raw documents (appliedEventIds included). libs/roster gives its in-memory store
 * no reader of them, so the test reads its private collection; if that field is renamed, this throws
 * rather than letting the grep pass on nothing.
 */
function rawRosterDocuments(rosters: InMemoryRosterStore): unknown[] {
  const { documents } = rosters as unknown as { documents?: InMemoryDocuments<unknown> };
  if (!documents) throw new Error('the in-memory roster store no longer keeps its documents in `documents`');
  return documents.all();
}

describeProgressErasure('in-memory', async () => {
  const rosters = new InMemoryRosterStore();
  const activities = new InMemoryActivityStore();
  const marks = new InMemoryCompletionMarkStore();
  return {
    rosters,
    activities,
    marks,
    storedDocuments: async () => [
      ...rawRosterDocuments(rosters),
      ...activities.storedDocuments(),
      ...marks.storedDocuments(),
    ],
  };
});
