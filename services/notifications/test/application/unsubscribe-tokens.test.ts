import { UnsubscribeTokens } from '../../src/application/unsubscribe-tokens';

const tokens = new UnsubscribeTokens('k'.repeat(32));

describe('unsubscribe tokens', () => {
  it('read back the person and kind they were made for', () => {
    expect(tokens.read(tokens.tokenFor('user-1', 'feedback-new'))).toEqual({
      userId: 'user-1',
      kind: 'feedback-new',
    });
  });

  it('refuse a token signed with another key, altered, cut or for an unknown kind', () => {
    const genuine = tokens.tokenFor('user-1', 'feedback-reply');
    const [payload, signature] = genuine.split('.') as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify(['feedback-reply', 'user-2'])).toString('base64url');
    const unknownKind = Buffer.from(JSON.stringify(['everything', 'user-1'])).toString('base64url');

    expect(new UnsubscribeTokens('x'.repeat(32)).read(genuine)).toBeUndefined();
    expect(tokens.read(`${forgedPayload}.${signature}`)).toBeUndefined();
    expect(tokens.read(payload)).toBeUndefined();
    expect(tokens.read(`${genuine}.extra`)).toBeUndefined();
    expect(tokens.read(`${payload}.${signature.slice(1)}`)).toBeUndefined();
    expect(tokens.read(`${unknownKind}.${signature}`)).toBeUndefined();
  });
});
