import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What a sealed place holds on the wire: the key's id, a fresh nonce, the ciphertext with its tag. */
export interface SealedBox {
  k: string;
  iv: string;
  ct: string;
}

const TAG_BYTES = 16;

/** AES-256-GCM; `context` (the event type and the place) is authenticated, so a box cannot be moved. */
export function sealBox(keyId: string, secret: Buffer, context: string, value: unknown): SealedBox {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(value), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { k: keyId, iv: iv.toString('base64url'), ct: ciphertext.toString('base64url') };
}

/** The value, or undefined when the box was not sealed with this key and context, or was altered. */
export function openBox(box: SealedBox, secret: Buffer, context: string): unknown {
  try {
    const ciphertext = Buffer.from(box.ct, 'base64url');
    if (ciphertext.length <= TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(box.iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function isSealedBox(value: unknown): value is SealedBox {
  if (typeof value !== 'object' || value === null) return false;
  const { k, iv, ct } = value as Record<string, unknown>;
  return typeof k === 'string' && typeof iv === 'string' && typeof ct === 'string';
}
