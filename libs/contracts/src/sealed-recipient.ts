import { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * A person's id sealed for the notifications service alone: RSA-OAEP (SHA-256) under its public key.
 * The feedback service seals the author of an item with it and cannot open it again; nor can anyone who
 * reads the topic. Each seal is randomised, so two items of one author do not look alike (ADR 0030).
 */
export const sealedRecipient = z
  .string()
  .regex(/^[A-Za-z0-9_-]{300,1400}$/, 'a sealed recipient (base64url)')
  .describe('the recipient’s id, sealed for the notifications service (RSA-OAEP SHA-256, base64url)');

export function sealRecipient(publicKeyPem: string, userId: string): string {
  const key = createPublicKey(publicKeyPem);
  return publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(userId, 'utf8'),
  ).toString('base64url');
}

/** Throws when the seal was not made for this key or was altered. */
export function openSealedRecipient(privateKeyPem: string, sealed: string): string {
  const key = createPrivateKey(privateKeyPem);
  return privateDecrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(sealed, 'base64url'),
  ).toString('utf8');
}
