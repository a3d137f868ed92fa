import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A port free right now: the embedded provider's issuer URL names the port before the server listens.
 * Here, in a runtime library, so that the standalone and the test harnesses share it without the running
 * program ever loading the test helpers.
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
