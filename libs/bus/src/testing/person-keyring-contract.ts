import { randomUUID } from 'node:crypto';
import type { PersonKeyring } from '../sealing/person-keyring';

export const KEYRING_SERVICES = ['enrollment', 'progress', 'feedback'] as const;

/** The semantics every PersonKeyring must have (ADR 0033): memory and MongoDB alike. */
export function describePersonKeyringContract(
  name: string,
  newKeyring: (erasedBy: readonly string[]) => Promise<PersonKeyring>,
): void {
  describe(`PersonKeyring contract: ${name}`, () => {
    let keyring: PersonKeyring;
    beforeEach(async () => {
      keyring = await newKeyring(KEYRING_SERVICES);
    });
    const aKeyId = () => `key-${randomUUID()}`;

    it('makes one active 32-byte key per id and gives the same one again', async () => {
      const [first, second] = [aKeyId(), aKeyId()];
      const made = await keyring.keysForSealing([first, second, first]);
      expect([...made.keys()].sort()).toEqual([first, second].sort());
      expect(made.get(first)?.secret).toHaveLength(32);
      expect(made.get(first)?.state).toBe('active');
      expect(made.get(first)?.secret.equals(made.get(second)?.secret ?? Buffer.alloc(0))).toBe(false);
      const again = await keyring.keysForSealing([first]);
      expect(again.get(first)?.secret.equals(made.get(first)?.secret ?? Buffer.alloc(0))).toBe(true);
    });

    it('makes the same key for publishers asking at the same moment', async () => {
      const keyId = aKeyId();
      const answers = await Promise.all(Array.from({ length: 8 }, () => keyring.keysForSealing([keyId])));
      const secrets = new Set(answers.map((answer) => answer.get(keyId)?.secret.toString('hex')));
      expect(secrets.size).toBe(1);
    });

    it('finds existing keys only, and nothing for an empty list', async () => {
      const [made, unknown] = [aKeyId(), aKeyId()];
      await keyring.keysForSealing([made]);
      expect([...(await keyring.existingKeys([made, unknown])).keys()]).toEqual([made]);
      expect((await keyring.existingKeys([])).size).toBe(0);
    });

    it('destroys a key once every service has acknowledged its erasure, and not before', async () => {
      const keyId = aKeyId();
      const before = (await keyring.keysForSealing([keyId])).get(keyId);
      await keyring.beginErasure(keyId);
      expect(await keyring.erasureProgress([keyId])).toEqual(
        new Map([[keyId, { state: 'pending', acknowledgedBy: [] }]]),
      );
      expect((await keyring.existingKeys([keyId])).get(keyId)).toMatchObject({ state: 'erasing' });
      expect(
        (await keyring.existingKeys([keyId])).get(keyId)?.secret.equals(before?.secret ?? Buffer.alloc(0)),
      ).toBe(true);
      expect(await keyring.acknowledgeErasure(keyId, 'enrollment')).toBe('pending');
      expect(await keyring.acknowledgeErasure(keyId, 'enrollment')).toBe('pending');
      expect(await keyring.acknowledgeErasure(keyId, 'feedback')).toBe('pending');
      expect(await keyring.erasureProgress([keyId])).toEqual(
        new Map([[keyId, { state: 'pending', acknowledgedBy: ['enrollment', 'feedback'] }]]),
      );
      expect(await keyring.acknowledgeErasure(keyId, 'progress')).toBe('destroyed');
      expect((await keyring.existingKeys([keyId])).size).toBe(0);
      expect((await keyring.erasureProgress([keyId])).get(keyId)?.state).toBe('done');
      expect(await keyring.acknowledgeErasure(keyId, 'progress')).toBe('not-erasing');
    });

    it('counts every acknowledgement when the services acknowledge at the same moment', async () => {
      const keyId = aKeyId();
      await keyring.keysForSealing([keyId]);
      await keyring.beginErasure(keyId);
      const outcomes = await Promise.all(
        KEYRING_SERVICES.map((service) => keyring.acknowledgeErasure(keyId, service)),
      );
      expect(outcomes).toContain('destroyed');
      expect((await keyring.existingKeys([keyId])).size).toBe(0);
    });

    it('begins the erasure of a person it never held a key for, and again without losing acknowledgements', async () => {
      const keyId = aKeyId();
      await keyring.beginErasure(keyId);
      expect((await keyring.existingKeys([keyId])).get(keyId)?.state).toBe('erasing');
      await keyring.acknowledgeErasure(keyId, 'progress');
      await keyring.beginErasure(keyId);
      expect((await keyring.erasureProgress([keyId])).get(keyId)?.acknowledgedBy).toEqual(['progress']);
    });

    it('keeps an erasing key erasing when a publisher asks for it', async () => {
      const keyId = aKeyId();
      await keyring.beginErasure(keyId);
      expect((await keyring.keysForSealing([keyId])).get(keyId)?.state).toBe('erasing');
    });

    it('leaves an active key alone when an acknowledgement comes without an erasure', async () => {
      const keyId = aKeyId();
      await keyring.keysForSealing([keyId]);
      expect(await keyring.acknowledgeErasure(keyId, 'enrollment')).toBe('not-erasing');
      expect((await keyring.existingKeys([keyId])).get(keyId)?.state).toBe('active');
    });

    it('makes a new, different key for a new life of an erased account', async () => {
      const keyId = aKeyId();
      const old = (await keyring.keysForSealing([keyId])).get(keyId);
      await keyring.beginErasure(keyId);
      for (const service of KEYRING_SERVICES) await keyring.acknowledgeErasure(keyId, service);
      const renewed = (await keyring.keysForSealing([keyId])).get(keyId);
      expect(renewed?.state).toBe('active');
      expect(renewed?.secret.equals(old?.secret ?? Buffer.alloc(0))).toBe(false);
    });

    it('remembers whom it erased, by key id alone, until a new life of the account', async () => {
      const [erased, erasing, active, unknown] = [aKeyId(), aKeyId(), aKeyId(), aKeyId()];
      await keyring.keysForSealing([erased, erasing, active]);
      for (const keyId of [erased, erasing]) await keyring.beginErasure(keyId);
      for (const service of KEYRING_SERVICES) await keyring.acknowledgeErasure(erased, service);

      expect([...(await keyring.erasedOrErasing([erased, erasing, active, unknown]))].sort()).toEqual(
        [erased, erasing].sort(),
      );
      expect([...(await keyring.existingKeys([erased, erasing, active])).keys()].sort()).toEqual(
        [erasing, active].sort(),
      );
      await keyring.keysForSealing([erased]);
      expect(await keyring.erasedOrErasing([erased])).toEqual(new Set());
    });

    it('erases again a person erased before, with a key to seal the erasure event', async () => {
      const keyId = aKeyId();
      await keyring.beginErasure(keyId);
      for (const service of KEYRING_SERVICES) await keyring.acknowledgeErasure(keyId, service);
      await keyring.beginErasure(keyId);
      const again = (await keyring.existingKeys([keyId])).get(keyId);
      expect(again?.state).toBe('erasing');
      expect(again?.secret).toHaveLength(32);
      expect((await keyring.erasureProgress([keyId])).get(keyId)).toEqual({
        state: 'pending',
        acknowledgedBy: [],
      });
    });

    it('refuses an acknowledgement from a service it does not wait for', async () => {
      const keyId = aKeyId();
      await keyring.beginErasure(keyId);
      await expect(keyring.acknowledgeErasure(keyId, 'stats')).rejects.toThrow(/not among/);
    });
  });
}
