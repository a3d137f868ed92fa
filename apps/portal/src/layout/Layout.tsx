import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useMyNotifications } from '../api/notifications';
import { useAuth } from '../auth/AuthProvider';
import { Loading } from '../components/QueryState';
import { fr } from '../i18n/fr';
import { navigationFor } from './navigation';

const brandTop = (
  <>
    {fr.service.ministry[0]}
    <br />
    {fr.service.ministry[1]}
    <br />
    {fr.service.ministry[2]}
  </>
);

function isActive(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function Layout() {
  const auth = useAuth();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A new page moves focus to its content, as a full page load would (screen readers announce it).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  const account: HeaderProps.QuickAccessItem = auth.user
    ? {
        iconId: 'fr-icon-logout-box-r-line',
        text: fr.nav.signOut,
        buttonProps: { onClick: () => void auth.signOut() },
      }
    : {
        iconId: 'fr-icon-lock-line',
        text: fr.nav.signIn,
        buttonProps: { onClick: () => void auth.signIn('/') },
      };

  // Teachers and trainers receive notifications: a bell with the unread count, before the account.
  const notified =
    auth.user !== undefined && (auth.roles.includes('teacher') || auth.roles.includes('trainer'));
  const unread = useMyNotifications(notified).data?.unread ?? 0;
  const bell: HeaderProps.QuickAccessItem[] = notified
    ? [
        {
          iconId: unread > 0 ? 'fr-icon-notification-3-fill' : 'fr-icon-notification-3-line',
          text: fr.notifications.bell(unread),
          linkProps: { to: '/notifications' },
        },
      ]
    : [];

  // Every signed-in person may see what Relais holds about him (GDPR article 15).
  const myData: HeaderProps.QuickAccessItem[] = auth.user
    ? [{ iconId: 'fr-icon-user-line', text: fr.myData.nav, linkProps: { to: '/mes-donnees' } }]
    : [];

  const navigation = navigationFor(auth.roles).map((entry) => ({
    text: entry.text,
    linkProps: { to: entry.to },
    isActive: isActive(pathname, entry.to),
  }));

  return (
    <>
      <SkipLinks
        links={[
          { label: fr.skipLinks.content, anchor: '#contenu' },
          { label: fr.skipLinks.footer, anchor: '#pied-de-page' },
        ]}
      />
      <Header
        brandTop={brandTop}
        serviceTitle={fr.service.name}
        serviceTagline={fr.service.tagline}
        homeLinkProps={{ to: '/', title: fr.service.homeTitle }}
        quickAccessItems={[...bell, ...myData, headerFooterDisplayItem, account]}
        navigation={navigation.length > 0 ? navigation : undefined}
      />
      <main id="contenu" tabIndex={-1} ref={main} className="fr-container fr-my-6w relais-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        brandTop={brandTop}
        homeLinkProps={{ to: '/', title: fr.service.homeTitle }}
        accessibility="non compliant"
        accessibilityLinkProps={{ to: '/accessibilite' }}
        contentDescription={fr.service.footerDescription}
        termsLinkProps={{ to: '/mentions-legales' }}
        bottomItems={[
          { text: fr.legal.footer.personalData, linkProps: { to: '/donnees-personnelles' } },
          { text: fr.legal.footer.notRecorded, linkProps: { to: '/ce-que-relais-n-enregistre-pas' } },
          headerFooterDisplayItem,
        ]}
      />
    </>
  );
}
