import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Loading } from '../components/QueryState';
import { usePageTitle } from '../components/usePageTitle';
import { fr } from '../i18n/fr';
import { useAuth } from './AuthProvider';
import type { Role } from './session';

function Forbidden({ roles }: { roles: readonly Role[] }) {
  usePageTitle(fr.forbidden.title);
  return (
    <>
      <h1>{fr.forbidden.title}</h1>
      <p>{fr.forbidden.body(roles.map((role) => fr.audiences[role] ?? role).join(fr.forbidden.or))}</p>
      <Link to="/" className="fr-link">
        {fr.forbidden.back}
      </Link>
    </>
  );
}

function SignInRequired({ expired }: { expired: boolean }) {
  const auth = useAuth();
  const location = useLocation();
  usePageTitle(fr.nav.signIn);
  // A deep link opened without a session goes straight to the login page, as users expect; after an
  // expiry the page stays, says why, and waits for the click (nothing typed elsewhere is lost).
  useEffect(() => {
    if (!expired) void auth.signIn(`${location.pathname}${location.search}`);
  }, [auth, expired, location.pathname, location.search]);
  if (!expired) return <Loading label={fr.auth.signingIn} />;
  return (
    <>
      <h1>{fr.nav.signIn}</h1>
      <p>{fr.auth.sessionExpired}</p>
      <Button onClick={() => void auth.signIn(`${location.pathname}${location.search}`)}>
        {fr.nav.signIn}
      </Button>
    </>
  );
}

/** Routes check roles themselves: a link typed by hand gets a French refusal, never a broken page. */
export function RequireRole({ role, children }: { role: Role | readonly Role[]; children: ReactNode }) {
  const auth = useAuth();
  const allowed: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (!auth.ready) return <Loading />;
  if (!auth.user) return <SignInRequired expired={auth.expired} />;
  if (!allowed.some((candidate) => auth.roles.includes(candidate))) return <Forbidden roles={allowed} />;
  return <>{children}</>;
}
