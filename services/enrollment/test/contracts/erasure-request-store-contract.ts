import { randomUUID } from 'node:crypto';
import { createEvent, personErased } from '@relais/contracts';
import type { ErasureRequestRecord, ErasureRequestStore } from '../../src/application/erasure-requests';

const at = (iso: string) => new Date(iso);

function aRequest(overrides: Partial<ErasureRequestRecord> = {}): ErasureRequestRecord {
  return {
    erasureId: randomUUID(),
    requestedAt: at('2026-12-01T10:00:00.000Z'),
    source: 'administrator',
    requestedBy: 'ops-1',
    reason: 'Demande écrite au titre de l’article 17',
    personKeyId: `key-${randomUUID()}`,
    ...overrides,
  };
}

const eventOf = (record: ErasureRequestRecord) =>
  createEvent(
    personErased,
    { erasureId: record.erasureId, personId: 'someone' },
    { source: 'enrollment', correlationId: 'c', now: record.requestedAt },
  );

/** What every store of erasure requests must do (ADR 0033), on memory and MongoDB alike. */
export function describeErasureRequestStoreContract(
  name: string,
  open: () => Promise<{ store: ErasureRequestStore; close(): Promise<void> }>,
): void {
  describe(`ErasureRequestStore contract: ${name}`, () => {
    let store: ErasureRequestStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await open());
    });
    afterEach(async () => close());

    it('gives back what it saved, latest first, at most the limit', async () => {
      const older = aRequest({ requestedAt: at('2026-11-01T10:00:00.000Z') });
      const newer = aRequest({
        requestedAt: at('2026-12-01T10:00:00.000Z'),
        source: 'identity-provider',
        requestedBy: null,
      });
      await store.add(older, eventOf(older));
      await store.add(newer, eventOf(newer));
      expect(await store.latest(10)).toEqual([newer, older]);
      expect(await store.latest(1)).toEqual([newer]);
    });

    it('finds the requests an administrator made, and forgets him in them without losing them', async () => {
      const his = aRequest({ requestedBy: 'ops-2' });
      const hers = aRequest({ requestedBy: 'ops-3' });
      await store.add(his, eventOf(his));
      await store.add(hers, eventOf(hers));
      expect(await store.madeBy('ops-2')).toEqual([his]);
      expect(await store.forgetRequester('ops-2')).toBe(1);
      expect(await store.forgetRequester('ops-2')).toBe(0);
      expect(await store.madeBy('ops-2')).toEqual([]);
      expect(await store.latest(10)).toContainEqual({ ...his, requestedBy: null });
      expect(await store.madeBy('ops-3')).toEqual([hers]);
    });

    it('deletes the requests made before a moment, not those made at it or after', async () => {
      const before = aRequest({ requestedAt: at('2023-12-06T23:59:59.999Z') });
      const onTheDot = aRequest({ requestedAt: at('2023-12-07T00:00:00.000Z') });
      await store.add(before, eventOf(before));
      await store.add(onTheDot, eventOf(onTheDot));
      expect(await store.deleteRequestedBefore(at('2023-12-07T00:00:00.000Z'))).toBe(1);
      expect(await store.latest(10)).toEqual([onTheDot]);
    });
  });
}
