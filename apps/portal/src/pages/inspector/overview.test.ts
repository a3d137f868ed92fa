import { describe, expect, it } from 'vitest';
import { filterRows, overviewCsv, rowsOf, sortRows, type Overview } from './overview';

const overview: Overview = {
  district: 'lyon-d1',
  courses: [
    {
      courseId: 'b',
      title: 'Lecture au CP',
      trainers: ['Alice Marchand'],
      teachers: [
        { name: 'Zoé Petit', school: '0690002B', status: 'completed', creditedHours: 9 },
        { name: 'Émile Durand', school: '0690001A', status: 'enrolled' },
      ],
    },
    { courseId: 'a', title: 'Numérique, pas à pas', trainers: [], teachers: [] },
  ],
};

describe('the inspector overview', () => {
  const rows = rowsOf(overview);

  it('keeps a course without teachers as a line, so every course in place is listed', () => {
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.courseId === 'a')?.teacher).toBeUndefined();
  });

  it('filters by school and by course', () => {
    expect(filterRows(rows, { school: '0690001A', courseId: '' }).map((row) => row.teacher)).toEqual([
      'Émile Durand',
    ]);
    expect(filterRows(rows, { school: '', courseId: 'a' })).toHaveLength(1);
  });

  it('sorts names the French way (accents ignored) and hours as numbers, both directions', () => {
    const teachers = rows.filter((row) => row.teacher);
    expect(
      sortRows(teachers, { column: 'teacher', direction: 'ascending' }).map((row) => row.teacher),
    ).toEqual(['Émile Durand', 'Zoé Petit']);
    expect(
      sortRows(teachers, { column: 'creditedHours', direction: 'descending' }).map(
        (row) => row.creditedHours,
      ),
    ).toEqual([9, undefined]);
  });

  it('downloads what it shows as CSV, in French, hours only once completed', () => {
    const lines = overviewCsv(sortRows(rows, { column: 'course', direction: 'ascending' }))
      .replace('\uFEFF', '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'Parcours,Formateurs,Enseignant,École,Statut,Heures créditées',
      'Lecture au CP,Alice Marchand,Émile Durand,0690001A,En cours,',
      'Lecture au CP,Alice Marchand,Zoé Petit,0690002B,Formation terminée,9',
      '"Numérique, pas à pas",,,,,',
    ]);
  });
});
