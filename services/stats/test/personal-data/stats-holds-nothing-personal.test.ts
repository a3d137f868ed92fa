import mongoose from 'mongoose';
import type { PersonalDataExport } from '@relais/platform';
import { startServiceHarness, unclassifiedStoredFields, type ServiceHarness } from '@relais/testing';
import {
  createInMemoryStatsService,
  InMemoryTallyStore,
  tallyModels,
  type TallyModels,
} from '../../src/index';
import { statsPersonalData, storedRecordsNotPersonal } from '../../src/infrastructure/personal-data';
import { factsCarryingPersonalValues, personalValuesIn } from '../no-personal-data/personal-data-probe';
import { everyTestPeriodPublished } from '../support/facts';

const models = tallyModels(mongoose.createConnection());

describe('stats declares that it holds nothing about anyone, and its schemas agree', () => {
  it('declares no kind of personal record', () => {
    expect(statsPersonalData.kinds).toEqual([]);
  });

  it.each(Object.entries(storedRecordsNotPersonal))(
    'explains every field of the %s collection as referring to no one, and exports none',
    (name, reasons) => {
      const paths = Object.keys(models[name as keyof TallyModels].schema.paths);
      expect(reasons.fields).toEqual({});
      expect(unclassifiedStoredFields(reasons, paths)).toEqual([]);
    },
  );

  it('explains every collection it stores', () => {
    expect(Object.keys(storedRecordsNotPersonal).sort()).toEqual(Object.keys(models).sort());
  });
});

describe('GET /api/stats/me/data', () => {
  const tallies = new InMemoryTallyStore();
  let harness: ServiceHarness;
  beforeAll(async () => {
    harness = await startServiceHarness((verifierFor) => [
      createInMemoryStatsService({
        verifier: verifierFor('relais-stats'),
        minimumCount: 11,
        tallies,
        publication: everyTestPeriodPublished,
      }),
    ]);
    // Facts that try every way to carry teacher.07's id, name, address, school and words into stats.
    for (const fact of factsCarryingPersonalValues())
      await harness.bus.publish(fact.topic, [{ key: fact.key, envelope: fact.envelope }]);
    await harness.bus.idle();
    expect(
      (await harness.call('ministry.dne', 'GET', '/api/stats/ministry/enrollments?period=2026-Q4&by=academy'))
        .status,
    ).toBe(200);
  });
  afterAll(async () => harness.stop());

  it('tells the teacher whose facts were counted that nothing is held about him, and holds nothing indeed', async () => {
    const response = await harness.call('teacher.07', 'GET', '/api/stats/me/data');

    expect(response.status).toBe(200);
    expect(response.body as unknown as PersonalDataExport).toEqual({
      service: 'stats',
      label: statsPersonalData.label,
      kinds: [],
    });
    const documents = tallies.documents();
    expect(JSON.stringify(documents)).toContain('teachers|enrolled|academy|month|lyon');
    expect(JSON.stringify(documents)).toContain('ministry-enrollments/2026-Q4');
    expect(personalValuesIn(documents)).toEqual([]);
  });

  it('stores in memory no field that a collection’s explanation does not cover', () => {
    const explained = new Set(
      Object.values(storedRecordsNotPersonal).flatMap((reasons) => Object.keys(reasons.notPersonal ?? {})),
    );
    const stored = new Set(tallies.documents().flatMap((document) => Object.keys(document as object)));
    expect([...stored].filter((field) => !explained.has(field))).toEqual([]);
  });
});
