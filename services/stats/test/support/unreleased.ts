import type { TallyStore } from '../../src/index';

/**
 * The store seen without its releases: every query computes its tables from the counters again and
 * keeps nothing. A rebuild is compared on these, since a release, once stored, hides the counters.
 */
export function unreleased(store: TallyStore): TallyStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'release') return async () => undefined;
      if (property === 'publish') return async (_id: string, body: string) => body;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
