import { createHmac } from 'node:crypto';

/**
 * The id under which a person's key is kept: HMAC-SHA256 of his id under a secret all services share
 * (RELAIS_PERSON_KEY_SECRET). Without the secret it is a pseudonym; the keyring and the wire carry
 * it, never the id itself (ADR 0033).
 */
export function personKeyIdOf(keyIdSecret: string, personId: string): string {
  return createHmac('sha256', keyIdSecret).update(personId, 'utf8').digest('base64url');
}
