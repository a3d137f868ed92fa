import KeycloakConnect from 'keycloak-connect';
import { callerFromClaims } from '../access-token-claims';
import type { Caller } from '../caller';
import { isProblem, withTimeout, type Problem } from '@relais/platform';
import { forbiddenClient, identityProviderUnavailable, invalidToken } from '../errors';
import type { TokenVerifier } from '../token-verifier';
import { createRealmKeyCache, JWKS_FETCH_FAILED } from './realm-key-cache';

/** User routes serve people signed in through the portal, and no other client (docs/design.md §6). */
export const DEFAULT_AUTHORIZED_PARTIES: readonly string[] = ['relais-portal'];

export interface KeycloakConnectVerifierOptions {
  /** Base URL of the identity provider, without `/realms/...`, e.g. http://localhost:8080. */
  readonly authServerUrl: string;
  readonly realm: string;
  /** The audience this service requires in `aud`, e.g. `relais-enrollment`. */
  readonly clientId: string;
  /** How long to wait for the realm's keys before answering 503 (keycloak-connect itself never gives up). */
  readonly keysTimeoutMs?: number;
  /** After the realm's keys were fetched, tokens naming an unknown key id cause no new fetch for this long. */
  readonly keysRefreshCooldownMs?: number;
  /** The clients (`azp`) whose tokens are accepted; the portal only, by default. */
  readonly authorizedParties?: readonly string[];
}

/** Keycloak-connect's GrantManager, with the members its typings leave out and that we replace. */
interface GrantManagerInternals {
  readonly realmUrl: string;
  rotation: unknown;
}

/** The parts of keycloak-connect's Token that its typings leave out. */
interface VerifiedKeycloakToken {
  readonly content: unknown;
}

/**
 * keycloak-connect is in maintenance mode upstream: it stays behind the TokenVerifier port so that it can be
 * replaced by a generic JWKS verifier without touching a service.
 *
 * We call its GrantManager directly instead of `keycloak.protect()`, which answers 403 for a missing token and
 * would redirect browsers to a login page. GrantManager.validateToken (keycloak-connect 26.1.1) checks, in
 * order: presence, expiry (`exp`), that the token is signed, `typ === 'Bearer'`, `iat` not before the
 * realm's not-before, `iss === <authServerUrl>/realms/<realm>`, `aud` containing clientId (with
 * verify-token-audience), then the RS256 signature with the key named by `kid`, taken from the realm's JWKS
 * (`/protocol/openid-connect/certs`). No public key is ever pinned. Its key fetching is replaced by
 * createRealmKeyCache: one fetch at a time and a cooldown for unknown key ids. Then `azp` must be one of
 * the authorized parties.
 */
export function createKeycloakConnectVerifier(options: KeycloakConnectVerifierOptions): TokenVerifier {
  const config: KeycloakConnect.KeycloakConfig & { 'verify-token-audience': boolean } = {
    realm: options.realm,
    'auth-server-url': options.authServerUrl,
    resource: options.clientId,
    'bearer-only': true,
    'verify-token-audience': true,
    'ssl-required': 'external',
    'confidential-port': 0,
  };
  const { grantManager } = new KeycloakConnect({}, config);
  const internals = grantManager as unknown as GrantManagerInternals;
  internals.rotation = createRealmKeyCache({
    jwksUrl: `${internals.realmUrl}/protocol/openid-connect/certs`,
    refreshCooldownMs: options.keysRefreshCooldownMs ?? 30_000,
  });
  const keysTimeoutMs = options.keysTimeoutMs ?? 5000;
  const authorizedParties = new Set(options.authorizedParties ?? DEFAULT_AUTHORIZED_PARTIES);

  return {
    async verify(bearerToken: string): Promise<Caller> {
      let accessToken: VerifiedKeycloakToken;
      try {
        const grant = await withTimeout(
          grantManager.createGrant(JSON.stringify({ access_token: bearerToken })),
          keysTimeoutMs,
          () => new KeysTimeout(),
        );
        accessToken = grant.access_token as unknown as VerifiedKeycloakToken;
      } catch (error) {
        throw classifyRejection(error);
      }
      const azp = (accessToken.content as { azp?: unknown } | null)?.azp;
      if (typeof azp !== 'string' || !authorizedParties.has(azp)) {
        throw forbiddenClient(
          'This route serves people signed in through the Relais portal; tokens issued to other clients, ' +
            'such as service accounts, are refused. Sign in through the portal.',
        );
      }
      return callerFromClaims(accessToken.content);
    },
  };
}

class KeysTimeout extends Error {}

// keycloak-connect only reports failures as messages. These are the ones (26.1.1) that mean the realm's
// keys could not be fetched, which is the identity provider's fault, not the caller's.
const KEYS_UNREACHABLE = new RegExp(
  `failed to load public key.*(${JWKS_FETCH_FAILED}|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|socket hang up)`,
);

function classifyRejection(error: unknown): Problem {
  if (isProblem(error)) return error;
  if (error instanceof KeysTimeout) {
    return identityProviderUnavailable('The identity provider did not answer in time; try again shortly.');
  }
  const message = error instanceof Error ? error.message : '';
  if (KEYS_UNREACHABLE.test(message)) {
    return identityProviderUnavailable(
      'The signing keys of the identity provider cannot be fetched; try again shortly.',
    );
  }
  return invalidToken(
    'The access token is invalid, expired or not meant for this service; obtain a new one.',
  );
}
