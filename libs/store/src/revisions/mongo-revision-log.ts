import { randomUUID } from 'node:crypto';
import mongoose, { Schema, type Model, type SchemaDefinitionProperty } from 'mongoose';
import type { PendingEvent } from '@relais/contracts';
import { isDuplicateKeyError } from '../apply-once';
import type { Revision, RevisionLog, SaveOutcome } from './revision-log';

/**
 * The fields the log writes in every revision record, next to the aggregate's id field and state.
 * `removed` is absent in records written before removals were possible: absent means false.
 */
export interface RevisionRecordFields {
  _id: string;
  revision: number;
  removed?: boolean;
  outbox: PendingEvent[];
  /** Random, unique to this save; absent in records written before it existed. */
  saveId?: string;
  /** The `saveId` of the record this save was decided on. */
  savedOver?: string;
}

type SaveTrace = Pick<RevisionRecordFields, 'revision' | 'saveId' | 'savedOver'>;

/** To spread into a revision schema, with the id field and the state's fields (all closed). */
export const revisionRecordDefinition = {
  _id: { type: String, required: true },
  revision: { type: Number, required: true },
  removed: { type: Boolean, default: false },
  saveId: { type: String },
  savedOver: { type: String },
  outbox: { type: [Schema.Types.Mixed], default: [] } as SchemaDefinitionProperty<PendingEvent[]>,
};

/**
 * `<id>#<revision>`, padded so that ids sort by revision. Strings, never ObjectIds: an ObjectId holds
 * its creation time, which would date an anonymous item.
 */
export const revisionIdOf = (id: string, revision: number): string =>
  `${id}#${String(revision).padStart(9, '0')}`;

export interface RevisionRecordMapping<State, TRecord extends RevisionRecordFields> {
  /** The record field that names the aggregate, e.g. `courseId`; indexed with `revision: -1`. */
  idField: keyof TRecord & string;
  /** The state's fields as stored, without `_id`, the id field, `revision`, `removed` or `outbox`. */
  toRecord(state: State): Partial<TRecord>;
  fromRecord(record: TRecord): State;
}

/**
 * The RevisionLog on MongoDB and FerretDB. Every save inserts a new record `<id>#<revision>`: the
 * one write FerretDB makes atomic is an insert against the unique `_id` (ADR 0004), so of two writers
 * of the same revision exactly one insert succeeds. The record holds the whole state and the events
 * of the save in its `outbox` (ADR 0002), where MongoOutboxStore finds them.
 *
 * Events still pending in older records are carried into the new one, and the older records are then
 * deleted: a superseded state (a withdrawn teacher, a withdrawn item's text) does not linger (L1). A
 * carried event the relay was publishing meanwhile may go out twice: consumers are idempotent.
 */
export class MongoRevisionLog<State, TRecord extends RevisionRecordFields> implements RevisionLog<State> {
  constructor(
    readonly model: Model<TRecord>,
    private readonly mapping: RevisionRecordMapping<State, TRecord>,
  ) {}

  async read(id: string): Promise<Revision<State> | undefined> {
    const latest = await this.model.findOne(this.of(id)).sort({ revision: -1 }).lean<TRecord>().exec();
    return latest && !latest.removed
      ? { state: this.mapping.fromRecord(latest), revision: latest.revision }
      : undefined;
  }

  async append(
    id: string,
    expectedRevision: number,
    next: State,
    events: readonly PendingEvent[],
  ): Promise<SaveOutcome> {
    return this.saveOver(id, expectedRevision, { removed: false, ...this.mapping.toRecord(next) }, events);
  }

  async remove(
    id: string,
    expectedRevision: number,
    events: readonly PendingEvent[] = [],
  ): Promise<SaveOutcome> {
    return this.saveOver(id, expectedRevision, { removed: true } as Partial<TRecord>, events);
  }

  /**
   * The latest state of each aggregate that has a record matching `filter`, for queries. A match may
   * be a superseded record not yet deleted: callers whose filter is on fields that change check the
   * latest state again.
   */
  async latestMatching(filter: Record<string, unknown>): Promise<Array<Revision<State> & { id: string }>> {
    const ids: unknown[] = await this.model.distinct(this.mapping.idField, filter).exec();
    if (ids.length === 0) return [];
    const records = await this.model
      .find({ [this.mapping.idField]: mongoose.trusted({ $in: ids }) })
      .lean<TRecord[]>()
      .exec();
    const latest = new Map<string, TRecord>();
    for (const record of records) {
      const id = this.idOf(record);
      const known = latest.get(id);
      if (!known || known.revision < record.revision) latest.set(id, record);
    }
    return [...latest].flatMap(([id, record]) =>
      record.removed ? [] : [{ id, state: this.mapping.fromRecord(record), revision: record.revision }],
    );
  }

  private async saveOver(
    id: string,
    expectedRevision: number,
    fields: Partial<TRecord>,
    events: readonly PendingEvent[],
  ): Promise<SaveOutcome> {
    const existing = await this.model
      .find(this.of(id), { revision: 1, removed: 1, outbox: 1, saveId: 1 })
      .sort({ revision: 1 })
      .lean<Pick<TRecord, 'revision' | 'removed' | 'outbox' | 'saveId'>[]>()
      .exec();
    const last = existing.at(-1);
    const onExpected = last ? !last.removed && last.revision === expectedRevision : expectedRevision === 0;
    if (!onExpected) return 'conflict';
    const revision = expectedRevision + 1;
    const _id = revisionIdOf(id, revision);
    const saveId = randomUUID();
    try {
      await this.model.create({
        ...fields,
        _id,
        [this.mapping.idField]: id,
        revision,
        saveId,
        ...(last?.saveId ? { savedOver: last.saveId } : {}),
        outbox: [...existing.flatMap((record) => record.outbox), ...events],
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'conflict';
      throw error;
    }
    if (await this.overtaken(id, revision, saveId)) {
      await this.model.deleteOne({ _id, saveId }).exec();
      return 'conflict';
    }
    await this.model.deleteMany({ ...this.of(id), revision: mongoose.trusted({ $lt: revision }) }).exec();
    return 'saved';
  }

  /**
   * Whether others saved this revision and the next one, deleting this revision's record as
   * superseded, between our read and our insert: the insert then found the `_id` free and succeeded
   * over a state that is no longer the latest. Ours is then followed by a record not decided on it,
   * or by a later one while ours is still there (a record decided on ours is deleted with ours). Ours
   * already gone means a later writer read it and carried its events on: counted as saved (ADR 0026
   * names the window this leaves).
   */
  private async overtaken(id: string, revision: number, saveId: string): Promise<boolean> {
    const [ours, next] = await this.model
      .find(
        { ...this.of(id), revision: mongoose.trusted({ $gte: revision }) },
        { revision: 1, saveId: 1, savedOver: 1 },
      )
      .sort({ revision: 1 })
      .limit(2)
      .lean<SaveTrace[]>()
      .exec();
    if (ours?.saveId !== saveId || !next) return false;
    return next.revision !== revision + 1 || next.savedOver !== saveId;
  }

  private of(id: string): Record<string, unknown> {
    return { [this.mapping.idField]: id };
  }

  private idOf(record: TRecord): string {
    return String(record[this.mapping.idField]);
  }
}
