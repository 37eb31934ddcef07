import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser, screenshot, startServer, type Running } from './browser';
import { apiClient, setUpOwner, signedInPage, type Api } from './session';

// Accountability (5.3, issue 15) in the browser: the RACI page warns while the two assignments the
// clause names have no one Accountable, and stops once someone is; the members page marks a member
// external and names them top management.

const OWNER = {
  name: 'Alma Owner',
  email: 'alma@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Accountable Ltd',
};

const CONSULTANT = { name: 'Carl Consultant', email: 'carl@example.com' };

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
let apiCall: Api;
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  // A consultant who joins through an invitation: the member the owner marks external.
  const invitation = await apiCall<{ token: string }>('POST', `/api/orgs/${orgId}/invitations`, {
    email: CONSULTANT.email,
    role: 'manager',
  });
  expect(invitation.status).toBe(201);
  const accepted = await apiClient(running.baseUrl)('POST', `/api/invitations/${invitation.body.token}/accept`, {
    name: CONSULTANT.name,
    password: 'another long enough passphrase',
  });
  expect(accepted.status).toBe(200);
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('accountability (5.3)', () => {
  it('warns on the RACI page while the 5.3 assignments have no Accountable, and stops once they do', async () => {
    await page.goto(`${orgUrl}/raci`);
    const check = page.getByTestId('raci-accountability');
    await expect
      .poll(() => check.innerText())
      .toContain('Nobody is Accountable for "AIMS conformity to ISO/IEC 42001"');
    await expect
      .poll(() => check.innerText())
      .toContain('Nobody is Accountable for "Reporting AIMS performance to top management"');
    await screenshot(page, '90-raci-accountability-warning');

    const raci = await apiCall<{ items: { id: string; name: string; version: number }[] }>(
      'GET',
      `/api/orgs/${orgId}/raci`,
    );
    for (const a of raci.body.items.filter((x) => / 42001|to top management/.test(x.name)))
      expect(
        (
          await apiCall('PATCH', `/api/orgs/${orgId}/raci/${a.id}`, {
            version: a.version,
            assignments: [
              { assignee: { role: 'owner' }, letter: 'A' },
              { assignee: { role: 'manager' }, letter: 'R' },
            ],
          })
        ).status,
      ).toBe(200);
    await page.reload();
    await page.getByTestId('raci-summary').waitFor();
    await expect.poll(() => check.count()).toBe(0);
  });

  it('marks a consultant external and names them top management', async () => {
    await page.goto(`${orgUrl}/members`);
    await page.getByRole('button', { name: `Actions for ${CONSULTANT.name}` }).click();
    await page.getByRole('menuitem', { name: 'Change role or access' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('External', { exact: true }).click();
    await dialog.getByRole('checkbox', { name: 'Top management' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: CONSULTANT.name });
    await expect.poll(() => row.innerText()).toContain('Top management');
    await expect.poll(() => row.innerText()).toContain('External');
    await screenshot(page, '91-member-top-management');
    const members = await apiCall<{
      items: { user: { email: string }; affiliation: string; topManagement: boolean }[];
    }>('GET', `/api/orgs/${orgId}/members`);
    expect(members.body.items.find((m) => m.user.email === CONSULTANT.email)).toMatchObject({
      affiliation: 'external',
      topManagement: true,
    });
    expect(problems).toEqual([]);
  });
});
