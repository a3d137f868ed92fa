import escapeHtml from 'escape-html';
import type { PageLinks } from './page-assets';
import type { DemoAccount } from './realm-file';

// Server-rendered pages of the embedded provider, in French and in the style of the État's design system
// (DSFR): its markup classes (fr-input-group, fr-btn...), the Marianne-like system font stack and blue France
// #000091, without its assets, so standalone mode needs nothing more than node_modules it already has.

const STYLE = `
:root{--blue-france:#000091;--blue-france-hover:#1212ff;--error:#ce0500;--grey:#3a3a3a;--border:#dddddd}
*{box-sizing:border-box}
body{margin:0;font-family:Marianne,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616;background:#f6f6f6;line-height:1.5}
.fr-header{background:#fff;border-bottom:1px solid var(--border);padding:1rem 1.5rem}
.fr-header__brand{font-weight:700;font-size:1.25rem;margin:0}
.fr-header__service{margin:0;color:var(--grey)}
main{max-width:36rem;margin:2rem auto;padding:2rem;background:#fff;border:1px solid var(--border)}
h1{font-size:1.75rem;margin:0 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .5rem}
.fr-input-group{margin-bottom:1.5rem}
.fr-label{display:block;font-weight:500;margin-bottom:.5rem}
.fr-hint-text{display:block;font-size:.875rem;color:#666}
.fr-input{display:block;width:100%;padding:.5rem 1rem;font:inherit;border:0;border-radius:.25rem .25rem 0 0;background:#eee;box-shadow:inset 0 -2px 0 0 var(--grey)}
.fr-input-group--error .fr-input{box-shadow:inset 0 -2px 0 0 var(--error)}
.fr-input-group--error{border-left:2px solid var(--error);padding-left:.75rem}
.fr-error-text,.fr-alert--error{color:var(--error)}
.fr-alert{border:1px solid currentColor;border-left-width:.5rem;padding:.75rem 1rem;margin-bottom:1.5rem}
.fr-alert p{margin:0;color:#161616}
.fr-btn{display:inline-block;font:inherit;font-weight:500;padding:.5rem 1.5rem;border:0;background:var(--blue-france);color:#fff;cursor:pointer}
.fr-btn:hover{background:var(--blue-france-hover)}
.fr-btn--secondary{background:#fff;color:var(--blue-france);box-shadow:inset 0 0 0 1px var(--blue-france);text-align:left;width:100%;margin-bottom:.5rem}
.fr-btn--secondary:hover{background:#f5f5fe}
:focus-visible,.fr-input:focus{outline:2px solid #0a76f6;outline-offset:2px}
.demo-accounts ul{list-style:none;padding:0;margin:0}
.fr-skiplinks a{position:absolute;left:-10000px}
.fr-skiplinks a:focus{position:static;display:inline-block;padding:.5rem 1rem;color:var(--blue-france)}
`;

/**
 * A whole page: the header of the service, then `body` in <main>. Every value in `body` is already escaped.
 * Scripts come as files (`scripts`), never inline: the pages run under `script-src 'self'`.
 */
export function page(title: string, body: string, links: PageLinks, scripts: readonly string[] = []): string {
  const scriptTags = scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>\n`).join('');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Relais</title>
<link rel="icon" type="image/svg+xml" href="${escapeHtml(links.icon)}">
${scriptTags}<style>${STYLE}</style>
</head>
<body>
<nav class="fr-skiplinks" aria-label="Accès rapide"><a class="fr-link" href="#contenu">Aller au contenu</a></nav>
<header class="fr-header" role="banner">
<p class="fr-header__brand">République française</p>
<p class="fr-header__service">Relais – formation continue des enseignants</p>
</header>
<main id="contenu" role="main">
${body}
</main>
</body>
</html>`;
}

const ROLE_LABELS: Record<string, string> = {
  teacher: 'Enseignant·e',
  trainer: 'Formateur·rice',
  'training-manager': 'Responsable de formation',
  inspector: 'Inspecteur·rice',
  ministry: 'Ministère',
  chsct: 'CHSCT',
  ops: 'Exploitation',
};

export interface LoginPageOptions {
  /** Where the form posts: the interaction's own URL. */
  readonly action: string;
  readonly username?: string;
  /** A French sentence saying why the last attempt was refused. */
  readonly error?: string;
  /** Listed in standalone mode only, so that a newcomer can sign in with one click. */
  readonly demoAccounts?: readonly DemoAccount[];
  readonly links: PageLinks;
}

function demoAccountsSection(action: string, accounts: readonly DemoAccount[]): string {
  const byRole = new Map<string, DemoAccount[]>();
  for (const account of accounts) byRole.set(account.role, [...(byRole.get(account.role) ?? []), account]);
  const groups = [...byRole.entries()].map(([role, members]) => {
    const items = members.map((account) => {
      const academy = account.academy ? account.academy[0]?.toUpperCase() + account.academy.slice(1) : '';
      const where = academy ? ` – académie de ${escapeHtml(academy)}` : '';
      return `<li><form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="username" value="${escapeHtml(account.username)}">
<input type="hidden" name="password" value="${escapeHtml(account.password)}">
<button type="submit" class="fr-btn fr-btn--secondary" data-username="${escapeHtml(account.username)}">${escapeHtml(account.name)} (${escapeHtml(account.username)})${where}</button>
</form></li>`;
    });
    return `<h3>${escapeHtml(ROLE_LABELS[role] ?? role)}</h3>\n<ul>${items.join('\n')}</ul>`;
  });
  return `<section class="demo-accounts" aria-labelledby="comptes-demo">
<h2 id="comptes-demo">Comptes de démonstration</h2>
<p>Mode autonome : choisissez une personne pour vous connecter à sa place (le mot de passe de chaque compte de démonstration est son identifiant).</p>
${groups.join('\n')}
</section>`;
}

/** The sign-in form; its field ids (`username`, `password`, `kc-login`) are Keycloak's, so tests drive both alike. */
export function loginPage(options: LoginPageOptions): string {
  const error = options.error;
  const describedBy = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  const groupClass = error ? 'fr-input-group fr-input-group--error' : 'fr-input-group';
  const alert = error
    ? `<div class="fr-alert fr-alert--error" role="alert"><p id="login-error" class="fr-error-text">${escapeHtml(error)}</p></div>`
    : '';
  const demo =
    options.demoAccounts && options.demoAccounts.length > 0
      ? demoAccountsSection(options.action, options.demoAccounts)
      : '';
  return page(
    'Connexion',
    `<h1>Connexion à Relais</h1>
${alert}
<form id="kc-form-login" method="post" action="${escapeHtml(options.action)}" novalidate>
<div class="${groupClass}">
<label class="fr-label" for="username">Identifiant<span class="fr-hint-text">Votre nom d'utilisateur, par exemple prenom.nom</span></label>
<input class="fr-input" id="username" name="username" type="text" autocomplete="username" required autofocus value="${escapeHtml(options.username ?? '')}"${describedBy}>
</div>
<div class="${groupClass}">
<label class="fr-label" for="password">Mot de passe</label>
<input class="fr-input" id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
</div>
<button id="kc-login" class="fr-btn" type="submit">Se connecter</button>
</form>
${demo}`,
    options.links,
  );
}

/** A page that only says something (an expired sign-in, a signed-out session). */
export function messagePage(title: string, message: string, links: PageLinks): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`, links);
}

/**
 * Sign-out confirmation around oidc-provider's form; submitted at once by the logout script when the portal
 * proved who asks, and by the button otherwise or without JavaScript.
 */
export function logoutPage(form: string, confirmAtOnce: boolean, links: PageLinks): string {
  return page(
    'Déconnexion',
    `<h1>Déconnexion</h1>
<p>Voulez-vous vous déconnecter de Relais ?</p>
${form}
<button id="kc-logout" class="fr-btn" type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button>`,
    links,
    confirmAtOnce ? [links.logoutScript] : [],
  );
}
