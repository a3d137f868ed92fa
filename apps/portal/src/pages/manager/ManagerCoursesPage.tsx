import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCourses, type Course } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatHours, formatNumber } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import { useUpdateCourse } from './manager-queries';
import { ActionOutcome } from '../../components/ActionOutcome';
import { TableFrame } from '../../components/TableFrame';

const t = fr.manager.courses;

function CourseTable({ courses }: { courses: Course[] }) {
  const update = useUpdateCourse();
  const [said, setSaid] = useState('');
  const toggle = (course: Course) => {
    if (update.isPending) return;
    const status: Course['status'] = course.status === 'open' ? 'closed' : 'open';
    setSaid('');
    update.mutate(
      { id: course.id, body: { status } },
      { onSuccess: () => setSaid(status === 'open' ? t.opened(course.title) : t.closed(course.title)) },
    );
  };
  return (
    <>
      <ActionOutcome said={said} error={update.isError ? update.error : null} />
      <TableFrame caption={t.caption} hiddenCaption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.hours}</th>
            <th scope="col">{t.seats}</th>
            <th scope="col">{t.trainers}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((course) => (
            <tr key={course.id}>
              <th scope="row">{course.title}</th>
              <td>
                <Badge small severity={course.status === 'open' ? 'success' : 'info'}>
                  {t.statusLabel[course.status]}
                </Badge>
              </td>
              <td>{formatHours(course.predictedHours)}</td>
              <td>{course.seatsLeft === null ? t.unlimited : formatNumber(course.seatsLeft)}</td>
              <td>
                {course.trainers.length === 0
                  ? t.noTrainer
                  : course.trainers.map((trainer) => trainer.name).join(', ')}
              </td>
              <td>
                <ul className="fr-btns-group fr-btns-group--sm">
                  <li>
                    <Link
                      to={`/gestion/parcours/${course.id}`}
                      className="fr-btn fr-btn--secondary"
                      aria-label={t.edit(course.title)}
                    >
                      {t.editShort}
                    </Link>
                  </li>
                  <li>
                    <Button
                      priority="tertiary"
                      disabled={update.isPending}
                      onClick={() => toggle(course)}
                      aria-label={
                        course.status === 'open' ? t.closeFor(course.title) : t.openFor(course.title)
                      }
                    >
                      {course.status === 'open' ? t.close : t.open}
                    </Button>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </TableFrame>
      <p className="fr-text--sm">{t.closedHint}</p>
    </>
  );
}

export default function ManagerCoursesPage() {
  usePageTitle(t.title);
  const courses = useCourses();
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <Notice />
      <p>
        <Link to="/gestion/nouveau" className="fr-btn fr-icon-add-line fr-btn--icon-left">
          {t.create}
        </Link>
      </p>
      <QueryState query={courses} empty={t.empty}>
        {(all) => <CourseTable courses={[...all].sort((a, b) => a.title.localeCompare(b.title, 'fr'))} />}
      </QueryState>
    </>
  );
}
