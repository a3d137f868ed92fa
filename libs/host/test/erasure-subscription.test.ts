import { randomUUID } from 'node:crypto';
import { InMemoryPersonKeyring, PersonSealer, type DeliveredMessage } from '@relais/bus';
import { anEnvelope } from '@relais/bus/testing';
import { personErased } from '@relais/contracts';
import { createLogger } from '@relais/platform';
import { erasureSubscription } from '../src/erasure-subscription';

const delivery: DeliveredMessage = {
  topic: 'identity.events.v1',
  partition: 0,
  offset: '0',
  key: 'k',
  headers: {},
  attempt: 1,
};

function setUp(forgetPerson: (personId: string) => Promise<object>) {
  const keyring = new InMemoryPersonKeyring(['progress', 'feedback']);
  const sealer = new PersonSealer({ keyring, keyIdSecret: 'shared-by-the-services' });
  const subscription = erasureSubscription(
    'progress',
    { forgetPerson },
    { keyring, sealer },
    createLogger({ service: 'test', level: 'silent' }),
  );
  const handle = subscription.handlers[personErased.type]!;
  return { keyring, sealer, subscription, handle };
}

const erasureOf = (personId: string) => anEnvelope(personErased.type, { erasureId: randomUUID(), personId });

describe('the erasure subscription the host gives every service that holds people', () => {
  it('reads the erasure topic from its start, in a group of the service’s own', () => {
    const { subscription } = setUp(async () => ({}));
    expect(subscription).toMatchObject({
      groupId: 'progress.erasure',
      topic: 'identity.events.v1',
      fromBeginning: true,
    });
  });

  it('forgets the person, then acknowledges for the service: the key waits for the others', async () => {
    const forgotten: string[] = [];
    const { keyring, sealer, handle } = setUp(async (personId) => {
      forgotten.push(personId);
      return { rosters: 1 };
    });
    const keyId = sealer.keyIdOf('u-camille');
    await keyring.beginErasure(keyId);

    await handle(erasureOf('u-camille'), delivery);

    expect(forgotten).toEqual(['u-camille']);
    expect((await keyring.erasureProgress([keyId])).get(keyId)).toEqual({
      state: 'pending',
      acknowledgedBy: ['progress'],
    });
  });

  it('does not acknowledge when forgetting fails, so that the key outlives what the service still holds', async () => {
    const { keyring, sealer, handle } = setUp(async () => {
      throw new Error('database away');
    });
    const keyId = sealer.keyIdOf('u-camille');
    await keyring.beginErasure(keyId);

    await expect(handle(erasureOf('u-camille'), delivery)).rejects.toThrow('database away');

    expect((await keyring.erasureProgress([keyId])).get(keyId)).toEqual({
      state: 'pending',
      acknowledgedBy: [],
    });
  });

  it('refuses an erasure event that breaks its contract, forgetting no one', async () => {
    const forgotten: string[] = [];
    const { handle } = setUp(async (personId) => {
      forgotten.push(personId);
      return {};
    });
    await expect(handle(anEnvelope(personErased.type, { personId: '' }), delivery)).rejects.toThrow(
      /does not match/,
    );
    expect(forgotten).toEqual([]);
  });
});
