import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allContracts } from '@relais/contracts';
import {
  ERASURE_TOPIC,
  handlesPersonalEvents,
  serviceEntry,
  services,
  servicesThatErase,
  type ServiceEntry,
} from '../src/service-registry';

const servicesFolder = fileURLToPath(new URL('../../../services/', import.meta.url));

describe('the registry of services', () => {
  it('holds every folder of services/, and each it holds is a package @relais/<name> with a main.ts', () => {
    const folders = readdirSync(servicesFolder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(services.map(({ name }) => name).sort()).toEqual(folders.sort());
    for (const { name } of services) {
      const manifest = JSON.parse(readFileSync(join(servicesFolder, name, 'package.json'), 'utf8')) as {
        name: string;
      };
      expect(manifest.name).toBe(`@relais/${name}`);
      expect(existsSync(join(servicesFolder, name, 'src/main.ts'))).toBe(true);
    }
  });

  it('gives each service a name that can be a path, a database and a DNS label, and a port of its own', () => {
    for (const { name } of services) expect(name).toMatch(/^[a-z][a-z0-9]*$/);
    const ports = services.map(({ port }) => port);
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port).toBeGreaterThan(1024);
  });

  it('says what each service writes as its contracts do: the topics of the events named <name>.*', () => {
    for (const { name, writes } of services) {
      const own = new Set(
        allContracts.filter((contract) => contract.type.startsWith(`${name}.`)).map(({ topic }) => topic),
      );
      const adopted = (writes as readonly string[]).filter((topic) => topic === ERASURE_TOPIC);
      expect({ name, writes: [...writes].sort() }).toEqual({ name, writes: [...own, ...adopted].sort() });
    }
  });

  it('has one service take erasure requests, among those that forget people and seal events (ADR 0033)', () => {
    const writers = services.filter(({ writes }) => (writes as readonly string[]).includes(ERASURE_TOPIC));
    expect(writers.map(({ name }) => name)).toEqual(['enrollment']);
    expect(servicesThatErase()).toEqual(['enrollment', 'progress', 'feedback', 'notifications']);
    for (const entry of services as readonly ServiceEntry[]) {
      const sealing = handlesPersonalEvents(entry);
      expect({ name: entry.name, sealing }).toEqual({ name: entry.name, sealing: entry.name !== 'stats' });
      expect({ name: entry.name, secret: Boolean(entry.secretEnv?.['RELAIS_PERSON_KEY_SECRET']) }).toEqual({
        name: entry.name,
        secret: sealing,
      });
    }
  });

  it('has each service read only topics that a contract declares', () => {
    const declared = new Set(allContracts.map(({ topic }) => topic));
    for (const { name, reads } of services) {
      expect({ name, undeclared: reads.filter((topic) => !declared.has(topic)) }).toEqual({
        name,
        undeclared: [],
      });
    }
  });

  it('names the registry’s services when asked for one it does not hold', () => {
    expect(serviceEntry('stats').port).toBe(8084);
    expect(() => serviceEntry('no-such-service')).toThrow(
      `the services are ${services.map(({ name }) => name).join(', ')}`,
    );
  });
});
