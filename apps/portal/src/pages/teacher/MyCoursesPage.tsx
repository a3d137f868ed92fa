import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { progressApi, unwrap } from '../../api/client';
import { keys, useMyEnrollments } from '../../api/queries';
import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatHours } from '../../i18n/format';
import { fr } from '../../i18n/fr';

export default function MyCoursesPage() {
  usePageTitle(fr.myCourses.title);
  const myEnrollments = useMyEnrollments();
  const enrollments = myEnrollments.data?.enrollments ?? [];
  const progress = useQueries({
    queries: enrollments.map((enrollment) => ({
      queryKey: keys.myProgress(enrollment.courseId),
      queryFn: () =>
        unwrap(
          progressApi.GET('/courses/{id}/progress/me', { params: { path: { id: enrollment.courseId } } }),
        ),
    })),
  });

  return (
    <>
      <h1>{fr.myCourses.title}</h1>
      <Notice />
      <QueryState
        query={myEnrollments}
        empty={
          <>
            {fr.myCourses.empty}{' '}
            <Link to="/catalogue" className="fr-link">
              {fr.myCourses.toCatalogue}
            </Link>
          </>
        }
        isEmpty={(data) => data.enrollments.length === 0}
      >
        {(data) => (
          <>
            <p className="fr-text--lg fr-text--bold fr-mb-1w">
              {fr.myCourses.total(formatHours(data.totalCreditedHours))}
            </p>
            <p className="fr-text--sm">{fr.myCourses.totalHint}</p>
            <ul className="relais-plain-list">
              {data.enrollments.map((enrollment, index) => {
                const mine = progress[index]?.data;
                return (
                  <li key={enrollment.courseId} className="fr-card fr-p-3w fr-mb-3w">
                    <h2 className="fr-h4 fr-mb-1w">
                      <Link to={`/mes-parcours/${enrollment.courseId}`}>{enrollment.title}</Link>
                    </h2>
                    <p className="fr-mb-1w">
                      <span className="fr-sr-only">{fr.myCourses.status} : </span>
                      <Badge
                        as="span"
                        severity={enrollment.status === 'completed' ? 'success' : 'info'}
                        small
                      >
                        {fr.vocabulary.enrollmentStatus[enrollment.status]}
                      </Badge>
                    </p>
                    {mine && <ProgressBar done={mine.done} total={mine.total} percent={mine.percent} />}
                    <p className="fr-mb-0">
                      {fr.myCourses.creditedHours(formatHours(enrollment.creditedHours))}
                    </p>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </QueryState>
    </>
  );
}
