import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An admin event as Keycloak 26 stores and answers it (AdminEventRepresentation, details off). */
export interface FakeAdminEvent {
  id: string;
  time: number;
  realmId?: string;
  operationType: string;
  resourceType: string;
  resourcePath?: string;
  error?: string;
}

/** A user's deletion by an administrator, as Keycloak records it. */
export const userDeleted = (userId: string, time: number): FakeAdminEvent => ({
  id: randomUUID(),
  time,
  realmId: 'relais',
  operationType: 'DELETE',
  resourceType: 'USER',
  resourcePath: `users/${userId}`,
});

/**
 * The two endpoints of Keycloak the poller calls, on a loopback port: the realm's token endpoint
 * (client_credentials with HTTP Basic) and `GET /admin/realms/relais/admin-events`, honouring the
 * filters, `dateFrom`, `direction=asc`, `first` and `max` as Keycloak does.
 */
export class FakeKeycloak {
  readonly clientId = 'relais-enrollment-identity-events';
  readonly clientSecret = 'test-identity-events-secret';
  readonly events: FakeAdminEvent[] = [];
  /** Seconds, as Keycloak's `expires_in`. */
  tokenLifetimeSeconds = 300;
  tokensIssued = 0;
  /** The query of each admin events request, in order. */
  readonly eventQueries: URLSearchParams[] = [];
  /** `down`: every connection is reset; `hang`: requests are never answered. */
  state: 'up' | 'down' | 'hang' = 'up';
  /** What the admin events endpoint answers instead of the events, while set. */
  eventsAnswer: { status: number; body: string } | undefined;
  /** The service account lacks view-events: admin events answer 403. */
  forbidden = false;

  private readonly validTokens = new Set<string>();
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();

  private constructor() {
    this.server = createServer((request, response) => this.handle(request, response));
  }

  static async start(): Promise<FakeKeycloak> {
    const keycloak = new FakeKeycloak();
    await new Promise<void>((resolve) => keycloak.server.listen(0, '127.0.0.1', resolve));
    return keycloak;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Keycloak restarted: the tokens it issued before are refused. */
  forgetTokens(): void {
    this.validTokens.clear();
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    if (this.state === 'down') {
      request.socket.destroy();
      return;
    }
    if (this.state === 'hang') {
      this.hanging.add(response);
      return;
    }
    const url = new URL(request.url ?? '/', this.url);
    if (request.method === 'POST' && url.pathname === '/realms/relais/protocol/openid-connect/token') {
      this.token(request, response);
    } else if (request.method === 'GET' && url.pathname === '/admin/realms/relais/admin-events') {
      this.adminEvents(request, url.searchParams, response);
    } else {
      send(response, 404, { error: 'not found' });
    }
  }

  private token(request: IncomingMessage, response: ServerResponse): void {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const expected = Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64');
      if (new URLSearchParams(body).get('grant_type') !== 'client_credentials') {
        send(response, 400, { error: 'unsupported_grant_type' });
      } else if (request.headers.authorization !== `Basic ${expected}`) {
        send(response, 401, { error: 'unauthorized_client' });
      } else {
        const token = randomUUID();
        this.validTokens.add(token);
        this.tokensIssued += 1;
        send(response, 200, {
          access_token: token,
          expires_in: this.tokenLifetimeSeconds,
          token_type: 'Bearer',
        });
      }
    });
  }

  private adminEvents(request: IncomingMessage, query: URLSearchParams, response: ServerResponse): void {
    this.eventQueries.push(query);
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!this.validTokens.has(token)) return send(response, 401, { error: 'HTTP 401 Unauthorized' });
    if (this.forbidden) return send(response, 403, { error: 'HTTP 403 Forbidden' });
    if (this.eventsAnswer) {
      response.writeHead(this.eventsAnswer.status, { 'content-type': 'application/json' });
      response.end(this.eventsAnswer.body);
      return;
    }
    const types = query.getAll('resourceTypes');
    const operations = query.getAll('operationTypes');
    const from = Number(query.get('dateFrom') ?? 0);
    const first = Number(query.get('first') ?? 0);
    const max = Number(query.get('max') ?? 100);
    const matching = this.events
      .filter((event) => types.length === 0 || types.includes(event.resourceType))
      .filter((event) => operations.length === 0 || operations.includes(event.operationType))
      .filter((event) => event.time >= from)
      .sort((a, b) => (query.get('direction') === 'asc' ? a.time - b.time : b.time - a.time));
    send(response, 200, matching.slice(first, first + max));
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
