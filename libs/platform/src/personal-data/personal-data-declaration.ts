import { LEGAL_BASES, type LegalBasis } from './legal-bases';
import { RETENTION, type RetentionRule } from './retention';

/** One stored field that refers to a person, and why it is kept: what "Mes données" shows beside it. */
export interface PersonalField {
  /** What the field holds, in French ("Le parcours"). */
  label: string;
  /** Why Relais keeps it (finalité), in French. */
  purpose: string;
  legalBasis: LegalBasis;
  /** How long it is kept: a rule of the schedule (docs/adr/0032-retention-schedule.md). */
  retention: RetentionRule;
}

/**
 * One kind of record a service holds about a person (an enrollment, a feedback item…), declared next
 * to the stored schema it describes: every stored field is either a personal field or named in
 * `notPersonal` with the reason, so a new field cannot slip out of the export unnoticed
 * (`expectEveryStoredFieldClassified` in @relais/testing).
 */
export interface PersonalDataKind {
  kind: string;
  /** The heading of the group in "Mes données", in French ("Vos inscriptions"). */
  label: string;
  fields: Readonly<Record<string, PersonalField>>;
  /** Stored fields that are not exported, and why (technical, or about someone else). */
  notPersonal?: Readonly<Record<string, string>>;
}

export interface PersonalDataDeclaration {
  service: string;
  /** The service as a person knows it, in French ("Inscriptions et heures"). */
  label: string;
  kinds: readonly PersonalDataKind[];
}

/** What a service collected for one person: per kind, the records, each with declared fields only. */
export type CollectedPersonalData = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

export interface ExportedField {
  field: string;
  label: string;
  purpose: string;
  legalBasis: string;
  retention: string;
}

export interface ExportedKind {
  kind: string;
  label: string;
  fields: ExportedField[];
  records: Record<string, unknown>[];
}

export interface PersonalDataExport {
  service: string;
  label: string;
  kinds: ExportedKind[];
}

/** A record carried a field its kind does not declare: our bug, never silently dropped nor sent. */
export class UndeclaredPersonalField extends Error {
  constructor(service: string, kind: string, field: string) {
    super(
      `${service}: the ${kind} record has a field "${field}" that its personal-data declaration does not list`,
    );
    this.name = 'UndeclaredPersonalField';
  }
}

function exportedFields(kind: PersonalDataKind): ExportedField[] {
  return Object.entries(kind.fields).map(([field, use]) => ({
    field,
    label: use.label,
    purpose: use.purpose,
    legalBasis: LEGAL_BASES[use.legalBasis],
    retention: RETENTION[use.retention].text,
  }));
}

function checkedRecord(
  service: string,
  kind: PersonalDataKind,
  record: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  for (const field of Object.keys(record)) {
    if (!Object.hasOwn(kind.fields, field)) throw new UndeclaredPersonalField(service, kind.kind, field);
  }
  return { ...record };
}

/**
 * The document `GET /api/<service>/me/data` answers: each kind the service declares, its fields with
 * purpose, legal basis and retention, and the person's records (none is an empty list, not a missing
 * kind, so a person also learns what is not held about him).
 */
export function exportPersonalData(
  declaration: PersonalDataDeclaration,
  collected: CollectedPersonalData,
): PersonalDataExport {
  for (const kind of Object.keys(collected)) {
    if (!declaration.kinds.some((declared) => declared.kind === kind)) {
      throw new Error(`${declaration.service}: collected records of an undeclared kind "${kind}"`);
    }
  }
  return {
    service: declaration.service,
    label: declaration.label,
    kinds: declaration.kinds.map((kind) => ({
      kind: kind.kind,
      label: kind.label,
      fields: exportedFields(kind),
      records: (collected[kind.kind] ?? []).map((record) => checkedRecord(declaration.service, kind, record)),
    })),
  };
}
