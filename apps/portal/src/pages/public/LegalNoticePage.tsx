import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';

const l = fr.legal.legalNotice;

export default function LegalNoticePage() {
  usePageTitle(l.title);
  return (
    <>
      <h1>{l.title}</h1>
      <h2>{l.publisherTitle}</h2>
      <p>{l.publisher}</p>
      <h2>{l.directorTitle}</h2>
      <p>{l.director}</p>
      <h2>{l.hostingTitle}</h2>
      <p>{l.hosting}</p>
      <h2>{l.designTitle}</h2>
      <p>{l.design}</p>
      <h2>{l.licenceTitle}</h2>
      <p>{l.licence}</p>
      <h2>{l.accessibilityTitle}</h2>
      <p>
        <Link to="/accessibilite" className="fr-link">
          {l.accessibility}
        </Link>
      </p>
    </>
  );
}
