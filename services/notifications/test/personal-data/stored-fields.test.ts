import mongoose from 'mongoose';
import type { PersonalDataKind } from '@relais/platform';
import { rosterModel } from '@relais/roster';
import { unclassifiedStoredFields } from '@relais/testing';
import { notificationKinds, notificationsPersonalData } from '../../src/application/personal-data';
import {
  notificationModels,
  type NotificationModels,
} from '../../src/infrastructure/mongo/notification-models';

const connection = mongoose.createConnection();
const models = notificationModels(connection);

/** Each stored collection and the kind of "Mes données" that describes it. */
const kindOfModel: Record<keyof NotificationModels, PersonalDataKind> = {
  notices: notificationKinds.notices,
  preferences: notificationKinds.preferences,
  addresses: notificationKinds.address,
  authors: notificationKinds.sealedAuthors,
  digest: notificationKinds.digest,
  mails: notificationKinds.mails,
};

describe('what notifications stores, against what it declares', () => {
  it.each(Object.entries(kindOfModel))(
    'classifies every field of the %s collection: exported, or not with a reason',
    (name, kind) => {
      const paths = Object.keys(models[name as keyof NotificationModels].schema.paths);
      expect(unclassifiedStoredFields(kind, paths)).toEqual([]);
    },
  );

  it('classifies every field of the roster replica', () => {
    const paths = Object.keys(rosterModel(connection).schema.paths);
    expect(unclassifiedStoredFields(notificationKinds.rosters, paths)).toEqual([]);
  });

  it('describes every collection of the service, and declares each kind it describes', () => {
    expect(Object.keys(kindOfModel).sort()).toEqual(Object.keys(models).sort());
    expect(notificationsPersonalData.kinds).toEqual(
      expect.arrayContaining([...Object.values(kindOfModel), notificationKinds.rosters]),
    );
    expect(notificationsPersonalData.kinds).toHaveLength(Object.keys(kindOfModel).length + 1);
  });
});
