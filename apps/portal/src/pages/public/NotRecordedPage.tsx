import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';

const n = fr.legal.notRecorded;

/** L2 in plain French: what is never recorded, and how the API refuses it. */
export default function NotRecordedPage() {
  usePageTitle(n.title);
  return (
    <>
      <h1>{n.title}</h1>
      <p className="fr-text--lead">{n.intro}</p>
      <ul>
        {n.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{n.progressTitle}</h2>
      <p>{n.progress}</p>
      <h2>{n.refusalTitle}</h2>
      <p>{n.refusal}</p>
      <h2>{n.statsTitle}</h2>
      <p>{n.stats}</p>
      <ul className="relais-plain-list">
        <li>
          <Link to="/statistiques/methode" className="fr-link">
            {n.methodLink}
          </Link>
        </li>
        <li>
          <Link to="/donnees-personnelles" className="fr-link">
            {n.personalDataLink}
          </Link>
        </li>
      </ul>
    </>
  );
}
