import { Link, useParams } from 'react-router';
import { useCourse } from '../../api/queries';
import { ErrorNotice, Loading } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';
import { CourseForm } from './CourseForm';

const t = fr.manager.form;

export default function EditCoursePage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  usePageTitle(course.data ? t.editTitle(course.data.title) : fr.manager.courses.title);
  return (
    <>
      <Link to="/gestion" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {t.back}
      </Link>
      {course.isPending ? (
        <Loading />
      ) : course.isError ? (
        <ErrorNotice error={course.error} onRetry={() => void course.refetch()} />
      ) : (
        <>
          <h1 className="fr-mt-3w">{t.editTitle(course.data.title)}</h1>
          {/* Keyed by course: a form never shows another course's typing. */}
          <CourseForm key={course.data.id} course={course.data} />
        </>
      )}
    </>
  );
}
