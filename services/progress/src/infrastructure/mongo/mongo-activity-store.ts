import { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions, isDuplicateKeyError } from '@relais/store';
import { activityKinds, type Activity } from '../../domain/activity';
import type { ActivityStore } from '../../application/ports';

/** One document per course: its activity list. No view, click, duration or access field (L2). */
export interface ActivityListRecord {
  _id: string;
  activities: Activity[];
}

const activitySchema = new Schema<Activity>(
  {
    id: { type: String, required: true },
    title: { type: String, required: true },
    kind: { type: String, enum: activityKinds, required: true },
    optional: { type: Boolean, required: true },
  },
  { _id: false, ...closedSchemaOptions },
);

const activityListSchema = new Schema<ActivityListRecord>(
  { _id: { type: String, required: true }, activities: { type: [activitySchema], default: [] } },
  { collection: 'activity_lists', ...closedSchemaOptions },
);

export function activityListModel(connection: Connection): Model<ActivityListRecord> {
  return (
    connection.models['ActivityList'] ??
    connection.model<ActivityListRecord>('ActivityList', activityListSchema)
  );
}

/**
 * The list is replaced as a whole by a trainer: two trainers saving at once end with the last one's
 * list, never a mix of both (a whole-document replace, which FerretDB performs as one write).
 */
export class MongoActivityStore implements ActivityStore {
  constructor(private readonly model: Model<ActivityListRecord>) {}

  async activitiesOf(courseId: string): Promise<Activity[]> {
    const record = await this.model.findById(courseId).lean<ActivityListRecord>().exec();
    return (record?.activities ?? []).map(({ id, title, kind, optional }) => ({ id, title, kind, optional }));
  }

  async replace(courseId: string, activities: readonly Activity[]): Promise<void> {
    const record = { _id: courseId, activities: [...activities] };
    try {
      await this.model.replaceOne({ _id: courseId }, record, { upsert: true }).exec();
    } catch (error) {
      // Two first saves raced to insert the document: it exists now, so replace it.
      if (!isDuplicateKeyError(error)) throw error;
      await this.model.replaceOne({ _id: courseId }, record).exec();
    }
  }
}
