import { randomUUID } from 'node:crypto';
import { InMemoryPersonKeyring, PersonSealer } from '@relais/bus';
import { ErasureRequests, type ErasureRequestStore } from '../../src/application/erasure-requests';
import type { Clock } from '../../src/application/ports';
import { erasureKeysOf } from '../../src/compose';
import { InMemoryErasureRequestStore } from '../../src/infrastructure/memory/in-memory-erasure-requests';

export const ERASING_SERVICES = ['enrollment', 'progress', 'feedback', 'notifications'];

/** Erasure requests on in-memory stores and keys, waiting for the four services that hold people. */
export function erasureRequestsFixture(options: { clock?: Clock; store?: ErasureRequestStore } = {}) {
  const keyring = new InMemoryPersonKeyring(ERASING_SERVICES);
  const sealer = new PersonSealer({ keyring, keyIdSecret: 'a-test-secret-shared-by-the-services' });
  const store = options.store ?? new InMemoryErasureRequestStore(new Map());
  const requests = new ErasureRequests(
    store,
    erasureKeysOf({ keyring, sealer }),
    options.clock ?? { now: () => new Date() },
    randomUUID,
  );
  return { requests, store, keyring, sealer };
}
