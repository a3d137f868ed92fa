import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { fr } from '../i18n/fr';

export default function NotFoundPage() {
  usePageTitle(fr.notFound.title);
  return (
    <>
      <h1>{fr.notFound.title}</h1>
      <p>{fr.notFound.body}</p>
      <Link to="/" className="fr-link">
        {fr.notFound.back}
      </Link>
    </>
  );
}
