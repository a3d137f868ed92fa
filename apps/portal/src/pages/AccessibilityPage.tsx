import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { fr } from '../i18n/fr';

const a = fr.legal.accessibility;

/** The RGAA 4.1.2 statement (issue 17): the level claimed from our own checks, and what fails. */
export default function AccessibilityPage() {
  usePageTitle(fr.accessibility.title);
  return (
    <>
      <h1>{fr.accessibility.title}</h1>
      <p>{a.intro}</p>
      <h2>{a.statusTitle}</h2>
      <p>
        <strong>{a.status}</strong>
      </p>
      <h2>{a.auditTitle}</h2>
      <p>{a.audit}</p>
      <p>{a.automated}</p>
      <h3>{a.manualTitle}</h3>
      <ul>
        {a.manual.map((check) => (
          <li key={check}>{check}</li>
        ))}
      </ul>
      <h2>{a.nonConformTitle}</h2>
      <ul>
        {a.nonConform.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <h2>{a.derogationTitle}</h2>
      <p>{a.derogation}</p>
      <h2>{a.environmentTitle}</h2>
      <p>{a.environment}</p>
      <h2>{a.contactTitle}</h2>
      <p>{a.contact}</p>
      <h2>{a.remedyTitle}</h2>
      <p>{a.remedy}</p>
      <p className="fr-text--sm">{a.established}</p>
      <p>
        <Link to="/mentions-legales" className="fr-link">
          {fr.legal.footer.legalNotice}
        </Link>
      </p>
    </>
  );
}
