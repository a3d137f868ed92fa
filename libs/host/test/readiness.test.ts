import { Writable } from 'node:stream';
import { pino } from 'pino';
import { InMemoryEventBus } from '@relais/bus';
import { createPrometheusMetrics } from '@relais/telemetry';
import { productionHealthChecks, startServiceHost, type RunningHost } from '../src/index';

function capturingLogger() {
  const messages: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      messages.push((JSON.parse(String(chunk)) as { msg: string }).msg);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, destination), messages };
}

const down = (what: string) => () => Promise.reject(new Error(`${what} is down`));

/** The checks of a production service, with each dependency up or down as the test says. */
function dependencies(state: { database: boolean; kafka: boolean; identityProvider: boolean }) {
  const bus = new InMemoryEventBus();
  return {
    bus,
    checks: productionHealthChecks({
      database: { name: 'mongo', check: state.database ? () => Promise.resolve() : down('mongo') },
      bus: { ready: state.kafka ? () => bus.ready() : down('kafka') },
      identityProvider: {
        name: 'identity-provider',
        check: state.identityProvider ? () => Promise.resolve() : down('keycloak'),
      },
    }),
  };
}

describe('readiness of a production service', () => {
  const metrics = createPrometheusMetrics();
  let host: RunningHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  async function start(state: Parameters<typeof dependencies>[0]) {
    const { logger, messages } = capturingLogger();
    const { bus, checks } = dependencies(state);
    host = await startServiceHost({ logger, modules: [], bus, metrics, ...checks }, 0, '127.0.0.1');
    await host.dependencies.probeNow();
    return { url: `http://127.0.0.1:${host.port}`, messages };
  }

  it('stays ready while Kafka and the identity provider are down: they degrade the service', async () => {
    const { url, messages } = await start({ database: true, kafka: false, identityProvider: false });

    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { mongo: 'up' } });
    expect(Object.fromEntries(host?.dependencies.current() ?? [])).toEqual({
      kafka: false,
      'identity-provider': false,
    });
    expect(messages).toContain('kafka is unreachable: the service keeps serving, degraded, until it is back');
  });

  it('shows the outage in relais_dependency_up, which the alert RelaisDependencyDown reads', async () => {
    const { url } = await start({ database: true, kafka: false, identityProvider: true });
    const page = await (await fetch(`${url}/metrics`)).text();
    expect(page).toMatch(/^relais_dependency_up\{dependency="kafka",[^}]*\} 0$/m);
    expect(page).toMatch(/^relais_dependency_up\{dependency="identity-provider",[^}]*\} 1$/m);
  });

  it('is not ready without its own database, whatever else is up', async () => {
    const { url } = await start({ database: false, kafka: true, identityProvider: true });
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not-ready',
      checks: { mongo: 'down: mongo is down' },
    });
  });

  it('says when a dependency is back', async () => {
    const { logger, messages } = capturingLogger();
    const bus = new InMemoryEventBus();
    let kafkaUp = false;
    host = await startServiceHost(
      {
        logger,
        modules: [],
        bus,
        readiness: [],
        degradedWithout: [{ name: 'kafka', check: () => (kafkaUp ? Promise.resolve() : down('kafka')()) }],
      },
      0,
      '127.0.0.1',
    );
    await host.dependencies.probeNow();
    kafkaUp = true;
    await host.dependencies.probeNow();
    expect(messages).toContain('kafka is reachable again');
    expect(host.dependencies.current().get('kafka')).toBe(true);
  });
});
