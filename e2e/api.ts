/** A small HTTP client for setting up e2e data through the real API, as a signed-in user would. */
export class ApiClient {
  cookie = '';
  csrf = '';
  constructor(private readonly base: string) {}

  async login(username: string, password = 'wasl-demo-2026') {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  // biome-ignore lint/suspicious/noExplicitAny: set-up code reads arbitrary JSON answers
  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** The session cookie as Playwright wants it, so a browser context starts signed in. */
  browserCookie() {
    const [name, value] = this.cookie.split('=') as [string, string];
    return [{ name, value, url: this.base }];
  }
}
