import type { Schema } from 'mongoose';
import { namesTrackingData } from '../../src/domain/tracking-data';

/** Every field path a schema declares, sub-documents included (`activities.title`). */
export function schemaFieldPaths(schema: Schema, prefix = ''): string[] {
  const paths: string[] = [];
  schema.eachPath((path, type) => {
    paths.push(prefix + path);
    const nested = (type as { schema?: Schema }).schema;
    if (nested) paths.push(...schemaFieldPaths(nested, `${prefix}${path}.`));
  });
  return paths;
}

/** Every field path a stored document actually holds, array elements merged (`activities.title`). */
export function documentFieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => documentFieldPaths(item, prefix)))];
  if (typeof value !== 'object' || value === null || value instanceof Date) return [];
  if (value.constructor?.name === 'ObjectId') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    prefix + key,
    ...documentFieldPaths(inner, `${prefix}${key}.`),
  ]);
}

/** Paths with a segment named like tracking data (time, clicks, views, access, sessions…). */
export function trackingFieldsIn(paths: readonly string[]): string[] {
  return paths.filter((path) => path.split('.').some(namesTrackingData));
}

/**
 * What progress may hold, collection by collection; anything else fails the audit until a person
 * has looked at it against L2 and added it here.
 */
export const allowedFields: Record<string, readonly string[]> = {
  activity_lists: [
    '_id',
    'activities',
    'activities.id',
    'activities.title',
    'activities.kind',
    'activities.optional',
  ],
  completion_marks: ['_id', 'courseId', 'userId', 'activityId'],
  course_rosters: [
    '_id',
    'academy',
    'title',
    'status',
    // The course's planned closing day, set by its manager: a fact of the course, not of a person.
    'closesOn',
    // The day the course was closed, from enrollment's event: a fact of the course, not of anyone's
    // activity; the retention schedule counts from it (ADR 0032).
    'closedOn',
    'trainers',
    'trainers.userId',
    'trainers.name',
    'participants',
    'participants.userId',
    'participants.name',
    'participants.school',
    'participants.status',
    'revision',
    'appliedEventIds',
  ],
};

export const fieldsBeyond = (allowed: readonly string[], paths: readonly string[]): string[] =>
  paths.filter((path) => !allowed.includes(path));
