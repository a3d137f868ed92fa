import { Link } from 'react-router';
import { useNotRecorded } from '../../api/my-data';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';

const n = fr.legal.notRecorded;

/**
 * L2 in plain French: what is never recorded, and how the API refuses it. The list comes from the
 * progress service's catalogue, the one its refusal of tracking fields reads, so the two cannot differ.
 */
export default function NotRecordedPage() {
  usePageTitle(n.title);
  const notRecorded = useNotRecorded();
  return (
    <>
      <h1>{n.title}</h1>
      <p className="fr-text--lead">{n.intro}</p>
      <QueryState
        query={notRecorded}
        empty={n.listUnavailable}
        isEmpty={(data) => data.categories.length === 0}
      >
        {(data) => (
          <ul>
            {data.categories.map((category) => (
              <li key={category.category}>
                {category.label}
                <span className="fr-hint-text">{n.refusedNames(category.refusedFieldNames)}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
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
