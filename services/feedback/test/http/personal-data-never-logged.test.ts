import { createJwksTokenVerifier } from '@relais/auth';
import { createEmbeddedIdentityProvider } from '@relais/auth/embedded';
import { InMemoryEventBus } from '@relais/bus';
import { startServiceHost, type RunningHost } from '@relais/host';
import { createLogger } from '@relais/platform';
import {
  demoNameOf,
  demoRealmFile,
  freePort,
  publishCourseWithMembers,
  relaisClient,
  userIdOf,
  type RelaisClient,
} from '@relais/testing';
import { KeyedTokens } from '../../src/application/keyed-tokens';
import { createInMemoryFeedbackService } from '../../src/in-memory';

const authorKey = 'a-feedback-author-key-of-32-characters-for-logs';
const author = 'teacher.01';
const anonymousText = 'Je n’y arrive plus, mais je ne veux pas qu’on le sache.';

/**
 * The author's capability is his signed-in identity, from which the service recomputes his keyed
 * tokens (ADR 0009). None of it may reach a log line: not his access token, not his id or name, not a
 * token recomputed for him, not what he wrote. The host's own logger is captured, at its most verbose.
 */
describe('asking for one’s anonymous items leaves no trace in the logs', () => {
  const lines: string[] = [];
  let host: RunningHost;
  let client: RelaisClient;
  let bus: InMemoryEventBus;

  beforeAll(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const identityProvider = createEmbeddedIdentityProvider({
      publicBaseUrl: baseUrl,
      realmFile: demoRealmFile,
    });
    bus = new InMemoryEventBus();
    host = await startServiceHost(
      {
        logger: createLogger({
          service: 'feedback',
          level: 'trace',
          destination: { write: (chunk: string) => void lines.push(chunk) },
        }),
        modules: [
          createInMemoryFeedbackService({
            verifier: createJwksTokenVerifier({
              authServerUrl: baseUrl,
              realm: 'relais',
              clientId: 'relais-feedback',
            }),
            authorKey,
          }),
        ],
        bus,
        readiness: [],
        relay: { pollIntervalMs: 10 },
        configure: (app) => identityProvider.mount(app),
      },
      port,
      '127.0.0.1',
    );
    client = relaisClient({ apiUrl: baseUrl, identityUrl: baseUrl });
  });
  afterAll(async () => host.stop());

  it('logs the route of each request, and nothing that leads to the author', async () => {
    const courseId = await publishCourseWithMembers(bus, {
      trainers: ['trainer.alice'],
      participants: [author, 'teacher.02', 'teacher.03', 'teacher.04', 'teacher.05'],
    });
    await bus.idle();
    const posted = await client.call(author, 'POST', `/api/feedback/courses/${courseId}/feedback`, {
      category: 'workload-time',
      intensity: 5,
      message: anonymousText,
      visibility: 'anonymous',
    });
    expect(posted.status).toBe(201);
    const itemId = posted.body.id as string;
    lines.length = 0;

    const own = await client.call(author, 'GET', '/api/feedback/me/data/anonymous-authorship');
    const other = await client.call('teacher.02', 'GET', '/api/feedback/me/data/anonymous-authorship');
    const main = await client.call(author, 'GET', '/api/feedback/me/data');
    expect([own.status, other.status, main.status]).toEqual([200, 200, 200]);
    expect(JSON.stringify(own.body)).toContain(anonymousText);

    const logged = lines.join('\n');
    expect(logged).toContain('/api/feedback/me/data/anonymous-authorship');
    const tokens = new KeyedTokens(authorKey);
    for (const secret of [
      await client.token(author),
      userIdOf(author),
      demoNameOf(author),
      author,
      tokens.authorOf(userIdOf(author), courseId, itemId),
      tokens.authorIn(userIdOf(author), courseId),
      itemId,
      anonymousText,
    ]) {
      expect({ secret, logged: logged.includes(secret) }).toEqual({ secret, logged: false });
    }
  });
});
