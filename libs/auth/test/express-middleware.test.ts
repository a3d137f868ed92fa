import { jest } from '@jest/globals';
import express, { type Express } from 'express';
import request from 'supertest';
import { createErrorHandler, createLogger } from '@relais/platform';
import {
  authenticate,
  callerOf,
  createCaller,
  identityProviderUnavailable,
  invalidToken,
  requireRole,
  type Caller,
  type TokenVerifier,
} from '../src';

const inspector = createCaller({
  id: 'be16b0ef-bd09-5dd6-9549-93014873f389',
  username: 'inspector.d1',
  name: 'Bernard Fontaine',
  roles: ['inspector'],
  academy: 'lyon',
  district: 'lyon-d1',
});

function appWith(verifier: TokenVerifier): Express {
  const app = express();
  app.get('/open', (req, res) => {
    res.json({ username: callerOf(req).username });
  });
  app.use(authenticate(verifier));
  app.get('/me', (req, res) => {
    res.json({ username: callerOf(req).username });
  });
  app.get('/managers', requireRole('training-manager'), (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/district', requireRole('inspector', 'training-manager'), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(createErrorHandler(createLogger({ service: 'auth-middleware-test', level: 'silent' })));
  return app;
}

const acceptingVerifier = (caller: Caller = inspector) => {
  const verify = jest.fn<TokenVerifier['verify']>().mockResolvedValue(caller);
  return { verify };
};

describe('authenticate', () => {
  it('hands the bearer token, and only the token, to the verifier', async () => {
    const verifier = acceptingVerifier();

    const response = await request(appWith(verifier)).get('/me').set('Authorization', 'bearer  abc.def.ghi');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ username: 'inspector.d1' });
    expect(verifier.verify).toHaveBeenCalledWith('abc.def.ghi');
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['the scheme without a token', 'Bearer'],
    ['a token with spaces', 'Bearer abc def'],
  ])(
    'answers 401 UNAUTHENTICATED with a Bearer challenge for %s, without calling the verifier',
    async (_case, header) => {
      const verifier = acceptingVerifier();
      const call = request(appWith(verifier)).get('/me');

      const response = await (header === undefined ? call : call.set('Authorization', header));

      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="relais"');
      expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(verifier.verify).not.toHaveBeenCalled();
    },
  );

  it('answers 401 INVALID_TOKEN with error="invalid_token" when the verifier refuses the token, never echoing it', async () => {
    const verifier = {
      verify: jest.fn<TokenVerifier['verify']>().mockRejectedValue(invalidToken('Obtain a new one.')),
    };

    const response = await request(appWith(verifier))
      .get('/me')
      .auth('secret-token-value', { type: 'bearer' });

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="relais", error="invalid_token"');
    expect(response.body).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(response.text).not.toContain('secret-token-value');
  });

  it('turns an unexpected verifier failure into 401 INVALID_TOKEN, not a 500', async () => {
    const verifier = { verify: jest.fn<TokenVerifier['verify']>().mockRejectedValue(new TypeError('boom')) };

    const response = await request(appWith(verifier)).get('/me').auth('t', { type: 'bearer' });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('passes a 503 IDENTITY_PROVIDER_UNAVAILABLE through with Retry-After', async () => {
    const verifier = {
      verify: jest
        .fn<TokenVerifier['verify']>()
        .mockRejectedValue(identityProviderUnavailable('Try again shortly.')),
    };

    const response = await request(appWith(verifier)).get('/me').auth('t', { type: 'bearer' });

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toMatchObject({ code: 'IDENTITY_PROVIDER_UNAVAILABLE' });
  });
});

describe('requireRole', () => {
  it('answers 403 FORBIDDEN_ROLE naming the allowed role, not the caller', async () => {
    const response = await request(appWith(acceptingVerifier()))
      .get('/managers')
      .auth('t', { type: 'bearer' });

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
    expect(response.body.detail).toContain('training-manager');
    expect(response.text).not.toMatch(/inspector\.d1|Bernard|Fontaine|be16b0ef/);
  });

  it('lets through a caller having any one of the roles', async () => {
    const response = await request(appWith(acceptingVerifier()))
      .get('/district')
      .auth('t', { type: 'bearer' });

    expect(response.status).toBe(200);
  });
});

describe('callerOf', () => {
  it('fails loudly on a route registered without authenticate (a wiring mistake)', async () => {
    const response = await request(appWith(acceptingVerifier())).get('/open');

    expect(response.status).toBe(500);
    expect(response.text).not.toContain('callerOf');
  });
});
