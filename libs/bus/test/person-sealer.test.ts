import { jest } from '@jest/globals';
import {
  allContracts,
  coursePublished,
  enrollmentCreated,
  personErased,
  type EventContract,
} from '@relais/contracts';
import type { OutgoingMessage } from '../src/event-bus';
import { InMemoryPersonKeyring } from '../src/sealing/in-memory-person-keyring';
import { PersonSealer, SEALED } from '../src/sealing/person-sealer';
import { anEnvelope } from '../src/testing/envelopes';

const SERVICES = ['enrollment', 'progress'];

function setUp() {
  const keyring = new InMemoryPersonKeyring(SERVICES);
  const sealer = new PersonSealer({ keyring, keyIdSecret: 'a-secret-shared-by-services' });
  return { keyring, sealer };
}

const messageOf = (contract: EventContract, data: unknown): OutgoingMessage => ({
  key: 'k',
  envelope: anEnvelope(contract.type, data),
});

async function eraseFully(keyring: InMemoryPersonKeyring, keyId: string): Promise<void> {
  await keyring.beginErasure(keyId);
  for (const service of SERVICES) await keyring.acknowledgeErasure(keyId, service);
}

const camille = {
  courseId: '6f1c2d4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f',
  userId: 'u-camille',
  name: 'Camille Durand',
  school: '0690001A',
};

describe('PersonSealer', () => {
  it.each(allContracts.filter((c) => c.persons).map((c) => [c.type, c] as const))(
    '%s: sealed, its example shows no id, name or school; opened, it is the example again',
    async (_type, contract) => {
      const { sealer } = setUp();
      const [sealed] = await sealer.sealMessages([messageOf(contract, contract.example)]);
      const wire = JSON.stringify(sealed?.envelope.data);
      for (const value of personalValues(contract.example)) expect(wire).not.toContain(value);
      expect(wire).toContain(SEALED);
      const [opened] = await sealer.openEnvelopes([sealed!.envelope]);
      expect(opened?.data).toEqual(contract.example);
    },
  );

  it('keeps the course readable beside the sealed person, and seals each time anew', async () => {
    const { sealer } = setUp();
    const [first, second] = await sealer.sealMessages([
      messageOf(enrollmentCreated, camille),
      messageOf(enrollmentCreated, camille),
    ]);
    expect(first?.envelope.data).toMatchObject({ courseId: camille.courseId });
    expect(JSON.stringify(first?.envelope.data)).not.toEqual(JSON.stringify(second?.envelope.data));
  });

  it('leaves events without people as they are, and reads events written before sealing', async () => {
    const { sealer } = setUp();
    const fact = anEnvelope('enrollment.participation.counted.v1', { any: 'thing' });
    expect(await sealer.sealMessages([{ key: 'k', envelope: fact }])).toEqual([{ key: 'k', envelope: fact }]);
    const legacy = anEnvelope(enrollmentCreated.type, camille);
    expect(await sealer.openEnvelopes([legacy])).toEqual([legacy]);
  });

  it('once his key is destroyed: his events cannot be read, a course loses only him from its trainers', async () => {
    const { keyring, sealer } = setUp();
    const course = {
      ...coursePublished.example,
      trainers: [
        { userId: 'u-camille', name: 'Camille Durand' },
        { userId: 'u-alice', name: 'Alice Martin' },
      ],
    };
    const sealed = await sealer.sealMessages([
      messageOf(enrollmentCreated, camille),
      messageOf(coursePublished, course),
    ]);
    await eraseFully(keyring, sealer.keyIdOf('u-camille'));

    const [enrollment, published] = await sealer.openEnvelopes(sealed.map((message) => message.envelope));
    expect(enrollment).toBeUndefined();
    expect(published?.data).toEqual({ ...course, trainers: [{ userId: 'u-alice', name: 'Alice Martin' }] });
  });

  it('a box altered, moved to another event type or sealed under another key is unreadable', async () => {
    const { sealer } = setUp();
    const [sealed] = await sealer.sealMessages([messageOf(enrollmentCreated, camille)]);
    const data = sealed!.envelope.data as Record<string, { k: string; iv: string; ct: string }>;
    const box = data[SEALED]!;
    const altered = { ...data, [SEALED]: { ...box, ct: `${box.ct.slice(0, -2)}AA` } };
    const moved = anEnvelope('enrollment.enrollment.withdrawn.v1', data);
    const foreign = anEnvelope(enrollmentCreated.type, { ...data, [SEALED]: { ...box, k: 'someone-else' } });
    expect(await sealer.openEnvelopes([{ ...sealed!.envelope, data: altered }, moved, foreign])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('while his erasure runs: nothing new of his is published or read, but the erasure itself is', async () => {
    const { keyring, sealer } = setUp();
    const [before] = await sealer.sealMessages([messageOf(enrollmentCreated, camille)]);
    await keyring.beginErasure(sealer.keyIdOf('u-camille'));

    expect(await sealer.sealMessages([messageOf(enrollmentCreated, camille)])).toEqual([]);
    expect(await sealer.openEnvelopes([before!.envelope])).toEqual([undefined]);
    const erasure = { erasureId: personErased.example.erasureId, personId: 'u-camille' };
    const [sealedErasure] = await sealer.sealMessages([messageOf(personErased, erasure)]);
    expect(JSON.stringify(sealedErasure?.envelope.data)).not.toContain('u-camille');
    expect((await sealer.openEnvelopes([sealedErasure!.envelope]))[0]?.data).toEqual(erasure);
  });

  it('asks the keyring once per batch', async () => {
    const { keyring, sealer } = setUp();
    const forSealing = jest.spyOn(keyring, 'keysForSealing');
    const existing = jest.spyOn(keyring, 'existingKeys');
    const messages = Array.from({ length: 50 }, (_, index) =>
      messageOf(enrollmentCreated, { ...camille, userId: `u-${index}` }),
    );
    const sealed = await sealer.sealMessages(messages);
    await sealer.openEnvelopes(sealed.map((message) => message.envelope));
    expect(forSealing).toHaveBeenCalledTimes(1);
    expect(existing).toHaveBeenCalledTimes(2);
  });
});

/** Every value of a field that names or locates a person, wherever it is in the example. */
function personalValues(example: unknown): string[] {
  if (Array.isArray(example)) return example.flatMap(personalValues);
  if (typeof example !== 'object' || example === null) return [];
  return Object.entries(example).flatMap(([key, value]) =>
    /^(userId|recipientId|personId|name|school|email)$/.test(key) && typeof value === 'string'
      ? [value]
      : personalValues(value),
  );
}
