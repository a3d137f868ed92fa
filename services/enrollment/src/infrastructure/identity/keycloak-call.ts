import { KeycloakAnswerMalformed, KeycloakRefused, KeycloakUnavailable } from './keycloak-errors';

/** What Keycloak answered: its status and its body, read whole within the time allowed. */
export interface KeycloakAnswer {
  status: number;
  text: string;
}

/**
 * One request to Keycloak, abandoned after `timeoutMs`: a pass that waited for ever would keep the
 * periodic job from running again. No answer at all (refused, reset, too slow) is KeycloakUnavailable.
 */
export async function callKeycloak(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<KeycloakAnswer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    const reason = typeof code === 'string' ? code : (error as { name?: unknown }).name;
    throw new KeycloakUnavailable(`Keycloak did not answer (${String(reason)})`, { cause: error });
  }
}

/**
 * A refusal that waiting will not cure (wrong secret, missing role, unknown realm) is
 * KeycloakRefused; Keycloak failing or overloaded (5xx, 429) is KeycloakUnavailable.
 */
export function failureOf(answer: KeycloakAnswer, what: string): Error {
  const message = `${what}: Keycloak answered HTTP ${answer.status}`;
  return answer.status >= 500 || answer.status === 429
    ? new KeycloakUnavailable(message)
    : new KeycloakRefused(message);
}

export function jsonOf(answer: KeycloakAnswer, what: string): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    throw new KeycloakAnswerMalformed(`${what}: the answer is not JSON`);
  }
}
