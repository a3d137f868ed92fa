import { randomBytes } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Four groups of four characters of that alphabet: 80 random bits. */
export const ATTESTATION_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/**
 * A verification code: 80 bits from the system's random source, nothing derived from the teacher,
 * the course or the day, so it tells nothing and cannot be guessed from what one knows (ADR 0031).
 */
export function newAttestationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let characters = '';
  for (let index = 0; index < 16; index += 1) {
    characters = (ALPHABET[Number(bits & 31n)] ?? '') + characters;
    bits >>= 5n;
  }
  return characters.match(/.{4}/g)?.join('-') ?? characters;
}
