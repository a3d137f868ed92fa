import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link } from 'react-router';
import { useCourses } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatHours } from '../../i18n/format';
import { fr } from '../../i18n/fr';
import { coursesITeach } from './trainer-rules';

const t = fr.trainer.courses;

export default function TrainerCoursesPage() {
  usePageTitle(t.title);
  const courses = useCourses();
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <QueryState query={courses} empty={t.empty} isEmpty={(all) => coursesITeach(all).length === 0}>
        {(all) => (
          <ul className="relais-plain-list">
            {coursesITeach(all).map((course) => (
              <li key={course.id} className="fr-card fr-p-3w fr-mb-2w">
                <h2 className="fr-h5 fr-mb-1w">
                  <Link to={`/formateur/parcours/${course.id}`}>{course.title}</Link>
                </h2>
                <p className="fr-text--sm fr-mb-1w">{t.predictedHours(formatHours(course.predictedHours))}</p>
                <Badge small severity={course.status === 'open' ? 'success' : 'info'}>
                  {t.status[course.status]}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
