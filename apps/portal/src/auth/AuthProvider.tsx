import type { User } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { displayNameOf, renewSession, rolesOf, userManager, type Role } from './session';

export interface Auth {
  /** False until the stored session (if any) has been read. */
  ready: boolean;
  user: User | undefined;
  name: string;
  roles: readonly Role[];
  /** True once a session ended by itself (expiry, failed renewal): the page says so. */
  expired: boolean;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [user, setUser] = useState<User | undefined>();
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const manager = userManager();
    let active = true;
    void (async () => {
      const stored = await manager.getUser();
      // Back after a while: the access token has expired, the session may not have. One silent renewal
      // (refresh token, or the provider's session in a hidden frame) before saying the session ended.
      const current = stored?.expired ? await renewSession() : stored;
      if (stored && !current) await manager.removeUser();
      if (!active) return;
      setUser(current ?? undefined);
      setExpired(Boolean(stored && !current));
      setReady(true);
    })();
    const loaded = (next: User) => {
      setUser(next);
      setExpired(false);
    };
    // Also fires at once for a stored token that has already expired: the renewal under way decides.
    const ended = () =>
      void renewSession().then(async (renewed) => {
        if (renewed || !active) return;
        setUser(undefined);
        setExpired(true);
        await manager.removeUser();
      });
    // A minute before expiry; if it fails, the expiry itself ends the session visibly.
    const expiring = () => void renewSession();
    manager.events.addUserLoaded(loaded);
    manager.events.addAccessTokenExpiring(expiring);
    manager.events.addAccessTokenExpired(ended);
    return () => {
      active = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeAccessTokenExpiring(expiring);
      manager.events.removeAccessTokenExpired(ended);
    };
  }, []);

  const signIn = useCallback(async (returnTo?: string) => {
    const target = returnTo ?? `${window.location.pathname}${window.location.search}`;
    await userManager().signinRedirect({ state: { returnTo: target } });
  }, []);

  const signOut = useCallback(async () => {
    const manager = userManager();
    const current = await manager.getUser();
    // Ends the provider's session too, so the next "Se connecter" asks for the account again. The
    // library forgets the stored user itself; clearing React's user first would re-render a guarded
    // page into a sign-in redirect that could win the race and sign the person straight back in.
    await manager.signoutRedirect(current?.id_token ? { id_token_hint: current.id_token } : undefined);
  }, []);

  const value = useMemo<Auth>(
    () => ({
      ready,
      user,
      name: user ? displayNameOf(user) : '',
      roles: user ? rolesOf(user) : [],
      expired,
      signIn,
      signOut,
    }),
    [ready, user, expired, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an <AuthProvider> above it');
  return auth;
}
