import { createJwksTokenVerifier, type JwksTokenVerifierOptions } from './jwks-token-verifier';

// The names the hosts and the test harness still import (libs/host, apps/standalone, libs/testing), kept
// until they are renamed: keycloak-connect no longer verifies anything (ADR 0029).

/** @deprecated Use createJwksTokenVerifier: the same options, the same checks. */
export const createKeycloakConnectVerifier = createJwksTokenVerifier;

/** @deprecated Use JwksTokenVerifierOptions. */
export type KeycloakConnectVerifierOptions = JwksTokenVerifierOptions;
