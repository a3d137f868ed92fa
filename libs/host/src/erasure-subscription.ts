import type { Logger } from 'pino';
import type { PersonKeyring, PersonSealer, Subscription } from '@relais/bus';
import { personErased, readEvent } from '@relais/contracts';
import { ERASURE_TOPIC } from './service-registry';
import type { PersonEraser } from './service-module';

export interface PersonKeys {
  sealer: PersonSealer;
  keyring: PersonKeyring;
}

/**
 * The one subscription by which a service forgets a person (ADR 0033): its own `forgetPerson`, then
 * its acknowledgement to the keyring, which destroys the person's key once every service that holds
 * people has acknowledged. A failure before the acknowledgement is retried as any handler's, so the
 * key is never destroyed while a service still holds him. The log line has counts and the request's
 * id, never the person's.
 */
export function erasureSubscription(
  service: string,
  eraser: PersonEraser,
  keys: PersonKeys,
  logger: Logger,
): Subscription {
  return {
    groupId: `${service}.erasure`,
    topic: ERASURE_TOPIC,
    // A service deployed after an erasure was requested must still forget him.
    fromBeginning: true,
    handlers: {
      [personErased.type]: async (envelope) => {
        const data = readEvent(personErased, envelope);
        const forgotten = await eraser.forgetPerson(data.personId);
        const key = await keys.keyring.acknowledgeErasure(keys.sealer.keyIdOf(data.personId), service);
        logger.info({ erasureId: data.erasureId, forgotten, key }, 'person erased');
      },
    },
  };
}

/**
 * Those of the people being erased, or erased (ADR 0033), by the keyring's memory of their key ids:
 * for a service holding a copy of someone that is not sealed under his key (notifications' authors).
 */
export function erasedPeopleOf(
  keys: PersonKeys,
): (personIds: readonly string[]) => Promise<ReadonlySet<string>> {
  return async (personIds) => {
    const byKeyId = new Map(personIds.map((personId) => [keys.sealer.keyIdOf(personId), personId]));
    const erased = await keys.keyring.erasedOrErasing([...byKeyId.keys()]);
    return new Set([...erased].flatMap((keyId) => byKeyId.get(keyId) ?? []));
  };
}
