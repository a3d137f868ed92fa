import { usePageTitle } from '../components/usePageTitle';
import { fr } from '../i18n/fr';

export default function AccessibilityPage() {
  usePageTitle(fr.accessibility.title);
  return (
    <>
      <h1>{fr.accessibility.title}</h1>
      <p>{fr.accessibility.status}</p>
      <p>{fr.accessibility.tested}</p>
      <p>{fr.accessibility.contact}</p>
    </>
  );
}
