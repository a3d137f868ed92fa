import mongoose from 'mongoose';
import { unclassifiedStoredFields } from '@relais/testing';
import { erasureRequestsKind } from '../../src/application/erasure-requests-personal-data';
import { erasureRequestModel } from '../../src/infrastructure/mongo/mongo-erasure-requests';
import {
  countedCellsNotExported,
  enrollmentPersonalData,
  identityEventCursorNotExported,
} from '../../src/application/personal-data';
import { courseRevisionModel } from '../../src/infrastructure/mongo/course-model';
import { identityEventCursorModel } from '../../src/infrastructure/mongo/mongo-identity-event-cursor-store';
import { countedCellModel } from '../../src/infrastructure/mongo/mongo-participation-counter';

const connection = mongoose.createConnection();
const courseRevisionPaths = Object.keys(courseRevisionModel(connection).schema.paths);
const countedCellPaths = Object.keys(countedCellModel(connection).schema.paths);
const erasureRequestPaths = Object.keys(erasureRequestModel(connection).schema.paths);
const identityEventCursorPaths = Object.keys(identityEventCursorModel(connection).schema.paths);

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

  it('explains why the cursor over Keycloak’s admin events is not exported: it names no one', () => {
    expect(unclassifiedStoredFields(identityEventCursorNotExported, identityEventCursorPaths)).toEqual([]);
    expect(identityEventCursorNotExported.fields).toEqual({});
    expect(enrollmentPersonalData.kinds.map((kind) => kind.kind)).not.toContain(
      identityEventCursorNotExported.kind,
    );
  });
});
