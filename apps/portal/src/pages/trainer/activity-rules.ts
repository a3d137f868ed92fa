import { ApiError } from '../../api/errors';
import { fr } from '../../i18n/fr';

/** The kinds the progress service accepts (its OpenAPI enum), in the order the editor offers them. */
export const ACTIVITY_KINDS = [
  'resource',
  'video',
  'quiz',
  'forum',
  'assignment',
  'virtual-class',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityDraft {
  /** Stable React key: the id itself is edited. */
  key: string;
  id: string;
  title: string;
  kind: ActivityKind;
  optional: boolean;
}

export interface ActivityErrors {
  id?: string;
  title?: string;
}

// The progress service's rules (services/progress/src/infrastructure/http/schemas.ts), checked here
// first so that a trainer reads what to fix next to the field instead of after a round trip.
const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
const ID_MAX = 64;
const TITLE_MAX = 200;
export const ACTIVITIES_MAX = 200;

function repeatedIds(drafts: readonly ActivityDraft[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of drafts) (seen.has(id) ? repeated : seen).add(id);
  return repeated;
}

/** Per row (same order as `drafts`), the sentence to show next to each field; empty when all is well. */
export function validateActivities(drafts: readonly ActivityDraft[]): ActivityErrors[] {
  const repeated = repeatedIds(drafts);
  return drafts.map((draft) => {
    const errors: ActivityErrors = {};
    if (draft.id === '') errors.id = fr.trainer.activities.idRequired;
    else if (draft.id.length > ID_MAX) errors.id = fr.trainer.activities.idTooLong;
    else if (!ID_PATTERN.test(draft.id)) errors.id = fr.trainer.activities.idFormat;
    else if (repeated.has(draft.id)) errors.id = fr.trainer.activities.idDuplicate;
    if (draft.title.trim() === '') errors.title = fr.trainer.activities.titleRequired;
    else if (draft.title.length > TITLE_MAX) errors.title = fr.trainer.activities.titleTooLong;
    return errors;
  });
}

export function hasErrors(errors: readonly ActivityErrors[]): boolean {
  return errors.some((row) => row.id !== undefined || row.title !== undefined);
}

/**
 * Where the service's refusal belongs: DUPLICATE_ACTIVITY_IDS next to every repeated id, a refused
 * field (`3.title`) next to that field. Undefined when the refusal is about no particular field.
 */
export function errorsOfRefusal(
  error: unknown,
  drafts: readonly ActivityDraft[],
): ActivityErrors[] | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const sentence = fr.errors.byCode[error.code] ?? fr.errors.fallback;
  if (error.code === 'DUPLICATE_ACTIVITY_IDS') {
    const repeated = repeatedIds(drafts);
    if (repeated.size === 0) return undefined;
    return drafts.map((draft) => (repeated.has(draft.id) ? { id: sentence } : {}));
  }
  const rows: ActivityErrors[] = drafts.map(() => ({}));
  let placed = false;
  for (const path of error.fields()) {
    const [index, field] = path.split('.');
    const row = rows[Number(index)];
    if (row && (field === 'id' || field === 'title')) {
      row[field] = sentence;
      placed = true;
    }
  }
  return placed ? rows : undefined;
}

export function toRequestBody(drafts: readonly ActivityDraft[]) {
  return drafts.map(({ id, title, kind, optional }) => ({ id, title: title.trim(), kind, optional }));
}
