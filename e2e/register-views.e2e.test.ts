import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  describeWithBrowser,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startServer,
  type Running,
} from './browser';
import { setUpOwner, signedInPage, type OwnerSession } from './session';

// The shared register table (issue 20 item 2) on the risk register: a filter and a hidden column
// saved as a named view on the server, found again after a reload and applied; rows chosen with the
// keyboard and the mouse, and one bulk action run on them.

const OWNER = {
  name: 'Vera Views',
  email: 'vera@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Foxtrot Mutual',
};

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
let me = '';
const problems: string[] = [];

const RISKS = [
  { title: 'Stale training data', kind: 'risk', source: 'C.3.4', likelihood: 3, consequence: 3 },
  { title: 'Prompt injection in the claims bot', kind: 'risk', source: 'C.3.7', likelihood: 2, consequence: 4 },
  { title: 'Faster claims triage', kind: 'opportunity', source: 'C.3.7', likelihood: 3, consequence: 2 },
];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  me = (await owner.api<{ user: { id: string } }>('GET', '/api/me')).body.user.id;
  // R-2 has an owner, the others none: the register names owners from the page's `people` (issue 19).
  for (const [i, r] of RISKS.entries())
    expect(
      (
        await owner.api('POST', `/api/orgs/${owner.orgId}/risks`, {
          ...r,
          aiSystemId: null,
          ownerId: i === 1 ? me : null,
        })
      ).status,
    ).toBe(201);
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const table = () => page.getByTestId('risk-table');
const refs = () =>
  table()
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
const headers = () => table().locator('thead th').allInnerTexts();

describeWithBrowser('register views and bulk actions', () => {
  it('saves a filter and a hidden column as a view, and finds and applies it after a reload', async () => {
    await page.goto(`${owner.orgUrl}/risks`);
    await page.locator('tr[data-ref="R-3"]').waitFor();
    expect(await headers()).toContain('Source');
    expect(await table().locator('tr[data-ref="R-2"]').innerText()).toContain(OWNER.name);
    expect(await table().locator('tr[data-ref="R-1"]').innerText()).not.toContain(OWNER.name);

    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Risk', exact: true }).click();
    await page.waitForURL(/kind=risk/);
    await expect.poll(refs).toEqual(['R-1', 'R-2']);

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('group', { name: 'Columns shown' }).getByRole('checkbox', { name: 'Source' }).click();
    await page.waitForURL(/hide=source/);
    await page.keyboard.press('Escape');
    await expect.poll(headers).not.toContain('Source');

    await page.getByRole('button', { name: 'Views', exact: true }).click();
    const views = page.getByTestId('saved-views');
    await views.getByText('No saved views yet', { exact: false }).waitFor();
    await views.getByRole('textbox', { name: 'View name' }).fill('Risks without source');
    await views.getByRole('button', { name: 'Save view' }).click();
    await page.getByText('View "Risks without source" saved').waitFor();
    // The view now shown is named on the button.
    await page.getByRole('button', { name: 'Views: Risks without source' }).waitFor();
    await screenshot(page, '120-register-view-saved');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // A reload of the bare address: every risk, every column; the view is kept on the server.
    await page.goto(`${owner.orgUrl}/risks`);
    await page.locator('tr[data-ref="R-3"]').waitFor();
    expect(await headers()).toContain('Source');
    await page.reload();
    await page.locator('tr[data-ref="R-3"]').waitFor();
    await page.getByRole('button', { name: 'Views', exact: true }).click();
    await page.getByTestId('saved-views').getByRole('button', { name: 'Risks without source', exact: true }).click();
    await page.waitForURL(/kind=risk/);
    expect(page.url()).toContain('hide=source');
    await expect.poll(refs).toEqual(['R-1', 'R-2']);
    await expect.poll(headers).not.toContain('Source');
    await expect.poll(() => page.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('Risk');
    const saved = await owner.api<{ items: { name: string }[] }>(
      'GET',
      `/api/orgs/${owner.orgId}/saved-views?register=risks`,
    );
    expect(saved.body.items.map((v) => v.name)).toEqual(['Risks without source']);
  });

  it('selects rows by keyboard and mouse, and closes them with one bulk action', async () => {
    // Keyboard: the first row takes focus, the arrow moves down, Space selects the row.
    await table().locator('tbody tr').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('R-2');
    await page.keyboard.press('Space');
    const bar = page.getByRole('region', { name: 'Actions on the selected rows' });
    await bar.getByText('1 selected').waitFor();
    await page.getByRole('checkbox', { name: 'Select R-1' }).check();
    await bar.getByText('2 selected').waitFor();
    await screenshot(page, '121-register-bulk-bar');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await bar.getByRole('button', { name: 'Close selected' }).click();
    await page.getByText('2 risks closed').waitFor();
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => table().getByText('Closed', { exact: true }).count()).toBe(2);
    const list = await owner.api<{ items: { ref: string; status: string }[] }>('GET', `/api/orgs/${owner.orgId}/risks`);
    expect(Object.fromEntries(list.body.items.map((r) => [r.ref, r.status]))).toEqual({
      'R-1': 'closed',
      'R-2': 'closed',
      'R-3': 'open',
    });

    // Enter opens the focused row.
    await table().locator('tr[data-ref="R-2"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'R-2 Prompt injection in the claims bot', level: 1 }).waitFor();
    // The risk's answer names its owner once, in `people`.
    await page.getByRole('main').getByText(OWNER.name, { exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it('renders only the rows in view of a long register, and the keyboard still reaches the last one', async () => {
    for (let n = 0; n < 120; n++)
      expect(
        (
          await owner.api('POST', `/api/orgs/${owner.orgId}/risks`, {
            title: `Bulk-loaded risk ${n}`,
            kind: 'risk',
            source: 'C.3.4',
            likelihood: 1,
            consequence: 1,
            aiSystemId: null,
            // The last one is on the second page: its owner comes from that page's `people`.
            ownerId: n === 119 ? me : null,
          })
        ).status,
      ).toBe(201);
    // Sorted by ref: the register reads every page first (123 risks), past the virtualization threshold.
    await page.goto(`${owner.orgUrl}/risks?sort=ref&order=asc`);
    await page.getByText('123 risks', { exact: true }).waitFor();
    const rendered = await table().locator('tbody tr[data-ref]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(123);
    await table().locator('tr[data-ref="R-1"]').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('R-123');
    expect(await table().locator('tr[data-ref="R-123"]').innerText()).toContain(OWNER.name);
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe('R-1');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
