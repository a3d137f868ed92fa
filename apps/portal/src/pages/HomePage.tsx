import { Button } from '@codegouvfr/react-dsfr/Button';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { usePageTitle } from '../components/usePageTitle';
import { fr } from '../i18n/fr';
import { homeOf } from '../layout/navigation';

export default function HomePage() {
  const auth = useAuth();
  const navigate = useNavigate();
  usePageTitle(fr.home.title);
  return (
    <>
      <h1>{fr.home.title}</h1>
      <p className="fr-text--lead">{fr.home.lead}</p>
      {auth.user ? (
        <>
          <p>{fr.home.signedInAs(auth.name)}</p>
          <Button onClick={() => void navigate(homeOf(auth.roles))}>{fr.home.goTo}</Button>
        </>
      ) : (
        <>
          <p>{fr.home.signedOut}</p>
          <Button iconId="fr-icon-lock-line" onClick={() => void auth.signIn('/')}>
            {fr.nav.signIn}
          </Button>
        </>
      )}
      <h2 className="fr-mt-6w">{fr.home.promises.title}</h2>
      <ul>
        <li>{fr.home.promises.voluntary}</li>
        <li>{fr.home.promises.indicative}</li>
        <li>{fr.home.promises.anonymous}</li>
      </ul>
    </>
  );
}
