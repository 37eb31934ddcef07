import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser, seriousA11yViolations, startServer, type Running } from './browser';
import { setUpOwner, signedInPage, type Api } from './session';

// Issue 16 items 4 and 5 through the browser: a supplier added from the AI system's Suppliers tab
// with its AI due diligence, found in the register by a filter kept in the address; then the
// system classified under the EU AI Act, whose class, FRIA prompt and obligations follow.

const OWNER = {
  name: 'Tariq Thirdparty',
  email: 'tariq@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Delta Credit',
};

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let systemId = '';
let apiCall: Api;
const problems: string[] = [];

const systemUrl = (tab: string) => `${running.baseUrl}/orgs/${orgId}/ai-systems/${systemId}?tab=${tab}`;

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  const created = await apiCall<{ id: string }>('POST', `/api/orgs/${orgId}/ai-systems`, {
    name: 'Loan approval assistant',
    intendedPurpose: 'Suggests approve or refer for consumer loan applications.',
    aiRoles: ['customer'],
    lifecycleStage: 'operation',
  });
  expect(created.status).toBe(201);
  systemId = created.body.id;
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('data, suppliers and the EU AI Act', () => {
  it('adds a supplier with its AI due diligence from the AI system page', async () => {
    await page.goto(systemUrl('suppliers'));
    await page.getByRole('heading', { name: 'Suppliers of this AI system (A.10)' }).waitFor();
    await page.getByRole('button', { name: 'Add supplier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add supplier' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Scoring Models Ltd');
    await dialog.getByRole('textbox', { name: 'What they supply' }).fill('Hosted credit-scoring model API');
    await dialog.getByRole('textbox', { name: 'Where data is processed' }).fill('EU (Dublin)');
    await dialog.getByRole('checkbox', { name: 'No training on our inputs or outputs' }).check();
    await dialog.getByRole('checkbox', { name: 'Incident notification' }).check();
    await dialog.getByRole('textbox', { name: 'Last reviewed on' }).fill('2024-02-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Suppliers' });
    await expect.poll(() => table.innerText()).toContain('Scoring Models Ltd');
    await expect.poll(() => table.innerText()).toContain('Review overdue');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('finds the supplier in the register by a filter kept in the address', async () => {
    // Its owner named through the API: the supplier page reads them from the answer's people (issue 19).
    const me = await apiCall<{ user: { id: string } }>('GET', '/api/me');
    const list = await apiCall<{ items: { id: string; version: number }[] }>('GET', `/api/orgs/${orgId}/suppliers`);
    const [sup] = list.body.items;
    const owned = await apiCall('PATCH', `/api/orgs/${orgId}/suppliers/${sup!.id}`, {
      version: sup!.version,
      ownerId: me.body.user.id,
    });
    expect(owned.status).toBe(200);
    await page.goto(`${running.baseUrl}/orgs/${orgId}/suppliers?review=overdue`);
    await page.getByRole('heading', { name: 'Suppliers', exact: true }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Suppliers' }).innerText()).toContain('SUP-1');
    await page.getByRole('link', { name: 'Scoring Models Ltd' }).click();
    await page.getByRole('heading', { name: 'SUP-1 Scoring Models Ltd' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('EU (Dublin)');
    await expect.poll(() => page.locator('main').innerText()).toContain(OWNER.name);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("shows the data set of the system with its owner, read from the answer's people", async () => {
    const me = await apiCall<{ user: { id: string } }>('GET', '/api/me');
    const created = await apiCall('POST', `/api/orgs/${orgId}/data-sets`, {
      name: 'Loan applications 2024',
      ownerId: me.body.user.id,
      aiSystemIds: [systemId],
    });
    expect(created.status).toBe(201);
    await page.goto(systemUrl('data'));
    await expect.poll(() => page.locator('main').innerText()).toContain('Loan applications 2024');
    await expect.poll(() => page.locator('main').innerText()).toContain(OWNER.name);
  });

  it('classifies the system under the EU AI Act and shows the FRIA prompt and obligations', async () => {
    await page.goto(systemUrl('ai-act'));
    const cls = page.getByTestId('ai-act-class');
    await expect.poll(() => cls.innerText()).toBe('Not yet screened');
    await page.getByRole('checkbox', { name: /screened against the prohibited practices/ }).check();
    await page.getByRole('combobox', { name: 'Annex III category' }).click();
    await page.getByRole('option', { name: '5(b) Creditworthiness and credit scoring' }).click();
    await page.getByRole('checkbox', { name: 'Deployer' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => cls.innerText()).toBe('High-risk');
    await expect.poll(() => page.locator('main').innerText()).toContain('Required (Art. 27)');
    const obligations = page.getByRole('table', { name: 'Obligations' });
    await expect.poll(() => obligations.innerText()).toContain('Art. 26');
    await expect.poll(() => obligations.innerText()).toContain('Art. 27');
    await expect.poll(() => obligations.innerText()).toContain('6.1.4');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
