import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider, the certified implementation) on a free local port, with
 * its development login form: any password signs in as the account named in "login". Tests sign in
 * like a browser would (TestBrowser below) and change the accounts' claims between sign-ins.
 */
export type Account = { email: string; email_verified: boolean; name: string; groups?: string[] };

export const CLIENT = { id: 'fortytwo', secret: 'a-client-secret-long-enough-for-hs256-0123456789' };

export async function startProvider(redirectUri: string) {
  const accounts = new Map<string, Account>();
  let clockShiftMs = 0;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    // Put the scopes' claims in the ID token itself (what most company providers are set up to do).
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    // Consent is the provider's business: grant the requested scopes as an administrator would have.

    loadExistingGrant: async (ctx: any) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key'] },
  });
  provider.on('server_error', (_ctx: unknown, err: unknown) => console.error('oidc-provider server_error:', err));
  const handle = provider.callback();
  server.on('request', (req, res) => {
    // An ID token issued "in the past" (its exp already gone) for the expired-token test: the
    // provider reads Date.now while it issues, and the client's check runs after the response.
    if (clockShiftMs && req.url?.startsWith('/token')) {
      const realNow = Date.now.bind(Date);
      const shift = clockShiftMs;
      Date.now = () => realNow() + shift;
      res.on('finish', () => (Date.now = realNow));
    }
    void handle(req, res);
  });
  return {
    issuer,
    accounts,
    shiftClockForNextTokens: (ms: number) => (clockShiftMs = ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Follows redirects with a cookie jar, answering the provider's login form; stops at the app's callback. */
export class TestBrowser {
  private cookies = new Map<string, string>();

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }

  /** From the provider's authorization URL to the URL it sends the browser back to (our callback). */
  async signInAtProvider(authorizationUrl: string, login: string, callbackPrefix: string): Promise<URL> {
    let url = authorizationUrl;
    let method = 'GET';
    let body: string | undefined;
    for (let hop = 0; hop < 15; hop++) {
      const res = await fetch(url, {
        method,
        redirect: 'manual',
        headers: {
          cookie: this.cookieHeader(),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body,
      });
      this.keep(res);
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.href.startsWith(callbackPrefix)) return next;
        url = next.href;
        method = 'GET';
        body = undefined;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action)
        throw new Error(`provider answered ${res.status} without a form: ${html.slice(0, 300)}`);
      url = new URL(action.replace(/&amp;/g, '&'), url).href;
      method = 'POST';
      // The development forms post to one address and say which prompt they answer.
      body = new URLSearchParams(
        /name="login"/.test(html) ? { prompt: 'login', login, password: 'any' } : { prompt: 'consent' },
      ).toString();
    }
    throw new Error('too many redirects at the provider');
  }
}
