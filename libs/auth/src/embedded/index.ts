export {
  assertEmbeddedIdentityProviderAllowed,
  createEmbeddedIdentityProvider,
  EmbeddedIdentityProviderRefused,
  type EmbeddedIdentityProvider,
  type EmbeddedIdentityProviderOptions,
} from './embedded-identity-provider';
export { generateSigningKey, type SigningKey } from './signing-key';
export { loadRealm, parseRealm, type Realm, type RealmUser, type TokenClient } from './realm-file';
