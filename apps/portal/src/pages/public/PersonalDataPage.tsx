import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { fr } from '../../i18n/fr';

const p = fr.legal.personalData;

export default function PersonalDataPage() {
  usePageTitle(p.title);
  return (
    <>
      <h1>{p.title}</h1>
      <p className="fr-text--lead">{p.intro}</p>
      <h2>{p.controllerTitle}</h2>
      <p>{p.controller}</p>
      <h2>{p.processingTitle}</h2>
      <ul>
        {p.processing.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{p.legalBasisTitle}</h2>
      <p>{p.legalBasis}</p>
      <h2>{p.retentionTitle}</h2>
      <p>{p.retention}</p>
      <h2>{p.rightsTitle}</h2>
      <p>{p.rights}</p>
      <h2>{p.contactTitle}</h2>
      <p>{p.contact}</p>
      <p>
        <Link to="/ce-que-relais-n-enregistre-pas" className="fr-link">
          {p.notRecordedLink}
        </Link>
      </p>
    </>
  );
}
