import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { openSealedRecipient, sealRecipient } from '@relais/contracts';
import { InMemoryRosterStore } from '@relais/roster';
import { PersonalDataCollector } from '../../src/application/personal-data';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const otherKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const openSealed = (sealed: string) => {
  try {
    return openSealedRecipient(keys.privateKey, sealed);
  } catch {
    return undefined;
  }
};

describe('the items a person is bound to by a seal', () => {
  it('are found by opening every seal, his only, among many and some that cannot be opened', async () => {
    const store = new InMemoryNotificationStore();
    const person = randomUUID();
    const others = [randomUUID(), randomUUID()];
    const his: string[] = [];
    // More seals than are opened in one turn of the event loop, so the scan goes on across turns.
    for (let index = 0; index < 80; index += 1) {
      const itemId = `item-${String(index).padStart(2, '0')}`;
      const author = index % 9 === 0 ? person : others[index % 2]!;
      if (author === person) his.push(itemId);
      await store.rememberAuthor(itemId, sealRecipient(keys.publicKey, author), '2026-12');
    }
    await store.rememberAuthor('item-other-key', sealRecipient(otherKeys.publicKey, person), '2026-12');
    await store.rememberAuthor('item-altered', 'not-a-seal', '2026-12');

    const collected = await new PersonalDataCollector(store, new InMemoryRosterStore(), openSealed).collect(
      person,
    );

    expect(collected['feedback-item-authors']).toEqual(
      his.map((itemId) => ({ itemId, sealedIn: '2026-12' })),
    );
    expect(his).toHaveLength(9);
  });

  it('lets scans asked at once each answer its own person', async () => {
    const store = new InMemoryNotificationStore();
    const [first, second] = [randomUUID(), randomUUID()];
    await store.rememberAuthor('item-1', sealRecipient(keys.publicKey, first), '2026-11');
    await store.rememberAuthor('item-2', sealRecipient(keys.publicKey, second), '2026-12');
    const collector = new PersonalDataCollector(store, new InMemoryRosterStore(), openSealed);

    const [ofFirst, ofSecond] = await Promise.all([collector.collect(first), collector.collect(second)]);

    expect(ofFirst['feedback-item-authors']).toEqual([{ itemId: 'item-1', sealedIn: '2026-11' }]);
    expect(ofSecond['feedback-item-authors']).toEqual([{ itemId: 'item-2', sealedIn: '2026-12' }]);
  });
});
