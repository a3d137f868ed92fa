// The embedded identity provider is exported from '@relais/auth/embedded' so that services, which only
// verify tokens, never load oidc-provider.
export { ROLES, isRole, type Role } from './roles';
export { createCaller, type Caller, type CallerFields } from './caller';
export { callerFromClaims } from './access-token-claims';
export {
  forbiddenClient,
  forbiddenRole,
  identityProviderUnavailable,
  invalidToken,
  unauthenticated,
  type AuthProblemCode,
} from './errors';
export type { TokenVerifier } from './token-verifier';
export {
  createJwksTokenVerifier,
  DEFAULT_AUTHORIZED_PARTIES,
  type JwksTokenVerifierOptions,
} from './jwks/jwks-token-verifier';
export { authenticate } from './express/authenticate';
export { requireRole } from './express/require-role';
export { callerOf } from './express/request-caller';
