import { describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { exportPersonalData } from '@relais/platform';
import { unclassifiedStoredFields } from '@relais/testing';
import { InMemoryRosterStore, rosterModel, rosterPersonalData, rosterRecordsOf } from '../src';

async function storeWithOneCourse(): Promise<InMemoryRosterStore> {
  const store = new InMemoryRosterStore();
  await store.apply('course-1', 'event-1', () => ({
    courseId: 'course-1',
    academy: 'lyon',
    title: 'Enseigner la lecture',
    status: 'open',
    trainers: [{ userId: 'trainer-1', name: 'Alice Martin' }],
    participants: [
      { userId: 'teacher-1', name: 'Camille Durand', school: 'École Jean Jaurès', status: 'completed' },
      { userId: 'teacher-2', name: 'Louis Petit', status: 'enrolled' },
    ],
  }));
  return store;
}

describe('the roster replica in "what Relais knows about me"', () => {
  it('gives a participant his own entry, and nothing of the other members', async () => {
    const records = await rosterRecordsOf(await storeWithOneCourse(), 'teacher-1');

    expect(records).toEqual([
      {
        courseId: 'course-1',
        title: 'Enseigner la lecture',
        role: 'participant',
        name: 'Camille Durand',
        school: 'École Jean Jaurès',
        status: 'formation terminée',
      },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/Louis Petit|Alice Martin/);
  });

  it('gives a trainer his role, and a stranger nothing', async () => {
    const store = await storeWithOneCourse();

    expect(await rosterRecordsOf(store, 'trainer-1')).toEqual([
      { courseId: 'course-1', title: 'Enseigner la lecture', role: 'formateur', name: 'Alice Martin' },
    ]);
    expect(await rosterRecordsOf(store, 'someone-else')).toEqual([]);
  });

  it('exports only declared fields', async () => {
    const records = await rosterRecordsOf(await storeWithOneCourse(), 'teacher-1');
    const exported = exportPersonalData(
      { service: 'example', label: 'Exemple', kinds: [rosterPersonalData] },
      { 'course-rosters': records },
    );

    expect(exported.kinds[0]?.records).toHaveLength(1);
  });

  it('classifies every field of the stored replica', () => {
    const paths = Object.keys(rosterModel(mongoose.createConnection()).schema.paths);

    expect(unclassifiedStoredFields(rosterPersonalData, paths)).toEqual([]);
  });
});
