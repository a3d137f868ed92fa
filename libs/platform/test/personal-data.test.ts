import { describe, expect, it } from '@jest/globals';
import {
  LEGAL_BASES,
  RETENTION,
  UndeclaredPersonalField,
  exportPersonalData,
  type PersonalDataDeclaration,
} from '../src';

const declaration: PersonalDataDeclaration = {
  service: 'example',
  label: 'Exemple',
  kinds: [
    {
      kind: 'enrollments',
      label: 'Vos inscriptions',
      fields: {
        courseId: {
          label: 'Le parcours',
          purpose: 'Vous inscrire',
          legalBasis: 'publicTask',
          retention: 'trainingRecord',
        },
      },
      notPersonal: { revision: 'Numéro technique de version' },
    },
    {
      kind: 'messages',
      label: 'Vos messages',
      fields: {
        text: {
          label: 'Le texte',
          purpose: 'Échanger',
          legalBasis: 'publicTask',
          retention: 'directMessages',
        },
      },
    },
  ],
};

describe('exportPersonalData', () => {
  it('lists every declared kind with its fields in French, empty when nothing is held', () => {
    const exported = exportPersonalData(declaration, { enrollments: [{ courseId: 'c-1' }] });

    expect(exported.kinds.map((kind) => [kind.kind, kind.records.length])).toEqual([
      ['enrollments', 1],
      ['messages', 0],
    ]);
    expect(exported.kinds[0]?.fields).toEqual([
      {
        field: 'courseId',
        label: 'Le parcours',
        purpose: 'Vous inscrire',
        legalBasis: LEGAL_BASES.publicTask,
        retention: RETENTION.trainingRecord.text,
      },
    ]);
  });

  it('refuses a record with a field its kind does not declare, rather than sending or dropping it', () => {
    expect(() =>
      exportPersonalData(declaration, { enrollments: [{ courseId: 'c-1', revision: 3 }] }),
    ).toThrow(UndeclaredPersonalField);
  });

  it('refuses records of a kind that is not declared', () => {
    expect(() => exportPersonalData(declaration, { logins: [] })).toThrow(/undeclared kind "logins"/);
  });
});
