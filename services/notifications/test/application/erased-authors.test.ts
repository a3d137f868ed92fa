import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '@relais/auth';
import type { DeliveredMessage } from '@relais/bus';
import { anEnvelope } from '@relais/bus/testing';
import { feedbackItemPosted, sealRecipient, topics } from '@relais/contracts';
import { createInMemoryNotificationsService, recipientKeyPair } from '../../src/in-memory';

const keys = recipientKeyPair();
const delivery: DeliveredMessage = {
  topic: topics.feedbackEvents,
  partition: 0,
  offset: '0',
  key: 'k',
  headers: {},
  attempt: 1,
};

function notificationsKnowing(erased: ReadonlySet<string>) {
  const asked: string[][] = [];
  const notifications = createInMemoryNotificationsService({
    verifier: {} as TokenVerifier,
    recipientPrivateKey: keys.privateKey,
    publicUrl: 'https://relais.example',
    erasedPeople: async (personIds) => {
      asked.push([...personIds]);
      return new Set(personIds.filter((personId) => erased.has(personId)));
    },
  });
  const subscription = notifications.module.subscriptions.find(
    (candidate) => candidate.topic === topics.feedbackEvents,
  );
  const post = (author: string) =>
    subscription!.handlers[feedbackItemPosted.type]!(
      anEnvelope(feedbackItemPosted.type, {
        courseId: randomUUID(),
        itemId: randomUUID(),
        anonymous: true,
        sealedAuthor: sealRecipient(keys.publicKey, author),
      }),
      delivery,
    );
  return { store: notifications.store, post, asked };
}

describe('an item posted by a person erased since (ADR 0033)', () => {
  it('is not kept as his: a late or replayed event cannot make notifications hold him again', async () => {
    const { store, post, asked } = notificationsKnowing(new Set(['u-erased']));

    await post('u-erased');
    await post('u-alive');

    expect(asked).toEqual([['u-erased'], ['u-alive']]);
    expect(store.authors.size).toBe(1);
  });

  it('is kept as before for a person nobody erased', async () => {
    const { store, post } = notificationsKnowing(new Set());
    await post('u-alive');
    expect(store.authors.size).toBe(1);
  });
});
