import {
  allContracts,
  personErased,
  type EventContract,
  type EventEnvelope,
  type PersonPlace,
} from '@relais/contracts';
import type { OutgoingMessage } from '../event-bus';
import { personKeyIdOf } from './person-key-id';
import type { PersonKey, PersonKeyring } from './person-keyring';
import { isSealedBox, openBox, sealBox } from './sealed-box';

type Data = Record<string, unknown>;

/** The property that holds a sealed place on the wire. */
export const SEALED = '$sealed';

export interface PersonSealerOptions {
  keyring: PersonKeyring;
  /** RELAIS_PERSON_KEY_SECRET: the same in every service, so that they find the same keys. */
  keyIdSecret: string;
  /** The contracts whose `persons` are sealed; all of them unless a test says otherwise. */
  contracts?: readonly EventContract[];
}

/**
 * Seals the places of an event that name a person under that person's key, and opens them again
 * (ADR 0033). A place whose person is being erased is dropped when sealing, and is unreadable when
 * opening, unless the event is the erasure itself: so that no event of his is published or applied
 * once his erasure has begun, and none can be once his key is destroyed. An event whose data itself
 * names him (`at: '$'`) is dropped whole; an element of a list of people (a course's trainers) goes
 * alone and the event is still delivered.
 *
 * One keyring call per batch of messages, whatever its size: the relay publishes and the consumers
 * receive in batches.
 */
export class PersonSealer {
  private readonly contracts: ReadonlyMap<string, EventContract>;
  private readonly keyring: PersonKeyring;
  private readonly keyIdSecret: string;

  constructor(options: PersonSealerOptions) {
    this.keyring = options.keyring;
    this.keyIdSecret = options.keyIdSecret;
    this.contracts = new Map(
      (options.contracts ?? allContracts).map((contract) => [contract.type, contract]),
    );
  }

  keyIdOf(personId: string): string {
    return personKeyIdOf(this.keyIdSecret, personId);
  }

  /** The messages as they go on the wire; those that named only an erased person are left out. */
  async sealMessages(messages: readonly OutgoingMessage[]): Promise<OutgoingMessage[]> {
    const keyIds = messages.flatMap(({ envelope }) =>
      this.placesOf(envelope).flatMap(({ place, data }) =>
        personIdsAt(place, data).map((id) => this.keyIdOf(id)),
      ),
    );
    if (keyIds.length === 0) return [...messages];
    const keys = await this.keyring.keysForSealing(keyIds);
    const sealed: OutgoingMessage[] = [];
    for (const message of messages) {
      const data = this.sealData(message.envelope, keys);
      if (data !== undefined) sealed.push({ ...message, envelope: { ...message.envelope, data } });
    }
    return sealed;
  }

  /** The envelopes as handlers read them, aligned with the input: undefined where one cannot be read. */
  async openEnvelopes(envelopes: readonly EventEnvelope[]): Promise<(EventEnvelope | undefined)[]> {
    const keyIds = envelopes.flatMap((envelope) =>
      this.placesOf(envelope).flatMap(({ place, data }) => boxesAt(place, data).map((box) => box.k)),
    );
    const keys = keyIds.length === 0 ? new Map<string, PersonKey>() : await this.keyring.existingKeys(keyIds);
    return envelopes.map((envelope) => {
      const data = this.openData(envelope, keys);
      return data === undefined ? undefined : { ...envelope, data };
    });
  }

  private placesOf(envelope: EventEnvelope): { place: PersonPlace; data: Data }[] {
    const places = this.contracts.get(envelope.type)?.persons;
    if (!places || !isData(envelope.data)) return [];
    const data = envelope.data;
    return places.map((place) => ({ place, data }));
  }

  private usable(key: PersonKey | undefined, type: string): key is PersonKey {
    return key !== undefined && (key.state === 'active' || type === personErased.type);
  }

  private sealData(envelope: EventEnvelope, keys: ReadonlyMap<string, PersonKey>): unknown {
    let data: unknown = envelope.data;
    for (const { place } of this.placesOf(envelope)) {
      if (!isData(data)) return data;
      const context = `${envelope.type}\u0000${place.at}`;
      if (place.at === '$') {
        const personId = data[place.idField];
        if (typeof personId !== 'string' || SEALED in data) continue;
        const key = keys.get(this.keyIdOf(personId));
        if (!this.usable(key, envelope.type)) return undefined;
        const { clear, hidden } = split(data, place.fields ?? []);
        data = { ...clear, [SEALED]: sealBox(key.keyId, key.secret, context, hidden) };
        continue;
      }
      const list = data[place.at];
      if (!Array.isArray(list)) continue;
      const elements = list.flatMap((element: unknown) => {
        const personId = isData(element) ? element[place.idField] : undefined;
        if (typeof personId !== 'string' || !isData(element) || SEALED in element) return [element];
        const key = keys.get(this.keyIdOf(personId));
        if (!this.usable(key, envelope.type)) return [];
        return [{ [SEALED]: sealBox(key.keyId, key.secret, context, element) }];
      });
      data = { ...data, [place.at]: elements };
    }
    return data;
  }

  private openData(envelope: EventEnvelope, keys: ReadonlyMap<string, PersonKey>): unknown {
    let data: unknown = envelope.data;
    for (const { place } of this.placesOf(envelope)) {
      if (!isData(data)) return data;
      const context = `${envelope.type}\u0000${place.at}`;
      if (place.at === '$') {
        // Written before sealing existed (or by a test): read as it is.
        if (!(SEALED in data)) continue;
        const hidden = this.openOne(data[SEALED], keys, envelope.type, context);
        if (!isData(hidden)) return undefined;
        const { [SEALED]: _box, ...clear } = data;
        data = { ...clear, ...hidden };
        continue;
      }
      const list = data[place.at];
      if (!Array.isArray(list)) continue;
      const elements = list.flatMap((element: unknown) => {
        if (!isData(element) || !(SEALED in element)) return [element];
        const opened = this.openOne(element[SEALED], keys, envelope.type, context);
        return isData(opened) ? [opened] : [];
      });
      data = { ...data, [place.at]: elements };
    }
    return data;
  }

  private openOne(
    box: unknown,
    keys: ReadonlyMap<string, PersonKey>,
    type: string,
    context: string,
  ): unknown {
    if (!isSealedBox(box)) return undefined;
    const key = keys.get(box.k);
    return this.usable(key, type) ? openBox(box, key.secret, context) : undefined;
  }
}

function isData(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function split(data: Data, fields: readonly string[]): { clear: Data; hidden: Data } {
  const clear: Data = {};
  const hidden: Data = {};
  for (const [name, value] of Object.entries(data)) (fields.includes(name) ? hidden : clear)[name] = value;
  return { clear, hidden };
}

function personIdsAt(place: PersonPlace, data: Data): string[] {
  if (place.at === '$') {
    const personId = data[place.idField];
    return typeof personId === 'string' && !(SEALED in data) ? [personId] : [];
  }
  const list = data[place.at];
  if (!Array.isArray(list)) return [];
  return list.flatMap((element: unknown) => {
    if (!isData(element) || SEALED in element) return [];
    const personId = element[place.idField];
    return typeof personId === 'string' ? [personId] : [];
  });
}

function boxesAt(place: PersonPlace, data: Data): { k: string }[] {
  if (place.at === '$') return isSealedBox(data[SEALED]) ? [data[SEALED]] : [];
  const list = data[place.at];
  if (!Array.isArray(list)) return [];
  return list.flatMap((element: unknown) =>
    isData(element) && isSealedBox(element[SEALED]) ? [element[SEALED]] : [],
  );
}
