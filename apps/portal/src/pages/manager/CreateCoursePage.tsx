import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';
import { CourseForm } from './CourseForm';

const t = fr.manager.form;

export default function CreateCoursePage() {
  usePageTitle(t.createTitle);
  return (
    <>
      <Link to="/gestion" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {t.back}
      </Link>
      <h1 className="fr-mt-3w">{t.createTitle}</h1>
      <CourseForm />
    </>
  );
}
