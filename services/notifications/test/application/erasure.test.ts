import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { openSealedRecipient, sealRecipient } from '@relais/contracts';
import { InMemoryRosterStore } from '@relais/roster';
import { ErasureUseCases } from '../../src/application/erasure';
import { MailDispatcher } from '../../src/application/mail-dispatcher';
import { PersonalDataCollector } from '../../src/application/personal-data';
import { silentLog, type MailTransport, type OutgoingMail } from '../../src/application/ports';
import { InMemoryNotificationStore } from '../../src/infrastructure/memory/in-memory-notification-store';
import { aQueuedMail } from '../mothers/notification-mother';

const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const keys = keyPair();
const otherKeys = keyPair();

const openSealed = (sealed: string) => {
  try {
    return openSealedRecipient(keys.privateKey, sealed);
  } catch {
    return undefined;
  }
};

function erasureOver(store: InMemoryNotificationStore) {
  const rosters = new InMemoryRosterStore();
  const collector = new PersonalDataCollector(store, rosters, openSealed);
  return { erasure: new ErasureUseCases(store, rosters, collector), collector };
}

describe('forgetting a person', () => {
  it('deletes the seals that open to him, among many, and keeps the others’ and those it cannot open', async () => {
    const store = new InMemoryNotificationStore();
    const person = randomUUID();
    const someoneElse = randomUUID();
    // More seals than one turn of the scan opens, so that it goes on across turns.
    for (let index = 0; index < 70; index += 1) {
      const author = index % 10 === 0 ? person : someoneElse;
      await store.rememberAuthor(`item-${index}`, sealRecipient(keys.publicKey, author), '2026-12');
    }
    // Not his to this service: sealed with a key it does not hold, or not a seal at all.
    await store.rememberAuthor('item-other-key', sealRecipient(otherKeys.publicKey, person), '2026-12');
    await store.rememberAuthor('item-altered', 'not-a-seal', '2026-12');
    const { erasure, collector } = erasureOver(store);

    const [counts, othersItems] = await Promise.all([
      erasure.forgetPerson(person),
      collector.sealedItemsOf(someoneElse),
    ]);

    expect(counts.authorSealsDeleted).toBe(7);
    expect(await collector.sealedItemsOf(person)).toEqual([]);
    expect(othersItems).toHaveLength(63);
    expect(await collector.sealedItemsOf(someoneElse)).toEqual(othersItems);
    expect(store.authors.size).toBe(65);
    expect(store.authors.get('item-other-key')).toBeDefined();
    expect(store.authors.get('item-altered')).toBeDefined();
    expect(await erasure.forgetPerson(person)).toMatchObject({ authorSealsDeleted: 0 });
  });

  it('lets a mail being sent at that moment leave, and not come back into the queue', async () => {
    const store = new InMemoryNotificationStore();
    const mail = aQueuedMail();
    await store.enqueueMail(mail);
    const { erasure } = erasureOver(store);
    let erased: Promise<unknown> = Promise.resolve();
    const sent: OutgoingMail[] = [];
    // The relay answers once the erasure has run: the worst moment for it.
    const transport: MailTransport = {
      send: async (outgoing) => {
        erased = erasure.forgetPerson(mail.recipient);
        await erased;
        sent.push(outgoing);
      },
    };
    const dispatcher = new MailDispatcher(
      store,
      transport,
      { now: () => new Date('2026-12-07T09:00:00Z') },
      silentLog,
    );

    expect(await dispatcher.runOnce()).toBe(1);

    expect(await erased).toMatchObject({ mailsDeleted: 1 });
    expect(sent).toHaveLength(1);
    expect(store.mails.size).toBe(0);
    expect(await dispatcher.runOnce()).toBe(0);
  });
});
