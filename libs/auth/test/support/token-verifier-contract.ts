import { jest } from '@jest/globals';
import express, { type Express } from 'express';
import request from 'supertest';
import { clientCredentialsGrant, passwordGrant } from '../../../testing/src/tokens';
import { createErrorHandler, createLogger } from '@relais/platform';
import { authenticate, callerOf, createJwksTokenVerifier, requireRole } from '../../src';
import { decodeJwt, withAlteredPayload } from './embedded-realm-server';

export interface TokenVerifierContractContext {
  /** Base URL of the identity provider the verifier trusts (Keycloak or the embedded provider). */
  readonly baseUrl: string;
  readonly realm: string;
  /** A token claiming the trusted issuer but signed with a key the realm does not publish. */
  foreignKeyToken(): Promise<string>;
  /** A token issued by another issuer (another server or realm). */
  foreignIssuerToken(): Promise<string>;
}

const SERVICE_AUDIENCE = 'relais-enrollment';

function protectedApp(context: TokenVerifierContractContext, clientId = SERVICE_AUDIENCE): Express {
  const verifier = createJwksTokenVerifier({
    authServerUrl: context.baseUrl,
    realm: context.realm,
    clientId,
  });
  const app = express();
  app.use(authenticate(verifier));
  app.get('/whoami', (req, res) => {
    const { id, username, name, roles, academy, district, school } = callerOf(req);
    res.json({ id, username, name, roles, academy, district, school });
  });
  app.get('/trainers-only', requireRole('trainer'), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(createErrorHandler(createLogger({ service: 'auth-contract-test', level: 'silent' })));
  return app;
}

function expectProblem(response: request.Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({
      status,
      code,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    }),
  );
}

function expectUnauthorized(response: request.Response, code: 'UNAUTHENTICATED' | 'INVALID_TOKEN'): void {
  expectProblem(response, 401, code);
  expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
}

/**
 * What any identity provider + the JWKS token verifier must guarantee to a Relais service. Run by the
 * unit tests against the embedded provider and by the integration tests against a real Keycloak.
 */
export function describeTokenVerifierContract(
  name: string,
  getContext: () => TokenVerifierContractContext,
): void {
  describe(`token verifier contract: ${name}`, () => {
    let context: TokenVerifierContractContext;
    let app: Express;
    const tokenFor = (username: string) =>
      passwordGrant({ baseUrl: context.baseUrl, realm: context.realm, username });

    beforeAll(() => {
      context = getContext();
      app = protectedApp(context);
    });

    it('accepts a valid token and exposes the caller from its claims', async () => {
      const response = await request(app)
        .get('/whoami')
        .auth(await tokenFor('teacher.01'), { type: 'bearer' });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        username: 'teacher.01',
        name: expect.stringMatching(/\S+ \S+/),
        roles: ['teacher'],
        academy: 'lyon',
        district: 'lyon-d1',
        school: '0690001A',
      });
    });

    it('answers 401 UNAUTHENTICATED when there is no Authorization header', async () => {
      expectUnauthorized(await request(app).get('/whoami'), 'UNAUTHENTICATED');
    });

    it('answers 401 UNAUTHENTICATED for another scheme than Bearer', async () => {
      const token = await tokenFor('teacher.01');
      expectUnauthorized(
        await request(app).get('/whoami').set('Authorization', `Basic ${token}`),
        'UNAUTHENTICATED',
      );
    });

    it('answers 401 INVALID_TOKEN for garbage', async () => {
      expectUnauthorized(
        await request(app).get('/whoami').auth('not-a-jwt', { type: 'bearer' }),
        'INVALID_TOKEN',
      );
    });

    it('answers 401 INVALID_TOKEN for a token whose payload was altered, without echoing it', async () => {
      const promoted = withAlteredPayload(await tokenFor('teacher.01'), (payload) => {
        payload.realm_access = { roles: ['teacher', 'trainer'] };
      });

      const response = await request(app).get('/trainers-only').auth(promoted, { type: 'bearer' });

      expectUnauthorized(response, 'INVALID_TOKEN');
      expect(response.text).not.toContain(promoted.split('.')[1]);
    });

    it('answers 401 INVALID_TOKEN for an expired token', async () => {
      const token = await tokenFor('teacher.01');
      const expiresAt = Number(decodeJwt(token).payload.exp) * 1000;
      const now = jest.spyOn(Date, 'now').mockReturnValue(expiresAt + 1000);
      try {
        expectUnauthorized(
          await request(app).get('/whoami').auth(token, { type: 'bearer' }),
          'INVALID_TOKEN',
        );
      } finally {
        now.mockRestore();
      }
    });

    it('answers 401 INVALID_TOKEN for a token signed by a key the realm does not publish', async () => {
      const token = await context.foreignKeyToken();
      expectUnauthorized(await request(app).get('/whoami').auth(token, { type: 'bearer' }), 'INVALID_TOKEN');
    });

    it('answers 401 INVALID_TOKEN for a token from another issuer', async () => {
      const token = await context.foreignIssuerToken();
      expectUnauthorized(await request(app).get('/whoami').auth(token, { type: 'bearer' }), 'INVALID_TOKEN');
    });

    it('answers 401 INVALID_TOKEN for a token that does not name the service in its audience', async () => {
      const otherService = protectedApp(context, 'relais-not-an-audience');
      const token = await tokenFor('teacher.01');
      expectUnauthorized(
        await request(otherService).get('/whoami').auth(token, { type: 'bearer' }),
        'INVALID_TOKEN',
      );
    });

    it('answers 403 FORBIDDEN_ROLE to a valid token without the role, naming the roles but not the caller', async () => {
      const response = await request(app)
        .get('/trainers-only')
        .auth(await tokenFor('teacher.02'), { type: 'bearer' });

      expectProblem(response, 403, 'FORBIDDEN_ROLE');
      expect(response.body.detail).toContain('trainer');
      expect(response.text).not.toContain('teacher.02');
    });

    it('answers 403 FORBIDDEN_CLIENT to a valid service-account token: user routes serve the portal only', async () => {
      const serviceToken = await clientCredentialsGrant({
        baseUrl: context.baseUrl,
        realm: context.realm,
        clientId: 'relais-feedback',
        clientSecret: 'demo-feedback-secret',
      });

      const response = await request(app).get('/whoami').auth(serviceToken, { type: 'bearer' });

      expectProblem(response, 403, 'FORBIDDEN_CLIENT');
      expect(response.body.detail).toContain('portal');
    });

    it('lets a caller with the role through', async () => {
      const response = await request(app)
        .get('/trainers-only')
        .auth(await tokenFor('trainer.alice'), { type: 'bearer' });

      expect(response.status).toBe(200);
    });
  });
}
