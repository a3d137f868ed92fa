import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadOidcAuthority } from './authority';

const origin = 'http://127.0.0.1:8090';

function serveConfig(answer: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: URL, _init?: RequestInit) => answer());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('the OIDC authority read at run time', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is the one the host names, on another origin', async () => {
    const fetchMock = serveConfig(async () =>
      Response.json({ oidcAuthority: 'http://127.0.0.1:8180/realms/relais' }),
    );
    await expect(loadOidcAuthority(origin)).resolves.toBe('http://127.0.0.1:8180/realms/relais');
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe(`${origin}/portal-config.json`);
  });

  it('resolves a relative authority against the portal’s origin', async () => {
    serveConfig(async () => Response.json({ oidcAuthority: '/realms/relais/' }));
    await expect(loadOidcAuthority(origin)).resolves.toBe(`${origin}/realms/relais`);
  });

  it('falls back on the realm of the portal’s origin when the host serves no configuration', async () => {
    serveConfig(async () => new Response('not found', { status: 404 }));
    await expect(loadOidcAuthority(origin)).resolves.toBe(`${origin}/realms/relais`);
    serveConfig(() => Promise.reject(new TypeError('network')));
    await expect(loadOidcAuthority(origin)).resolves.toBe(`${origin}/realms/relais`);
  });
});
