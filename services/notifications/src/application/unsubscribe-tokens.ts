import { createHmac, timingSafeEqual } from 'node:crypto';
import { noticeKinds, type NoticeKind } from '../domain/notice';

/**
 * The token of an unsubscribe link: the kind and the person, signed with a key of this service, so
 * that the link turns that kind off without signing in and cannot be forged for someone else.
 */
export class UnsubscribeTokens {
  constructor(private readonly key: string) {}

  tokenFor(userId: string, kind: NoticeKind): string {
    const payload = Buffer.from(JSON.stringify([kind, userId]), 'utf8').toString('base64url');
    return `${payload}.${this.signatureOf(payload)}`;
  }

  /** The person and kind of a genuine token; undefined for anything else. */
  read(token: string): { userId: string; kind: NoticeKind } | undefined {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.signatureOf(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
      const [kind, userId] = parsed as unknown[];
      if (typeof userId !== 'string' || !noticeKinds.includes(kind as NoticeKind)) return undefined;
      return { userId, kind: kind as NoticeKind };
    } catch {
      return undefined;
    }
  }

  private signatureOf(payload: string): string {
    return createHmac('sha256', this.key).update(`unsubscribe|${payload}`).digest('base64url');
  }
}
