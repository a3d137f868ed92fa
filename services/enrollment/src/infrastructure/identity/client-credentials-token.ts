import { callKeycloak, failureOf, jsonOf } from './keycloak-call';
import { KeycloakAnswerMalformed } from './keycloak-errors';

export interface ClientCredentialsTokenOptions {
  /** The realm's token endpoint: `<keycloakUrl>/realms/<realm>/protocol/openid-connect/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  now: () => number;
}

/** How long before Keycloak says a token expires it is renewed, so that no request carries a stale one. */
const renewalMarginMs = 30_000;

/**
 * The service account's access token (client_credentials, the secret sent with HTTP Basic), kept
 * until shortly before it expires: one token request per token lifetime, not one per pass.
 */
export class ClientCredentialsToken {
  private cached: { token: string; renewAt: number } | undefined;

  constructor(private readonly options: ClientCredentialsTokenOptions) {}

  async get(): Promise<string> {
    if (this.cached && this.options.now() < this.cached.renewAt) return this.cached.token;
    this.cached = await this.request();
    return this.cached.token;
  }

  /** Keycloak refused the token before it expired (restarted, session revoked): the next `get` asks again. */
  forget(): void {
    this.cached = undefined;
  }

  private async request(): Promise<{ token: string; renewAt: number }> {
    const { tokenUrl, clientId, clientSecret, timeoutMs, now } = this.options;
    const credentials = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
    const answer = await callKeycloak(
      tokenUrl,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
          accept: 'application/json',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      },
      timeoutMs,
    );
    if (answer.status !== 200) throw failureOf(answer, 'client_credentials grant');
    const body = jsonOf(answer, 'client_credentials grant') as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    const token = body?.access_token;
    const expiresInMs = typeof body?.expires_in === 'number' ? body.expires_in * 1000 : Number.NaN;
    if (typeof token !== 'string' || token === '' || !(expiresInMs > 0)) {
      throw new KeycloakAnswerMalformed('client_credentials grant: no access token with a lifetime');
    }
    // A token living less than twice the margin is renewed half-way through its life.
    return { token, renewAt: now() + expiresInMs - Math.min(renewalMarginMs, expiresInMs / 2) };
  }
}
