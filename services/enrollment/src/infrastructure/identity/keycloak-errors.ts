// What can go wrong between enrollment and Keycloak, one class per remedy: the poller logs the
// name only (a message may quote an address), and its next pass tries again in every case.

/** Keycloak did not answer, answered too late, or failed (5xx): wait, it comes back. */
export class KeycloakUnavailable extends Error {
  override readonly name = 'KeycloakUnavailable';
}

/**
 * Keycloak refused the client's credentials or its rights (401 after a fresh token, 403): the
 * client secret or the service account's `view-events` role is wrong, which only an operator fixes.
 */
export class KeycloakRefused extends Error {
  override readonly name = 'KeycloakRefused';
}

/**
 * Keycloak answered something that is not what its API documents (a proxy's page, another
 * version): nothing of it is used, so no deletion is taken for another or skipped.
 */
export class KeycloakAnswerMalformed extends Error {
  override readonly name = 'KeycloakAnswerMalformed';
}
