import { Router } from 'express';

// Files the provider's own pages load, served from the realm's path: the pages run under a
// Content-Security-Policy with `script-src 'self'` (standalone's), which refuses inline scripts, and a
// page that names no icon makes browsers ask the origin's /favicon.ico, which nobody serves.

/** Paths relative to the realm, e.g. /realms/relais + LOGOUT_SCRIPT_PATH. */
export const LOGOUT_SCRIPT_PATH = '/protocol/openid-connect/logout.js';
export const ICON_PATH = '/favicon.svg';

/** Where the pages find their files: absolute URLs built from the issuer, like the forms' actions. */
export interface PageLinks {
  readonly icon: string;
  readonly logoutScript: string;
}

export function pageLinks(issuer: string): PageLinks {
  return { icon: `${issuer}${ICON_PATH}`, logoutScript: `${issuer}${LOGOUT_SCRIPT_PATH}` };
}

/**
 * Confirms the sign-out the portal asked for with an id_token_hint, as the "Se déconnecter" button would:
 * oidc-provider's confirmation form only signs out when it carries logout=yes. Browsers without
 * JavaScript keep the button.
 */
const LOGOUT_SCRIPT = `(function () {
  var form = document.getElementById('op.logoutForm');
  if (!form) return;
  var confirm = document.createElement('input');
  confirm.type = 'hidden';
  confirm.name = 'logout';
  confirm.value = 'yes';
  form.appendChild(confirm);
  form.submit();
})();
`;

/** Blue France square with a white R: the service's mark, drawn without any font or image file. */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#000091"/><path d="M10 7h7.5a6 6 0 0 1 1.6 11.8L24 25h-4.6l-4.3-5.8H14V25h-4zm4 3.6v5h3.3a2.5 2.5 0 0 0 0-5z" fill="#fff"/></svg>`;

/** Serves the pages' files under the realm's path; mount it before oidc-provider, which answers 404 to the rest. */
export function pageAssetsRouter(): Router {
  const router = Router();
  router.get(LOGOUT_SCRIPT_PATH, (_req, res) => {
    // Short-lived: a new version of the script reaches browsers within minutes of a restart.
    res
      .type('text/javascript; charset=utf-8')
      .set('Cache-Control', 'public, max-age=300')
      .set('X-Content-Type-Options', 'nosniff')
      .send(LOGOUT_SCRIPT);
  });
  router.get(ICON_PATH, (_req, res) => {
    res
      .type('image/svg+xml')
      .set('Cache-Control', 'public, max-age=86400')
      .set('X-Content-Type-Options', 'nosniff')
      .send(ICON);
  });
  return router;
}
