import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientCredentialsGrant, passwordGrant } from '../src/tokens';

interface RecordedRequest {
  url: string;
  authorization?: string;
  form: Record<string, string>;
}

let server: Server;
let baseUrl: string;
let recorded: RecordedRequest[];
let answer: { status: number; body: unknown };

async function formOf(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    recorded.push({ url: req.url ?? '', authorization: req.headers.authorization, form: await formOf(req) });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  recorded = [];
  answer = { status: 200, body: { access_token: 'issued-token', token_type: 'Bearer' } };
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('passwordGrant', () => {
  it('posts a direct access grant for relais-portal with password = username by default', async () => {
    await expect(passwordGrant({ baseUrl, username: 'teacher.01' })).resolves.toBe('issued-token');

    expect(recorded).toEqual([
      {
        url: '/realms/relais/protocol/openid-connect/token',
        authorization: undefined,
        form: {
          grant_type: 'password',
          client_id: 'relais-portal',
          username: 'teacher.01',
          password: 'teacher.01',
        },
      },
    ]);
  });

  it('uses the realm, client and password it is given', async () => {
    await passwordGrant({
      baseUrl: `${baseUrl}/`,
      realm: 'other',
      username: 'u',
      password: 'p',
      clientId: 'c',
    });

    expect(recorded[0]).toMatchObject({
      url: '/realms/other/protocol/openid-connect/token',
      form: { client_id: 'c', username: 'u', password: 'p' },
    });
  });

  it('says what failed with the status and OAuth error code, never the password', async () => {
    answer = { status: 401, body: { error: 'invalid_grant', error_description: 'Invalid user credentials' } };

    const failure = passwordGrant({ baseUrl, username: 'teacher.01', password: 'hunter2-secret' });

    await expect(failure).rejects.toThrow(/password grant .* failed: HTTP 401 \(invalid_grant\)/);
    await expect(failure).rejects.not.toThrow(/hunter2-secret/);
  });

  it('fails when a 200 answer carries no access token', async () => {
    answer = { status: 200, body: { token_type: 'Bearer' } };

    await expect(passwordGrant({ baseUrl, username: 'teacher.01' })).rejects.toThrow(
      /HTTP 200 \(no error code\)/,
    );
  });

  it('says which URL it could not reach', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    await expect(passwordGrant({ baseUrl: closedUrl, username: 'teacher.01' })).rejects.toThrow(
      `cannot reach ${closedUrl}/realms/relais/protocol/openid-connect/token`,
    );
  });
});

describe('clientCredentialsGrant', () => {
  it('authenticates the client with HTTP Basic and returns the token', async () => {
    await expect(
      clientCredentialsGrant({ baseUrl, clientId: 'relais-stats', clientSecret: 'demo-stats-secret' }),
    ).resolves.toBe('issued-token');

    expect(recorded[0]).toEqual({
      url: '/realms/relais/protocol/openid-connect/token',
      authorization: `Basic ${Buffer.from('relais-stats:demo-stats-secret').toString('base64')}`,
      form: { grant_type: 'client_credentials' },
    });
  });

  it('says what failed without the secret', async () => {
    answer = { status: 401, body: { error: 'invalid_client' } };

    const failure = clientCredentialsGrant({
      baseUrl,
      clientId: 'relais-stats',
      clientSecret: 'very-secret-value',
    });

    await expect(failure).rejects.toThrow(
      /client_credentials grant for client relais-stats failed: HTTP 401 \(invalid_client\)/,
    );
    await expect(failure).rejects.not.toThrow(/very-secret-value/);
  });
});
