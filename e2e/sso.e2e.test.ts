import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CLIENT, startProvider } from '../apps/server/test/oidc-provider';
import {
  describeWithBrowser,
  freePort,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startServer,
  type Running,
} from './browser';
import { openPage, setUpOwner } from './session';

// Single sign-on as a person meets it: the sign-in page offers the company's identity provider,
// its own login page signs them in (here oidc-provider's development form, a real OpenID
// provider), and they land in the organization that invited them, with the invited role.

const OWNER = {
  name: 'Olga Owner',
  email: 'olga@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Delta Insurance',
};
const INVITED = { sub: 'sam.sso', email: 'sam@delta.example', name: 'Sam Signon' };

describeWithBrowser('single sign-on through an OpenID provider', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let running: Running;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    // The app's address must be known before it starts: the provider sends browsers back to it.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    provider = await startProvider(`${publicUrl}/api/auth/sso/callback`);
    running = await startServer({
      port,
      env: {
        PUBLIC_URL: publicUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.id,
        OIDC_CLIENT_SECRET: CLIENT.secret,
        OIDC_SCOPES: 'openid email profile groups',
        OIDC_LABEL: 'Delta login',
        OIDC_ALLOW_HTTP: 'true',
      },
    });
    browser = await launchBrowser();
    const { orgId, api } = await setUpOwner(running.baseUrl, OWNER);
    expect(
      (await api('POST', `/api/orgs/${orgId}/invitations`, { email: INVITED.email, role: 'contributor' })).status,
    ).toBe(201);
    provider.accounts.set(INVITED.sub, { email: INVITED.email, email_verified: true, name: INVITED.name });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await provider?.close();
  });

  it('signs an invited person in through the provider’s login page, into their organization', async () => {
    const page = await openPage(browser, { problems });
    await page.goto(`${running.baseUrl}/login`);
    const button = page.getByRole('link', { name: 'Sign in with Delta login' });
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sso-login');
    expect(problems).toEqual([]);
    await button.click();

    // The provider's own page (not ours): any password signs in as the login typed.
    await page.waitForURL(new RegExp(`^${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(INVITED.sub);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();

    await page.waitForURL(new RegExp(`^${running.baseUrl}/orgs/`));
    // The provider's development page fetches outside resources this machine cannot reach: its
    // console errors are not ours. Our landing page, loaded again, must be clean.
    problems.length = 0;
    await page.reload();
    await expect.poll(() => page.getByText(OWNER.organizationName).first().isVisible()).toBe(true);
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ user: { email: INVITED.email, name: INVITED.name } });
    expect(problems).toEqual([]);
  });

  it('explains a refused sign-in on the sign-in page', async () => {
    const page = await openPage(browser, { problems });
    await page.goto(`${running.baseUrl}/login?sso_error=no_account`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/You have no Fortytwo account yet/);
  });
});
