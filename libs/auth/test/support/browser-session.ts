/**
 * What a browser does for the authorization code flow, without a browser: follows nothing by itself, keeps
 * cookies (name=value, whatever their path: one provider per test) and posts forms.
 */
export class BrowserSession {
  private readonly cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.request(url, { method: 'POST', body: new URLSearchParams(form) });
  }
}

/** The Location of a redirect, resolved against the request URL. */
export function locationOf(response: Response, base: string): string {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location, base).href;
}

/** The action attribute of the form with this id in an HTML page. */
export function formAction(html: string, formId: string): string {
  const form = new RegExp(`<form[^>]*id="${formId.replace('.', '\\.')}"[^>]*>`).exec(html)?.[0] ?? '';
  const action = /action="([^"]*)"/.exec(form)?.[1];
  if (action === undefined) throw new Error(`no form ${formId} in the page`);
  return action.replaceAll('&amp;', '&');
}

/** The value of the hidden input with this name. */
export function hiddenInput(html: string, name: string): string {
  const value = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no hidden input ${name} in the page`);
  return value;
}
