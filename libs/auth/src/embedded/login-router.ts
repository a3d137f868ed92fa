import express, { Router, type Request, type Response } from 'express';
import type Provider from 'oidc-provider';
import type { BruteForceGuard } from './brute-force-guard';
import { loginPage, messagePage } from './login-page';
import type { PageLinks } from './page-assets';
import type { DemoAccount, Realm } from './realm-file';

export interface LoginRouterOptions {
  readonly provider: Provider;
  readonly realm: Realm;
  readonly guard: BruteForceGuard;
  /** The login page's absolute URL, built from the configured issuer. */
  readonly action: string;
  readonly demoAccounts: readonly DemoAccount[];
  readonly links: PageLinks;
}

/** "1 minute", "2 minutes", "45 secondes": how long a locked account waits, in words. */
export function frenchDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}

export function lockedOutMessage(seconds: number): string {
  return (
    'Trop de tentatives de connexion ont échoué : la connexion à ce compte est suspendue pour le moment. ' +
    `Réessayez dans ${frenchDuration(seconds)}.`
  );
}

const WRONG_CREDENTIALS = 'Identifiant ou mot de passe incorrect. Vérifiez-les et réessayez.';
const MISSING_CREDENTIALS = 'Saisissez votre identifiant et votre mot de passe.';
const EXPIRED =
  'Cette demande de connexion a expiré ou a déjà servi. Revenez au portail Relais et cliquez de nouveau sur « Se connecter ».';

/**
 * The embedded provider's login page (GET) and its form (POST): the interaction of oidc-provider's
 * authorization code flow. Failed attempts count towards the same lockout as the password grant.
 */
export function loginRouter({
  provider,
  realm,
  guard,
  action,
  demoAccounts,
  links,
}: LoginRouterOptions): Router {
  const router = Router();
  const actionFor = (uid: string) => `${action}?uid=${encodeURIComponent(uid)}`;

  async function interaction(req: Request, res: Response) {
    try {
      const details = await provider.interactionDetails(req, res);
      return details.prompt.name === 'login' ? details : undefined;
    } catch {
      return undefined;
    }
  }

  function render(res: Response, status: number, uid: string, error?: string, username?: string) {
    res
      .status(status)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(
        loginPage({
          action: actionFor(uid),
          demoAccounts,
          links,
          ...(error ? { error } : {}),
          ...(username ? { username } : {}),
        }),
      );
  }

  function expired(res: Response) {
    res
      .status(400)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(messagePage('Connexion expirée', EXPIRED, links));
  }

  router.get('/', async (req, res) => {
    const details = await interaction(req, res);
    if (!details) return expired(res);
    return render(res, 200, details.uid);
  });

  router.post('/', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res, next) => {
    const details = await interaction(req, res);
    if (!details) return expired(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = typeof body['username'] === 'string' ? body['username'].trim() : '';
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    if (!username || !password) return render(res, 400, details.uid, MISSING_CREDENTIALS, username);

    const address = req.socket.remoteAddress ?? 'unknown';
    const locked = guard.retryAfterSeconds(username, address);
    if (locked > 0) {
      res.set('Retry-After', String(locked));
      return render(res, 429, details.uid, lockedOutMessage(locked), username);
    }
    const user = realm.authenticate(username, password);
    if (!user) {
      guard.recordFailure(username, address);
      const nowLocked = guard.retryAfterSeconds(username, address);
      if (nowLocked > 0) {
        res.set('Retry-After', String(nowLocked));
        return render(res, 429, details.uid, lockedOutMessage(nowLocked), username);
      }
      return render(res, 401, details.uid, WRONG_CREDENTIALS, username);
    }
    guard.recordSuccess(username);
    try {
      return await provider.interactionFinished(
        req,
        res,
        { login: { accountId: user.id } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      return next(error);
    }
  });

  return router;
}
