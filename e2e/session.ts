import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

// The set-up most browser tests share: the first owner created through the API, a JSON client for
// the test's own API calls, and a signed-in page whose errors are collected for the last step to check.

export type Credentials = { email: string; password: string };
export type Owner = Credentials & { name: string; organizationName: string };

export type ApiResponse<T> = { status: number; body: T; headers: Headers };
/** Calls the server's JSON API: sends `body` as JSON and parses the answer (empty answers give undefined). */
export type Api = <T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ApiResponse<T>>;

/** A JSON client for `baseUrl`, signed with the API token when one is given (no cookie, so no CSRF token needed). */
export function apiClient(baseUrl: string, bearer = ''): Api {
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  };
}

export type OwnerSession = {
  orgId: string;
  /** The organization's home page, where signing in lands. */
  orgUrl: string;
  /** The owner's session cookie and its CSRF token, from the set-up answer. */
  cookie: string;
  csrfToken: string;
  /** Signed with an API token named "e2e" unless `apiToken: false`; then it sends no credentials of its own. */
  api: Api;
};

/**
 * First-run set-up through the API (POST /api/setup) for a fresh server: the owner and their organization.
 * By default it also creates an API token named "e2e" so the test's own calls skip cookies and CSRF;
 * tests that make none pass `apiToken: false` and leave the token list as the app starts it.
 */
export async function setUpOwner(baseUrl: string, owner: Owner, { apiToken = true } = {}): Promise<OwnerSession> {
  const setup = await apiClient(baseUrl)<{ organization: { id: string }; csrfToken: string }>(
    'POST',
    '/api/setup',
    owner,
  );
  expect(setup.status).toBe(201);
  const orgId = setup.body.organization.id;
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = setup.body;
  const bearer = apiToken
    ? (
        await apiClient(baseUrl)<{ token: string }>(
          'POST',
          '/api/tokens',
          { name: 'e2e' },
          { cookie, 'x-csrf-token': csrfToken },
        )
      ).body.token
    : '';
  return { orgId, orgUrl: `${baseUrl}/orgs/${orgId}`, cookie, csrfToken, api: apiClient(baseUrl, bearer) };
}

export type PageOptions = {
  /** Where page errors and unexpected console errors go (the test checks it stays empty); without it nothing is watched. */
  problems?: string[];
  /**
   * HTTP statuses the test provokes on purpose (a stale save's 409, a refused import's 422...): the browser logs
   * each failed request as a console error, which is then not a problem. 401 is always allowed: the sign-in
   * page asks who is signed in before anyone is.
   */
  allowStatuses?: readonly number[];
  acceptDownloads?: boolean;
};

/** Collects the page's uncaught errors and console errors into `problems`, except the expected HTTP statuses. */
export function watchPage(page: Page, problems: string[], allowStatuses: readonly number[] = []) {
  const expected = new RegExp(`status of (${[401, ...allowStatuses].join('|')})`);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.test(m.text())) problems.push(`console: ${m.text()}`);
  });
}

/**
 * A page in its own context, the same for every test so screenshots compare: 1280×800, light scheme, and the
 * CSP bypassed so axe-core can be injected (main-flow checks the CSP itself in a strict context).
 */
export async function openPage(
  browser: Browser,
  { problems, allowStatuses, acceptDownloads }: PageOptions = {},
): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    bypassCSP: true,
    ...(acceptDownloads === undefined ? {} : { acceptDownloads }),
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(10_000);
  if (problems) watchPage(page, problems, allowStatuses);
  return page;
}

/** Signs in through the login form and waits for the landing page (by default any organization page). */
export async function signIn(page: Page, baseUrl: string, user: Credentials, landing: string | RegExp = /\/orgs\//) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
}

/** `openPage` then `signIn`: the page most tests share across their steps. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  user: Credentials,
  options: PageOptions & { landing?: string | RegExp } = {},
): Promise<Page> {
  const page = await openPage(browser, options);
  await signIn(page, baseUrl, user, options.landing);
  return page;
}
