import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useLocation } from 'react-router';

/** What a page says after sending someone elsewhere ("Votre retour a été envoyé"): carried in history state. */
export interface NoticeState {
  notice?: string;
}

export function Notice() {
  const location = useLocation();
  const notice = (location.state as NoticeState | null)?.notice;
  if (!notice) return null;
  return (
    <div role="status" className="fr-mb-3w">
      <Alert severity="success" small description={notice} />
    </div>
  );
}
