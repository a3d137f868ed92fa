import type { paths } from '../../api/generated/enrollment';
import { toCsv } from '../../components/download';
import { fr } from '../../i18n/fr';

export type Overview =
  paths['/districts/{district}/overview']['get']['responses'][200]['content']['application/json'];

/** One line of the inspector's table: a teacher in a course, or a course without any teacher yet. */
export interface OverviewRow {
  courseId: string;
  course: string;
  trainers: string;
  teacher: string | undefined;
  school: string | undefined;
  status: 'enrolled' | 'completed' | undefined;
  creditedHours: number | undefined;
}

export type SortColumn = 'course' | 'teacher' | 'school' | 'status' | 'creditedHours';
export interface Sort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export function rowsOf(overview: Overview): OverviewRow[] {
  return overview.courses.flatMap((course): OverviewRow[] => {
    const base = { courseId: course.courseId, course: course.title, trainers: course.trainers.join(', ') };
    if (course.teachers.length === 0) {
      return [
        { ...base, teacher: undefined, school: undefined, status: undefined, creditedHours: undefined },
      ];
    }
    return course.teachers.map((teacher) => ({
      ...base,
      teacher: teacher.name,
      school: teacher.school,
      status: teacher.status,
      creditedHours: teacher.creditedHours,
    }));
  });
}

export interface Filters {
  school: string;
  courseId: string;
}

export function filterRows(rows: readonly OverviewRow[], filters: Filters): OverviewRow[] {
  return rows.filter(
    (row) =>
      (filters.school === '' || row.school === filters.school) &&
      (filters.courseId === '' || row.courseId === filters.courseId),
  );
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Sorted by the column asked, then by course and teacher, so equal values keep a stable order. */
export function sortRows(rows: readonly OverviewRow[], sort: Sort): OverviewRow[] {
  const text = (row: OverviewRow, column: SortColumn): string => {
    if (column === 'status') return row.status ? fr.vocabulary.enrollmentStatus[row.status] : '';
    return String(row[column] ?? '');
  };
  const compare = (a: OverviewRow, b: OverviewRow): number => {
    if (sort.column === 'creditedHours') {
      return (a.creditedHours ?? -1) - (b.creditedHours ?? -1);
    }
    return collator.compare(text(a, sort.column), text(b, sort.column));
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * compare(a, b) ||
      collator.compare(a.course, b.course) ||
      collator.compare(a.teacher ?? '', b.teacher ?? ''),
  );
}

/** The table as shown (filters and order included), as CSV. */
export function overviewCsv(rows: readonly OverviewRow[]): string {
  return toCsv([
    fr.inspector.csvHeader,
    ...rows.map((row) => [
      row.course,
      row.trainers,
      row.teacher ?? '',
      row.school ?? '',
      row.status ? fr.vocabulary.enrollmentStatus[row.status] : '',
      row.creditedHours ?? '',
    ]),
  ]);
}
