import mongoose from 'mongoose';
import type { PersonalDataKind } from '@relais/platform';
import { InMemoryRosterStore, rosterModel, rosterPersonalData } from '@relais/roster';
import { unclassifiedStoredFields } from '@relais/testing';
import { PersonalDataQueries } from '../../src/application/personal-data';
import {
  activityListModel,
  activityListsHoldNothingPersonal,
  completionMarkModel,
  completionMarksPersonalData,
  InMemoryActivityStore,
  InMemoryCompletionMarkStore,
  progressPersonalData,
} from '../../src/index';
import { allowedFields } from '../no-tracking/field-audit';

/** Models are registered on a connection that never opens: only their schemas are read. */
const connection = mongoose.createConnection();
const storedPathsOf = (model: { schema: mongoose.Schema }) => Object.keys(model.schema.paths);

/** The activity lists, as a kind that exports nothing: each stored field still needs its reason. */
const activityListsAsKind: PersonalDataKind = {
  kind: 'activity-lists',
  label: 'Listes d’activités',
  fields: {},
  notPersonal: activityListsHoldNothingPersonal,
};

/** Every collection progress writes, and what the declaration says of it. */
const classificationOf: Record<string, PersonalDataKind> = {
  completion_marks: completionMarksPersonalData,
  course_rosters: rosterPersonalData,
  activity_lists: activityListsAsKind,
};

describe('what progress stores about a person is declared', () => {
  it('classifies every stored field of the completion marks', () => {
    const paths = storedPathsOf(completionMarkModel(connection));
    expect(unclassifiedStoredFields(completionMarksPersonalData, paths)).toEqual([]);
  });

  it('classifies every stored field of its roster replica', () => {
    const paths = storedPathsOf(rosterModel(connection));
    expect(unclassifiedStoredFields(rosterPersonalData, paths)).toEqual([]);
  });

  it('says why each field of the activity lists is about no one, and exports none of them', () => {
    const paths = storedPathsOf(activityListModel(connection));
    expect(unclassifiedStoredFields(activityListsAsKind, paths)).toEqual([]);
    expect(progressPersonalData.kinds.map(({ kind }) => kind)).not.toContain(activityListsAsKind.kind);
  });

  it('has a decision for every collection the no-tracking audit knows progress to write', () => {
    expect(Object.keys(classificationOf).sort()).toEqual(Object.keys(allowedFields).sort());
    const declared = progressPersonalData.kinds.map(({ kind }) => kind).sort();
    expect(declared).toEqual([completionMarksPersonalData.kind, rosterPersonalData.kind].sort());
  });
});

describe('a person’s marks in his export', () => {
  it('still shows a mark whose activity the trainers removed meanwhile, without a title', async () => {
    const rosters = new InMemoryRosterStore();
    const activities = new InMemoryActivityStore();
    const marks = new InMemoryCompletionMarkStore();
    await activities.replace('course-1', [
      { id: 'kept', title: 'Lecture', kind: 'resource', optional: false },
    ]);
    await marks.add({ courseId: 'course-1', userId: 'teacher-1', activityId: 'kept' });
    await marks.add({ courseId: 'course-1', userId: 'teacher-1', activityId: 'removed' });
    await marks.add({ courseId: 'course-1', userId: 'teacher-2', activityId: 'kept' });

    const collected = await new PersonalDataQueries(rosters, activities, marks).collect('teacher-1');

    expect(collected['completion-marks']).toEqual(
      expect.arrayContaining([
        { courseId: 'course-1', activityId: 'kept', activityTitle: 'Lecture', done: true },
        { courseId: 'course-1', activityId: 'removed', done: true },
      ]),
    );
    expect(collected['completion-marks']).toHaveLength(2);
    expect(collected['course-rosters']).toEqual([]);
  });
});
