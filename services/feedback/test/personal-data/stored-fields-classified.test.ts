import mongoose from 'mongoose';
import type { PersonalDataKind } from '@relais/platform';
import { unclassifiedStoredFields } from '@relais/testing';
import type { feedbackConfigSchema } from '../../src/config';
import {
  anonymousAuthorshipPersonalData,
  feedbackPersonalData,
  storedWithoutPersonalData,
} from '../../src/application/personal-data';
import { mongoAdapters } from '../../src/mongo';
import type { z } from 'zod';

/**
 * Every model production registers (through `mongoAdapters`, never connected: the schemas are what
 * is read), so that a collection added to the service without a decision about it fails here.
 */
const connection = mongoose.createConnection();
const config: z.output<typeof feedbackConfigSchema> = {
  FEEDBACK_AUTHOR_KEY: 'a-feedback-author-key-of-32-characters',
  FEEDBACK_ANONYMITY_THRESHOLD: 5,
};
mongoAdapters(
  {
    config: { LOG_LEVEL: 'silent' },
    connection,
    verifier: { verify: () => Promise.reject(new Error('unused')) },
  } as never,
  config,
);
const pathsOf = (collection: string): string[] => {
  const model = Object.values(connection.models).find(
    (each) => each.collection.collectionName === collection,
  );
  if (!model) throw new Error(`no model stores ${collection}`);
  return Object.keys(model.schema.paths);
};

/** Each kind of the declaration, and the collection its records are read from. */
const collectionOf: Record<string, string> = {
  'course-rosters': 'course_rosters',
  'named-feedback': 'feedback_item_revisions',
  'anonymous-feedback': 'feedback_item_revisions',
  'trainer-replies': 'feedback_item_revisions',
  messages: 'messages',
  'feedback-authorship': 'feedback_authorship',
  'daily-quota': 'quota_slots',
};

const declaredKinds: (readonly [string, PersonalDataKind])[] = [
  ...feedbackPersonalData.kinds,
  ...anonymousAuthorshipPersonalData.kinds,
].map((kind) => [kind.kind, kind] as const);

describe('every stored field of feedback is exported or explained', () => {
  it('knows the collection of every declared kind, of both answers', () => {
    expect([...new Set(declaredKinds.map(([kind]) => kind))].sort()).toEqual(
      Object.keys(collectionOf).sort(),
    );
  });

  it.each(declaredKinds)('classifies every field of the collection of %s', (kind, declared) => {
    expect(unclassifiedStoredFields(declared, pathsOf(collectionOf[kind] ?? ''))).toEqual([]);
  });

  it.each(Object.entries(storedWithoutPersonalData))(
    'explains why %s holds nothing a person could be given',
    (collection, reasons) => {
      const asKind: PersonalDataKind = {
        kind: collection,
        label: collection,
        fields: {},
        notPersonal: reasons,
      };
      expect(unclassifiedStoredFields(asKind, pathsOf(collection))).toEqual([]);
    },
  );

  it('leaves no collection of feedback unaccounted for', () => {
    const accounted = new Set([...Object.values(collectionOf), ...Object.keys(storedWithoutPersonalData)]);
    const collections = Object.values(connection.models).map((model) => model.collection.collectionName);
    expect(collections.length).toBeGreaterThanOrEqual(7);
    expect(collections.filter((collection) => !accounted.has(collection))).toEqual([]);
  });
});
