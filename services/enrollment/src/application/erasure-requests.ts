import { createEvent, personErased, type PendingEvent } from '@relais/contracts';
import { retentionCutoff, type CollectedPersonalData } from '@relais/platform';
import { ERASURE_REQUESTS, erasureRequestRecords } from './erasure-requests-personal-data';
import type { Clock } from './ports';

/** Who asked: an administrator through the ops route, or the identity provider's deletion of the account. */
export type ErasureSource = 'administrator' | 'identity-provider';

/**
 * The audit record of one erasure (ADR 0033): who asked, when and why; never whom. The person is
 * known by his key id only, which is all the progress of the erasure needs.
 */
export interface ErasureRequestRecord {
  erasureId: string;
  requestedAt: Date;
  source: ErasureSource;
  /** The administrator's id; null for the identity provider, or once he was erased himself. */
  requestedBy: string | null;
  reason: string;
  personKeyId: string;
}

export interface ErasureRequestStore {
  /** Saves the record and its event in one document: the outbox relay publishes the event. */
  add(record: ErasureRequestRecord, event: PendingEvent): Promise<void>;
  /** The latest first. */
  latest(limit: number): Promise<ErasureRequestRecord[]>;
  madeBy(userId: string): Promise<ErasureRequestRecord[]>;
  /** His erasure as an administrator: his requests stay, without him. Counts them. */
  forgetRequester(userId: string): Promise<number>;
  /** Retention (ADR 0032, `erasureAudit`): deletes the records requested before `cutoff`. */
  deleteRequestedBefore(cutoff: Date): Promise<number>;
}

export interface ErasureKeys {
  /** The services that forget a person, in registry order: each acknowledges to the keyring. */
  readonly erasedBy: readonly string[];
  keyIdOf(personId: string): string;
  beginErasure(keyId: string): Promise<void>;
  erasureProgress(
    keyIds: readonly string[],
  ): Promise<ReadonlyMap<string, { state: 'pending' | 'done'; acknowledgedBy: readonly string[] }>>;
}

export interface ErasureRequestView {
  erasureId: string;
  requestedAt: string;
  source: ErasureSource;
  reason: string;
  requestedByMe: boolean;
  status: 'pending' | 'done';
  servicesDone: string[];
  servicesPending: string[];
}

/** What the list shows: enough for an administrator to follow the erasures of his team. */
export const LISTED_ERASURES = 100;

/**
 * Erasure requests (GDPR article 17, ADR 0033). Requesting marks the person's key `erasing` first:
 * from then on no event of his is published or applied anywhere. Then the audit record and the
 * `identity.person.erased.v1` event are saved together; every service that holds people forgets him
 * on that event and acknowledges, and the last acknowledgement destroys his key. Erasing an unknown
 * person, or the same person twice, does the same and is harmless: each service finds nothing.
 */
export class ErasureRequests {
  constructor(
    private readonly store: ErasureRequestStore,
    private readonly keys: ErasureKeys,
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async request(
    input: { personId: string; reason: string; source: ErasureSource; requestedBy: string | null },
    correlationId: string,
  ): Promise<ErasureRequestView> {
    const personKeyId = this.keys.keyIdOf(input.personId);
    await this.keys.beginErasure(personKeyId);
    const now = this.clock.now();
    const record: ErasureRequestRecord = {
      erasureId: this.newId(),
      requestedAt: now,
      source: input.source,
      requestedBy: input.requestedBy,
      reason: input.reason,
      personKeyId,
    };
    const event = createEvent(
      personErased,
      { erasureId: record.erasureId, personId: input.personId },
      { source: 'enrollment', correlationId, now },
    );
    await this.store.add(record, event);
    const [view] = await this.viewsOf([record], input.requestedBy);
    return view!;
  }

  async list(viewerId: string): Promise<ErasureRequestView[]> {
    return this.viewsOf(await this.store.latest(LISTED_ERASURES), viewerId);
  }

  /** GDPR article 15 for an administrator: the requests he made, as "Mes données" shows them. */
  async personalData(userId: string): Promise<CollectedPersonalData> {
    return { [ERASURE_REQUESTS]: erasureRequestRecords(await this.store.madeBy(userId)) };
  }

  /** Retention (`erasureAudit`): the records of requests made before the rule's cutoff go. */
  async purgeExpired(today: string): Promise<{ erasureRequestsDeleted: number }> {
    const cutoff = new Date(`${retentionCutoff('erasureAudit', today)}T00:00:00.000Z`);
    return { erasureRequestsDeleted: await this.store.deleteRequestedBefore(cutoff) };
  }

  private async viewsOf(
    records: readonly ErasureRequestRecord[],
    viewerId: string | null,
  ): Promise<ErasureRequestView[]> {
    const progress = await this.keys.erasureProgress(records.map((record) => record.personKeyId));
    return records.map((record) => {
      const { state, acknowledgedBy } = progress.get(record.personKeyId) ?? {
        state: 'done' as const,
        acknowledgedBy: this.keys.erasedBy,
      };
      return {
        erasureId: record.erasureId,
        requestedAt: record.requestedAt.toISOString(),
        source: record.source,
        reason: record.reason,
        requestedByMe: viewerId !== null && record.requestedBy === viewerId,
        status: state,
        servicesDone: this.keys.erasedBy.filter((name) => acknowledgedBy.includes(name)),
        servicesPending: this.keys.erasedBy.filter((name) => !acknowledgedBy.includes(name)),
      };
    });
  }
}
