import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { enrollmentApi, unwrap } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { districtOf } from '../../auth/session';
import { downloadText } from '../../components/download';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';
import { formatHours } from '../../i18n/format';
import {
  filterRows,
  overviewCsv,
  rowsOf,
  sortRows,
  type Filters,
  type Overview,
  type OverviewRow,
  type Sort,
  type SortColumn,
} from './overview';
import { TableFrame } from '../../components/TableFrame';

const t = fr.inspector;

function SortableHeader({
  column,
  label,
  sort,
  onSort,
}: {
  column: SortColumn;
  label: string;
  sort: Sort;
  onSort: (column: SortColumn) => void;
}) {
  const active = sort.column === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" className="relais-sort" onClick={() => onSort(column)}>
        {label}
        <span className="fr-sr-only">
          {' — '}
          {active
            ? sort.direction === 'ascending'
              ? t.sortedAscending
              : t.sortedDescending
            : t.sortBy(label)}
        </span>
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

function OverviewTable({ overview }: { overview: Overview }) {
  const rows = useMemo(() => rowsOf(overview), [overview]);
  const schools = useMemo(
    () =>
      [
        ...new Set(rows.map((row) => row.school).filter((school): school is string => Boolean(school))),
      ].sort(),
    [rows],
  );
  const [filters, setFilters] = useState<Filters>({ school: '', courseId: '' });
  const [sort, setSort] = useState<Sort>({ column: 'course', direction: 'ascending' });
  const shown = useMemo(() => sortRows(filterRows(rows, filters), sort), [rows, filters, sort]);
  const onSort = (column: SortColumn) =>
    setSort((current) => ({
      column,
      direction: current.column === column && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t.filters}</legend>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Select
            label={t.school}
            nativeSelectProps={{
              value: filters.school,
              onChange: (event) => setFilters({ ...filters, school: event.target.value }),
            }}
          >
            <option value="">{t.allSchools}</option>
            {schools.map((school) => (
              <option key={school} value={school}>
                {school}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-fieldset__element--inline">
          <Select
            label={t.course}
            nativeSelectProps={{
              value: filters.courseId,
              onChange: (event) => setFilters({ ...filters, courseId: event.target.value }),
            }}
          >
            <option value="">{t.allCourses}</option>
            {overview.courses.map((course) => (
              <option key={course.courseId} value={course.courseId}>
                {course.title}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>
      <p role="status" className="fr-text--sm">
        {t.caption(shown.length)}
      </p>
      <Button
        className="fr-mb-2w"
        priority="secondary"
        iconId="fr-icon-download-line"
        iconPosition="left"
        onClick={() => downloadText(t.csvFile(overview.district), overviewCsv(shown))}
      >
        {t.downloadCsv}
      </Button>
      {shown.length === 0 ? (
        <p className="relais-empty">{t.noMatch}</p>
      ) : (
        <TableFrame caption={t.caption(shown.length)}>
          <thead>
            <tr>
              <SortableHeader column="course" label={t.columns.course} sort={sort} onSort={onSort} />
              <th scope="col">{t.columns.trainers}</th>
              <SortableHeader column="teacher" label={t.columns.teacher} sort={sort} onSort={onSort} />
              <SortableHeader column="school" label={t.columns.school} sort={sort} onSort={onSort} />
              <SortableHeader column="status" label={t.columns.status} sort={sort} onSort={onSort} />
              <SortableHeader column="creditedHours" label={t.columns.hours} sort={sort} onSort={onSort} />
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <Row key={`${row.courseId}-${row.teacher ?? ''}-${index}`} row={row} />
            ))}
          </tbody>
        </TableFrame>
      )}
    </>
  );
}

function Row({ row }: { row: OverviewRow }) {
  return (
    <tr>
      <th scope="row">{row.course}</th>
      <td>{row.trainers || t.noTrainer}</td>
      <td>{row.teacher ?? <span className="relais-empty">{t.courseWithoutTeacher}</span>}</td>
      <td>{row.teacher ? (row.school ?? t.noSchool) : ''}</td>
      <td>{row.status ? fr.vocabulary.enrollmentStatus[row.status] : ''}</td>
      <td>{row.creditedHours === undefined ? t.noHours : formatHours(row.creditedHours)}</td>
    </tr>
  );
}

export default function DistrictOverviewPage() {
  usePageTitle(t.title);
  const auth = useAuth();
  const district = auth.user ? districtOf(auth.user) : undefined;
  const overview = useQuery({
    queryKey: ['enrollment', 'district-overview', district],
    queryFn: () =>
      unwrap(
        enrollmentApi.GET('/districts/{district}/overview', {
          params: { path: { district: district ?? '' } },
        }),
      ),
    enabled: district !== undefined,
  });
  return (
    <>
      <h1>{t.title}</h1>
      <p className="fr-text--lead">{t.lead}</p>
      <p className="fr-text--sm">{t.scope}</p>
      {district === undefined ? (
        <p>{t.noDistrict}</p>
      ) : (
        <>
          <p>{t.district(district)}</p>
          <QueryState query={overview} empty={t.empty} isEmpty={(data) => data.courses.length === 0}>
            {(data) => <OverviewTable overview={data} />}
          </QueryState>
        </>
      )}
    </>
  );
}
