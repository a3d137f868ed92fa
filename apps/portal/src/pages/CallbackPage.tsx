import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { userManager } from '../auth/session';
import { Loading } from '../components/QueryState';
import { usePageTitle } from '../components/usePageTitle';
import { fr } from '../i18n/fr';

/** Where the provider sends the browser back with the authorization code; PKCE is checked here. */
export default function CallbackPage() {
  const navigate = useNavigate();
  const auth = useAuth();
  const [failed, setFailed] = useState(false);
  const handled = useRef(false);
  usePageTitle(fr.nav.signIn);

  useEffect(() => {
    // The code can be redeemed once only; React's development double effect must not try twice.
    if (handled.current) return;
    handled.current = true;
    userManager()
      .signinRedirectCallback()
      .then((user) => {
        const state = user.state as { returnTo?: string } | undefined;
        const returnTo = state?.returnTo?.startsWith('/') ? state.returnTo : '/';
        void navigate(returnTo, { replace: true });
      })
      .catch(() => setFailed(true));
  }, [navigate]);

  if (!failed) return <Loading label={fr.auth.signingIn} />;
  return (
    <>
      <h1>{fr.nav.signIn}</h1>
      <Alert severity="error" small description={fr.auth.callbackFailed} />
      <Button className="fr-mt-2w" onClick={() => void auth.signIn('/')}>
        {fr.auth.retry}
      </Button>
    </>
  );
}
