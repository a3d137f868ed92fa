import mongoose from 'mongoose';
import { unclassifiedStoredFields } from '@relais/testing';
import { countedCellsNotExported, enrollmentPersonalData } from '../../src/application/personal-data';
import { erasureRequestsKind } from '../../src/application/erasure-requests-personal-data';
import { courseRevisionModel } from '../../src/infrastructure/mongo/course-model';
import { erasureRequestModel } from '../../src/infrastructure/mongo/mongo-erasure-requests';
import { countedCellModel } from '../../src/infrastructure/mongo/mongo-participation-counter';

const connection = mongoose.createConnection();
const courseRevisionPaths = Object.keys(courseRevisionModel(connection).schema.paths);
const countedCellPaths = Object.keys(countedCellModel(connection).schema.paths);
const erasureRequestPaths = Object.keys(erasureRequestModel(connection).schema.paths);

describe('what enrollment stores, field by field, in "what Relais knows about me"', () => {
  // Enrollments, attestations, trainer memberships and pending events all live in a course revision.
  it.each(
    enrollmentPersonalData.kinds
      .filter((kind) => kind !== erasureRequestsKind)
      .map((kind) => [kind.kind, kind] as const),
  )('every stored field of a course revision is exported or explained for %s', (_name, kind) => {
    expect(unclassifiedStoredFields(kind, courseRevisionPaths)).toEqual([]);
  });

  it('exports or explains every stored field of an erasure request, which never names whom it erased', () => {
    expect(unclassifiedStoredFields(erasureRequestsKind, erasureRequestPaths)).toEqual([]);
  });

  it('explains why the counted cells are not exported: keyed one-way tokens, nothing else', () => {
    expect(unclassifiedStoredFields(countedCellsNotExported, countedCellPaths)).toEqual([]);
    expect(countedCellsNotExported.fields).toEqual({});
    expect(enrollmentPersonalData.kinds.map((kind) => kind.kind)).not.toContain(countedCellsNotExported.kind);
  });
});
