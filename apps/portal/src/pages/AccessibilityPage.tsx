import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';
import { fr } from '../i18n/fr';

const a = fr.legal.accessibility;

function List({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/**
 * The RGAA 4.1.2 statement (issue 17): the level claimed from our own checks, what they found and what
 * was not checked. The checks are the browser tests described in docs/accessibility-audit.md.
 */
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
      <h3>{a.checksTitle}</h3>
      <p>{a.checksIntro}</p>
      <List items={a.checks} />
      <h2>{a.nonConformTitle}</h2>
      <p>{a.nonConformIntro}</p>
      <List items={a.nonConform} />
      <h3>{a.notDoneTitle}</h3>
      <List items={a.notDone} />
      <h3>{a.derogationTitle}</h3>
      <p>{a.derogation}</p>
      <h2>{a.environmentTitle}</h2>
      <List items={a.environment} />
      <h3>{a.technologiesTitle}</h3>
      <p>{a.technologies}</p>
      <h3>{a.pagesTitle}</h3>
      <p>{a.pages}</p>
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
