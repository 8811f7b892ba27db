/**
 * A person at a browser, reduced to plain HTTP: it keeps cookies (by host and path), follows
 * redirects, and on each page fills the visible inputs it knows (`user_code`, `login`,
 * `password`, ...) and submits the page's form — the provider's own pages, parsed from their
 * HTML, so a test exercises the same endpoints a real sign-in does. It stops on a page without
 * a form (a success page, or the loopback page a CLI serves) and throws on an error page.
 */
export class OidcBrowser {
  private readonly cookies: StoredCookie[] = [];

  /** Opens `url` and works through the pages; returns the last one. */
  async browse(url: string, typed: Readonly<Record<string, string>>, opts: { maxSteps?: number } = {}): Promise<BrowsedPage> {
    let request: PageRequest = { url, method: 'GET' };
    for (let step = 0; step < (opts.maxSteps ?? 20); step++) {
      const res = await this.fetch(request);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        request = { url: new URL(location, request.url).href, method: 'GET' };
        continue;
      }
      const html = await res.text();
      if (res.status >= 400) throw new Error(`${request.method} ${request.url} answered ${res.status}: ${pageText(html)}`);
      const form = parseForms(html, request.url)[0];
      if (!form) return { url: request.url, status: res.status, html, text: pageText(html) };
      request = submission(form, typed, request.url);
    }
    throw new Error(`gave up after ${opts.maxSteps ?? 20} pages starting at ${url}`);
  }

  private async fetch(req: PageRequest): Promise<Response> {
    const target = new URL(req.url);
    const headers: Record<string, string> = { accept: 'text/html' };
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    if (req.body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(target, { method: req.method, headers, body: req.body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) this.store(line, target);
    return res;
  }

  private cookieHeader(target: URL): string {
    return this.cookies
      .filter((c) => c.host === target.host && target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(line: string, from: URL): void {
    const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attr = (key: string) => attrs.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attr('path') ?? '/';
    const expires = attr('expires');
    const gone = attr('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now()) || value === '';
    const i = this.cookies.findIndex((c) => c.host === from.host && c.path === path && c.name === name);
    if (i >= 0) this.cookies.splice(i, 1);
    if (!gone) this.cookies.push({ host: from.host, path, name, value });
  }
}

export interface BrowsedPage {
  readonly url: string;
  readonly status: number;
  readonly html: string;
  /** The page without tags, for assertions and error messages. */
  readonly text: string;
}

export interface HtmlForm {
  readonly action: string;
  readonly method: 'GET' | 'POST';
  readonly inputs: readonly { readonly name: string; readonly type: string; readonly value: string }[];
}

interface PageRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
}

interface StoredCookie {
  readonly host: string;
  readonly path: string;
  readonly name: string;
  readonly value: string;
}

/** The forms of a page with their resolved action and named inputs (buttons are not inputs). */
export function parseForms(html: string, pageUrl: string): HtmlForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, attrs = '', body = '']) => {
    const a = attributes(attrs);
    return {
      action: new URL(a.action ?? '', pageUrl).href,
      method: (a.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      inputs: [...body.matchAll(/<input\b([^>]*)>/gi)]
        .map(([, s = '']) => attributes(s))
        .filter((i) => i.name !== undefined)
        .map((i) => ({ name: i.name as string, type: (i.type ?? 'text').toLowerCase(), value: i.value ?? '' })),
    };
  });
}

/**
 * What submitting `form` sends: hidden inputs as served, visible ones as the person types them.
 * A visible input the person has nothing for, and that is empty, is a page the test did not
 * expect — say so rather than submit a blank.
 */
function submission(form: HtmlForm, typed: Readonly<Record<string, string>>, pageUrl: string): PageRequest {
  const params = new URLSearchParams();
  for (const input of form.inputs) {
    const value = input.type === 'hidden' ? input.value : (typed[input.name] ?? input.value);
    if (value === '' && input.type !== 'hidden') throw new Error(`the page at ${pageUrl} asks for "${input.name}", which the test did not give`);
    params.append(input.name, value);
  }
  if (form.method === 'POST') return { url: form.action, method: 'POST', body: params.toString() };
  const url = new URL(form.action);
  for (const [k, v] of params) url.searchParams.append(k, v);
  return { url: url.href, method: 'GET' };
}

function attributes(s: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [, name = '', dq, sq, bare] of s.matchAll(/([\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out[name.toLowerCase()] = decodeEntities(dq ?? sq ?? bare ?? '');
  }
  return out;
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return named[e.toLowerCase()] ?? m;
  });
}

function pageText(html: string): string {
  return decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}
