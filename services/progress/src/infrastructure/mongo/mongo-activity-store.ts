import { Schema, type Connection, type Model } from 'mongoose';
import { closedSchemaOptions } from '@relais/store';
import { activityKinds, type Activity } from '../../domain/activity';
import type { ActivityStore } from '../../application/ports';

/** One document per course: its activity list. No view, click, duration or access field (L2). */
interface ActivityListRecord {
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

export class MongoActivityStore implements ActivityStore {
  constructor(private readonly model: Model<ActivityListRecord>) {}

  async activitiesOf(courseId: string): Promise<Activity[]> {
    const record = await this.model.findById(courseId).lean<ActivityListRecord>().exec();
    return (record?.activities ?? []).map(({ id, title, kind, optional }) => ({ id, title, kind, optional }));
  }

  async replace(courseId: string, activities: readonly Activity[]): Promise<void> {
    await this.model
      .updateOne({ _id: courseId }, { $set: { activities: [...activities] } }, { upsert: true })
      .exec();
  }
}
