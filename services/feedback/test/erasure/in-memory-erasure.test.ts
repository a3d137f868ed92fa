import { inMemoryAdapters } from '../../src/in-memory';
import { createFeedbackService, type FeedbackPorts } from '../../src/compose';
import { describeErasure } from './erasure-scenarios';

/**
 * Every value reachable from the stores, Maps and Sets spelled out (JSON drops them): the in-memory
 * adapters' raw contents, private fields included, as a database reader would see the collections.
 */
function rawContentsOf(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value;
  if (seen.has(value)) return '(seen)';
  seen.add(value);
  if (value instanceof Map) {
    return [...value].map(([key, each]) => [rawContentsOf(key, seen), rawContentsOf(each, seen)]);
  }
  if (value instanceof Set || Array.isArray(value))
    return [...value].map((each) => rawContentsOf(each, seen));
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, rawContentsOf(each, seen)]));
}

describeErasure('in-memory', async () => {
  let ports: FeedbackPorts | undefined;
  return {
    build: (options) => {
      ports = inMemoryAdapters(options);
      return createFeedbackService(ports);
    },
    storedDocuments: async () => {
      if (!ports) return [];
      const { rosters, items, authorship, respondents, quota, messages } = ports;
      return rawContentsOf({ rosters, items, authorship, respondents, quota, messages });
    },
  };
});
