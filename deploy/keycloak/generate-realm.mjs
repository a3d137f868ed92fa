#!/usr/bin/env node
// Generates realm-relais.json, the single source of truth for identity (docs/design.md §6): Keycloak imports it
// with `kc.sh start-dev --import-realm`, and the embedded identity provider of standalone mode reads it.
// The users are the demo realm table of docs/api.md. Run: `node deploy/keycloak/generate-realm.mjs`; with
// `--check` it only verifies that the committed files are what this script generates (exit code 1 if not).
// The output is deterministic (ids are name-based UUIDs), so regenerating it yields the same file.
// It also writes the production realm, same roles, profile, clients and mappers but no user and no secret,
// as deploy/k8s/components/keycloak/realm/relais.yaml, which keycloak-config-cli applies on every deploy
// (Kubernetes reads that, never the demo).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import { serviceNames } from '../../libs/host/src/service-registry.ts';

const REALM = 'relais';
const EMAIL_DOMAIN = 'demo.relais.invalid'; // RFC 2606: can never route a message to a real person
const ROLES = ['teacher', 'trainer', 'training-manager', 'inspector', 'ministry', 'chsct', 'ops'];
// One client per service of the registry: its token audience, relais-<name>.
const API_CLIENTS = serviceNames.map((name) => `relais-${name}`);
const USER_ATTRIBUTES = ['academy', 'district', 'school'];
// Enrollment's reader of the admin events, which notices people deleted here (issue 19, ADR 0033).
const IDENTITY_EVENTS_CLIENT = 'relais-enrollment-identity-events';
// Its secret in the production realm: keycloak-config-cli substitutes it from the Secret that enrollment
// reads too (deploy/k8s/components/keycloak/realm-config.yaml, libs/host/src/service-registry.ts).
const PRODUCTION_IDENTITY_EVENTS_SECRET = '$(env:RELAIS_KEYCLOAK_EVENTS_CLIENT_SECRET)';
// Demo realm only: what integration tests create and delete people with, as an administrator would.
const DEMO_USER_ADMIN_CLIENT = 'relais-demo-user-admin';
// Admin events are kept a week: long enough for enrollment to read them after an outage, short enough
// that the ids of deleted people (and the administrators' addresses) do not stay in Keycloak's database.
const ADMIN_EVENTS_EXPIRATION_SECONDS = 7 * 24 * 60 * 60;

// Name-based UUID (RFC 9562 v5) written out here because node:crypto only offers random UUIDs and the ids
// must stay stable across regenerations: Keycloak and the embedded provider must issue the same `sub`.
const ID_NAMESPACE = '3c5d6a1e-8f0b-4e61-9a7c-2b4d8e9f1a30';
function nameBasedUuid(name) {
  const namespace = Buffer.from(ID_NAMESPACE.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const FIRST_NAMES = [
  'Camille',
  'Julien',
  'Sophie',
  'Nicolas',
  'Claire',
  'Thomas',
  'Émilie',
  'Antoine',
  'Léa',
  'Mathieu',
  'Céline',
  'Pierre',
  'Aurélie',
  'Olivier',
  'Manon',
  'Sébastien',
  'Chloé',
  'Guillaume',
  'Inès',
  'François',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
];

/** A distinct, plausible name for the n-th teacher (no two teachers share first and last name). */
function teacherName(n) {
  return {
    firstName: FIRST_NAMES[n % FIRST_NAMES.length],
    lastName: LAST_NAMES[(n * 7) % LAST_NAMES.length],
  };
}

const pad = (n) => String(n).padStart(2, '0');

function lyonTeacherSchool(n) {
  if (n <= 5) return '0690001A';
  if (n <= 10) return '0690002B';
  if (n <= 15) return '0690003C';
  if (n <= 20) return '0690004D';
  if (n <= 30) return '0690005E';
  return '0690006F';
}

/** The demo table of docs/api.md, row by row. */
function demoUsers() {
  const users = [
    {
      username: 'manager.lyon',
      firstName: 'Hélène',
      lastName: 'Rousseau',
      role: 'training-manager',
      academy: 'lyon',
    },
    { username: 'trainer.alice', firstName: 'Alice', lastName: 'Marchand', role: 'trainer', academy: 'lyon' },
    {
      username: 'trainer.bruno',
      firstName: 'Bruno',
      lastName: 'Chevalier',
      role: 'trainer',
      academy: 'lyon',
    },
  ];
  for (let n = 1; n <= 40; n += 1) {
    users.push({
      username: `teacher.${pad(n)}`,
      ...teacherName(n - 1),
      role: 'teacher',
      academy: 'lyon',
      district: n <= 20 ? 'lyon-d1' : 'lyon-d2',
      school: lyonTeacherSchool(n),
    });
  }
  users.push(
    {
      username: 'inspector.d1',
      firstName: 'Bernard',
      lastName: 'Fontaine',
      role: 'inspector',
      academy: 'lyon',
      district: 'lyon-d1',
    },
    {
      username: 'inspector.d2',
      firstName: 'Nadia',
      lastName: 'Benali',
      role: 'inspector',
      academy: 'lyon',
      district: 'lyon-d2',
    },
    {
      username: 'manager.grenoble',
      firstName: 'Isabelle',
      lastName: 'Gauthier',
      role: 'training-manager',
      academy: 'grenoble',
    },
    {
      username: 'trainer.chloe',
      firstName: 'Chloé',
      lastName: 'Perrin',
      role: 'trainer',
      academy: 'grenoble',
    },
  );
  for (let n = 1; n <= 12; n += 1) {
    users.push({
      username: `teacher.g${pad(n)}`,
      ...teacherName(40 + n - 1),
      role: 'teacher',
      academy: 'grenoble',
      district: 'grenoble-d1',
      school: '0380001A',
    });
  }
  users.push(
    { username: 'chsct.national', firstName: 'Martine', lastName: 'Clément', role: 'chsct' },
    { username: 'chsct.lyon', firstName: 'Yves', lastName: 'Barbier', role: 'chsct', academy: 'lyon' },
    { username: 'ministry.dne', firstName: 'Philippe', lastName: 'Lemaire', role: 'ministry' },
    { username: 'ops.admin', firstName: 'Karim', lastName: 'Haddad', role: 'ops' },
  );
  return users;
}

function userRepresentation({ username, firstName, lastName, role, ...attributes }) {
  const attributeValues = Object.fromEntries(
    USER_ATTRIBUTES.filter((name) => attributes[name] !== undefined).map((name) => [
      name,
      [attributes[name]],
    ]),
  );
  return {
    id: nameBasedUuid(`user:${username}`),
    username,
    enabled: true,
    emailVerified: true,
    firstName,
    lastName,
    email: `${username}@${EMAIL_DOMAIN}`,
    ...(Object.keys(attributeValues).length > 0 ? { attributes: attributeValues } : {}),
    // Demo realm only: the password equals the username (docs/api.md), and it is not temporary.
    credentials: [{ type: 'password', value: username, temporary: false }],
    realmRoles: [role],
  };
}

/** The user Keycloak attaches to a confidential client with a service account (client_credentials). */
function serviceAccountRepresentation(clientId, clientRoles) {
  return {
    id: nameBasedUuid(`service-account:${clientId}`),
    username: `service-account-${clientId}`,
    enabled: true,
    serviceAccountClientId: clientId,
    realmRoles: [],
    ...(clientRoles ? { clientRoles } : {}),
  };
}

const onAccessToken = {
  'access.token.claim': 'true',
  'id.token.claim': 'false',
  'userinfo.token.claim': 'false',
  'introspection.token.claim': 'true',
};

/** Mappers carried by every client that can obtain tokens, so every access token has the same shape. */
function tokenShapeMappers() {
  const attributeMappers = USER_ATTRIBUTES.map((attribute) => ({
    name: `${attribute} claim`,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-attribute-mapper',
    consentRequired: false,
    config: {
      'user.attribute': attribute,
      'claim.name': attribute,
      'jsonType.label': 'String',
      multivalued: 'false',
      'aggregate.attrs': 'false',
      'access.token.claim': 'true',
      'id.token.claim': 'true',
      'userinfo.token.claim': 'true',
      'introspection.token.claim': 'true',
    },
  }));
  const audienceMappers = API_CLIENTS.map((clientId) => ({
    name: `audience ${clientId}`,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-audience-mapper',
    consentRequired: false,
    config: { 'included.client.audience': clientId, ...onAccessToken },
  }));
  return [...attributeMappers, ...audienceMappers];
}

// The production realm's portal address: keycloak-config-cli substitutes each overlay's own from the
// environment of its Job (deploy/k8s/components/keycloak/realm-config.yaml).
const PRODUCTION_PORTAL_ORIGIN = '$(env:RELAIS_PORTAL_ORIGIN)';

// Where the portal runs outside production: standalone (localhost and 127.0.0.1) and the local cluster's gateway.
const DEVELOPMENT_PORTAL_ORIGINS = [
  'http://localhost:8080',
  'http://127.0.0.1:8080',
  'http://127.0.0.1:8090',
];

/**
 * The web portal: a public client (a single-page app keeps no secret) signing people in with the
 * authorization code flow and PKCE S256. Redirects, sign-out returns and CORS are limited to its origins.
 */
function portalClient({ production }) {
  const origins = production ? [PRODUCTION_PORTAL_ORIGIN] : DEVELOPMENT_PORTAL_ORIGINS;
  const uris = origins.map((origin) => `${origin}/*`);
  return {
    id: nameBasedUuid('client:relais-portal'),
    clientId: 'relais-portal',
    name: 'Relais portal',
    enabled: true,
    publicClient: true,
    bearerOnly: false,
    standardFlowEnabled: true,
    // The password grant exists for tests and the demo users only; people sign in with the code flow and PKCE.
    directAccessGrantsEnabled: !production,
    implicitFlowEnabled: false,
    serviceAccountsEnabled: false,
    redirectUris: uris,
    // '+': the origins of the redirect URIs, so each environment states its portal address once.
    webOrigins: ['+'],
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'post.logout.redirect.uris': uris.join('##'),
    },
    fullScopeAllowed: true,
    protocol: 'openid-connect',
    protocolMappers: tokenShapeMappers(),
  };
}

/** A service API: it accepts bearer tokens and, through its service account, may obtain its own. */
function apiClient(clientId, { production }) {
  const service = clientId.replace('relais-', '');
  return {
    id: nameBasedUuid(`client:${clientId}`),
    clientId,
    name: `Relais ${service} API`,
    enabled: true,
    publicClient: false,
    // Keycloak 26 refuses tokens to bearer-only clients, which would forbid the service account; with every
    // browser flow disabled the client only accepts bearer tokens and uses client_credentials.
    bearerOnly: false,
    clientAuthenticatorType: 'client-secret',
    // Production: no secret in the file (Keycloak generates one) and no service account, which no service uses.
    ...(production ? {} : { secret: `demo-${service}-secret` }),
    standardFlowEnabled: false,
    directAccessGrantsEnabled: false,
    implicitFlowEnabled: false,
    serviceAccountsEnabled: !production,
    fullScopeAllowed: true,
    protocol: 'openid-connect',
    protocolMappers: tokenShapeMappers(),
  };
}

/**
 * The client whose service account enrollment reads the realm's admin events with, to notice people
 * deleted here (issue 19 point 3): confidential, no browser or password flow, a service account holding
 * realm-management's `view-events` and nothing else (identityEventsServiceAccount). Its tokens go to
 * Keycloak's admin API only: no Relais audience, no claims of people. Its secret is the demo's here, and
 * the environment's in production, where keycloak-config-cli sets it from a Secret enrollment shares.
 */
function identityEventsClient({ production }) {
  return {
    id: nameBasedUuid(`client:${IDENTITY_EVENTS_CLIENT}`),
    clientId: IDENTITY_EVENTS_CLIENT,
    name: 'Relais enrollment: reads user deletions',
    enabled: true,
    publicClient: false,
    bearerOnly: false,
    clientAuthenticatorType: 'client-secret',
    secret: production ? PRODUCTION_IDENTITY_EVENTS_SECRET : 'demo-enrollment-identity-events-secret',
    standardFlowEnabled: false,
    directAccessGrantsEnabled: false,
    implicitFlowEnabled: false,
    serviceAccountsEnabled: true,
    fullScopeAllowed: true,
    protocol: 'openid-connect',
    protocolMappers: [],
  };
}

/**
 * Its service account's one role. In production without an id: Keycloak creates the account with the client
 * and keycloak-config-cli finds it by its username (service-account-<clientId>) to grant the role.
 */
function identityEventsServiceAccount({ production }) {
  const { id, ...account } = serviceAccountRepresentation(IDENTITY_EVENTS_CLIENT, {
    'realm-management': ['view-events'],
  });
  return production ? account : { id, ...account };
}

/**
 * Demo realm only, never in production: a confidential client whose service account manages users
 * (realm-management's `manage-users`, and `view-realm` to give them a role), so that integration tests can create a person and delete him as an
 * administrator does, which is what enrollment notices. Its secret is public like every demo password.
 */
function demoUserAdminClient() {
  return {
    ...identityEventsClient({ production: false }),
    id: nameBasedUuid(`client:${DEMO_USER_ADMIN_CLIENT}`),
    clientId: DEMO_USER_ADMIN_CLIENT,
    name: 'Relais demo: manages users for integration tests',
    secret: 'demo-user-admin-secret',
  };
}

/**
 * Keycloak 26 keeps only the user attributes its user profile declares. Declaring them (rather than enabling
 * unmanaged attributes) lets administrators set them while users can read but never edit their own
 * academy, district or school: those scope what an inspector or a CHSCT member may see.
 */
function userProfileConfig() {
  const everyone = { view: ['admin', 'user'], edit: ['admin', 'user'] };
  const adminEdits = { view: ['admin', 'user'], edit: ['admin'] };
  const personName = { length: { max: 255 }, 'person-name-prohibited-characters': {} };
  return {
    attributes: [
      {
        name: 'username',
        displayName: '${username}',
        validations: {
          length: { min: 3, max: 255 },
          'username-prohibited-characters': {},
          'up-username-not-idn-homograph': {},
        },
        permissions: adminEdits,
        multivalued: false,
      },
      {
        name: 'email',
        displayName: '${email}',
        validations: { email: {}, length: { max: 255 } },
        required: { roles: ['user'] },
        permissions: everyone,
        multivalued: false,
      },
      {
        name: 'firstName',
        displayName: '${firstName}',
        validations: personName,
        required: { roles: ['user'] },
        permissions: everyone,
        multivalued: false,
      },
      {
        name: 'lastName',
        displayName: '${lastName}',
        validations: personName,
        required: { roles: ['user'] },
        permissions: everyone,
        multivalued: false,
      },
      ...USER_ATTRIBUTES.map((name) => ({
        name,
        displayName: name[0].toUpperCase() + name.slice(1),
        group: 'relais',
        validations: { length: { max: 64 } },
        permissions: adminEdits,
        multivalued: false,
      })),
    ],
    groups: [
      {
        name: 'user-metadata',
        displayHeader: 'User metadata',
        displayDescription: 'Attributes, which refer to user metadata',
      },
      {
        name: 'relais',
        displayHeader: 'Relais scope',
        displayDescription: 'Where the user works: it scopes what Relais shows them',
      },
    ],
  };
}

/**
 * Keycloak's brute-force detection (docs/design.md §6): after 5 wrong passwords an account is locked for 1 minute,
 * one more minute for each further 5 failures, 15 minutes at most; never permanently, which would let anyone
 * lock a colleague out. The embedded provider of standalone mode reads and applies the same settings.
 */
const BRUTE_FORCE_PROTECTION = {
  bruteForceProtected: true,
  permanentLockout: false,
  failureFactor: 5,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 900,
  maxDeltaTimeSeconds: 43200,
  minimumQuickLoginWaitSeconds: 60,
  quickLoginCheckMilliSeconds: 1000,
};

function realm({ production = false } = {}) {
  const users = production ? [] : demoUsers();
  return {
    id: REALM,
    realm: REALM,
    displayName: production ? 'Relais' : 'Relais (demo realm)',
    enabled: true,
    sslRequired: 'external',
    registrationAllowed: false,
    resetPasswordAllowed: false,
    editUsernameAllowed: false,
    rememberMe: false,
    loginWithEmailAllowed: true,
    duplicateEmailsAllowed: false,
    accessTokenLifespan: 300,
    // A browser session (and its refresh token) ends after 30 minutes without activity, 10 hours at most.
    ssoSessionIdleTimeout: 1800,
    ssoSessionMaxLifespan: 36000,
    ...BRUTE_FORCE_PROTECTION,
    defaultSignatureAlgorithm: 'RS256',
    // No login event history: who connected when is exactly what L2 forbids recording.
    eventsEnabled: false,
    // Admin events (what administrators changed, not who connected) tell enrollment who was deleted.
    // Without their details: the representation of a changed user carries his name, email and school.
    adminEventsEnabled: true,
    adminEventsDetailsEnabled: false,
    attributes: { adminEventsExpiration: String(ADMIN_EVENTS_EXPIRATION_SECONDS) },
    roles: {
      realm: ROLES.map((name) => ({
        name,
        description: `Relais ${name}`,
        composite: false,
        clientRole: false,
      })),
    },
    // Production: no person; people come from the ministry's directory, not from a file. The one service
    // account there is the identity events client's, whose role keycloak-config-cli grants through it.
    users: production
      ? [identityEventsServiceAccount({ production })]
      : [
          ...users.map(userRepresentation),
          ...API_CLIENTS.map((clientId) => serviceAccountRepresentation(clientId)),
          identityEventsServiceAccount({ production }),
          serviceAccountRepresentation(DEMO_USER_ADMIN_CLIENT, {
            'realm-management': ['manage-users', 'view-realm'],
          }),
        ],
    clients: [
      portalClient({ production }),
      ...API_CLIENTS.map((clientId) => apiClient(clientId, { production })),
      identityEventsClient({ production }),
      ...(production ? [] : [demoUserAdminClient()]),
    ],
    components: {
      'org.keycloak.userprofile.UserProfileProvider': [
        {
          providerId: 'declarative-user-profile',
          subComponents: {},
          config: { 'kc.user.profile.config': [JSON.stringify(userProfileConfig())] },
        },
      ],
    },
  };
}

/** What the Keycloak operator imports (k8s.keycloak.org/v2beta1), for the Keycloak named relais-keycloak. */

const header =
  '# Generated by deploy/keycloak/generate-realm.mjs: do not edit, run it. The production realm: no person, no secret\n' +
  '# (the identity events client takes its secret from the environment of keycloak-config-cli).\n';

/** Each output formatted as the repository's prettier would, so `prettier --write` leaves it unchanged. */
async function formatted(target, text) {
  return format(text, { ...(await resolveConfig(target.pathname)), filepath: target.pathname });
}

const outputs = [
  {
    target: new URL('./realm-relais.json', import.meta.url),
    text: () => JSON.stringify(realm()),
  },
  {
    target: new URL('../k8s/components/keycloak/realm/relais.yaml', import.meta.url),
    text: () => header + stringify(realm({ production: true }), { lineWidth: 0 }),
  },
];

let stale = false;
for (const { target, text } of outputs) {
  const generated = await formatted(target, text());
  if (process.argv.includes('--check')) {
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (committed !== generated) {
      process.stderr.write(
        `${target.pathname} differs from what generate-realm.mjs produces: run it and commit the result\n`,
      );
      stale = true;
    }
  } else {
    writeFileSync(target, generated);
    process.stdout.write(`wrote ${target.pathname}\n`);
  }
}
if (stale) process.exit(1);
