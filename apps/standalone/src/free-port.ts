import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A port free right now: the embedded provider's issuer URL names the port before the server listens.
 * The standalone's own copy, so that the running program never loads the test helpers (issue 18).
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}
