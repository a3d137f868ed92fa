import mongoose, { Schema, type SchemaDefinition } from 'mongoose';
import { InMemoryRosterStore, rosterModel } from '@relais/roster';
import { startServiceHarness } from '@relais/testing';
import {
  activityListModel,
  completionMarkModel,
  createProgressService,
  InMemoryActivityStore,
  InMemoryCompletionMarkStore,
} from '../../src/index';
import { exerciseEveryWrite } from './exercise-every-write';
import {
  allowedFields,
  documentFieldPaths,
  fieldsBeyond,
  schemaFieldPaths,
  trackingFieldsIn,
} from './field-audit';

/** Models are registered on a connection that never opens: only their schemas are read. */
function progressModels() {
  const connection = mongoose.createConnection();
  return [activityListModel(connection), completionMarkModel(connection), rosterModel(connection)];
}

/** A copy of a real schema with fields someone might be tempted to add. */
function extended(schema: Schema, fields: SchemaDefinition): Schema {
  const copy = new Schema();
  copy.add(schema);
  copy.add(fields);
  return copy;
}

describe('no tracking by construction (L2): the schemas', () => {
  it.each(progressModels().map((model) => [model.collection.collectionName, model] as const))(
    '%s declares only reviewed fields, none of them tracking data',
    (collection, model) => {
      const paths = schemaFieldPaths(model.schema);
      expect(trackingFieldsIn(paths)).toEqual([]);
      expect(fieldsBeyond(allowedFields[collection] ?? [], paths)).toEqual([]);
      expect(model.schema.get('strict')).toBe('throw');
    },
  );

  it('covers every collection progress writes, and nothing else', () => {
    expect(
      progressModels()
        .map((model) => model.collection.collectionName)
        .sort(),
    ).toEqual(Object.keys(allowedFields).sort());
  });

  it('would fail if someone added timeSpent, or mongoose timestamps, to a schema', () => {
    const [activityLists, marks] = progressModels();
    const withTimeSpent = extended(marks!.schema, { timeSpent: Number });
    expect(trackingFieldsIn(schemaFieldPaths(withTimeSpent))).toEqual(['timeSpent']);
    const nested = extended(activityLists!.schema, {
      activities: [
        new Schema({ id: String, title: String, lastAccess: Date, views: Number }, { _id: false }),
      ],
    });
    expect(trackingFieldsIn(schemaFieldPaths(nested))).toEqual(['activities.lastAccess', 'activities.views']);
    const stamped = new Schema({ courseId: String }, { timestamps: true });
    expect(trackingFieldsIn(schemaFieldPaths(stamped))).toEqual(['createdAt', 'updatedAt']);
    expect(fieldsBeyond(allowedFields['completion_marks'] ?? [], schemaFieldPaths(withTimeSpent))).toEqual([
      'timeSpent',
    ]);
  });
});

describe('no tracking by construction (L2): what the in-memory stores hold after every kind of write', () => {
  const activities = new InMemoryActivityStore();
  const marks = new InMemoryCompletionMarkStore();

  beforeAll(async () => {
    const harness = await startServiceHarness((verifierFor) => [
      createProgressService({
        rosters: new InMemoryRosterStore(),
        activities,
        marks,
        verifier: verifierFor('relais-progress'),
      }),
    ]);
    try {
      await exerciseEveryWrite(harness);
    } finally {
      await harness.stop();
    }
  });

  it('keeps only reviewed fields, none of them tracking data', () => {
    const listPaths = documentFieldPaths(activities.storedDocuments()).map((path) => `activities.${path}`);
    const markPaths = documentFieldPaths(marks.storedDocuments());
    expect(markPaths.length).toBeGreaterThan(0);
    expect(trackingFieldsIn([...listPaths, ...markPaths])).toEqual([]);
    expect(fieldsBeyond(allowedFields['activity_lists'] ?? [], listPaths)).toEqual([]);
    expect(fieldsBeyond(allowedFields['completion_marks'] ?? [], markPaths)).toEqual([]);
  });

  it('keeps only the marks of activities declared done and still listed', () => {
    const kept = marks.storedDocuments().map((mark) => mark.activityId);
    expect(new Set(kept)).toEqual(new Set(['intro', 'video']));
  });
});
