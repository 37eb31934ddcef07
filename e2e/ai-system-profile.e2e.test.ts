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
import { setUpOwner, signedInPage, type Api } from './session';

// An AI system's resources and use (A.4): the checklist of what is missing and why it matters,
// rows validated with the domain schema, a save that shrinks the checklist, a colleague's save in
// between that overwrites nothing (the details and the profile share one version), and the history.

const OWNER = {
  name: 'Priya Profile',
  email: 'priya@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Gamma Lending',
};
const GAPS_BEFORE = 8;

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let systemId = '';
let apiCall: Api;
const problems: string[] = [];

const systemUrl = (suffix = '') => `${running.baseUrl}/orgs/${orgId}/ai-systems/${systemId}${suffix}`;
const gaps = () => page.getByTestId('profile-gap');

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  const created = await apiCall<{ id: string }>('POST', `/api/orgs/${orgId}/ai-systems`, {
    name: 'Credit pre-screening',
    intendedPurpose: 'Ranks loan applications for a human credit officer to review first.',
    aiRoles: ['provider'],
    lifecycleStage: 'development',
  });
  expect(created.status).toBe(201);
  systemId = created.body.id;

  // 409: the stale save this test provokes on purpose.
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, allowStatuses: [409] });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('AI system resources and use', () => {
  it('shows what is still missing and why it matters before anything is recorded', async () => {
    await page.goto(systemUrl());
    await page.getByRole('heading', { name: 'Credit pre-screening' }).waitFor();
    await page.getByRole('tab', { name: 'Resources & use' }).click();
    await page.waitForURL(/\?tab=resources$/);
    await page.getByRole('heading', { name: 'What is still missing' }).waitFor();
    await expect.poll(() => gaps().count()).toBe(GAPS_BEFORE);
    await page.getByText('0 of 8 recorded').waitFor();
    await page.getByText(/Control group A\.4 of ISO\/IEC 42001 expects these resources/).waitFor();
    await screenshot(page, 'profile-01-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('validates a dataset row as you go, with the same schema as the server', async () => {
    await page.getByRole('link', { name: 'Describe resources and use' }).click();
    await page.waitForURL('**/profile/edit');
    await page.getByRole('heading', { name: 'Resources and use of Credit pre-screening' }).waitFor();
    await page.getByRole('button', { name: 'Add a dataset' }).click();
    // The new row takes the focus; leaving its required name empty shows the domain's message.
    const dataset = page.getByRole('group', { name: /^Dataset 1/ });
    const name = dataset.getByRole('textbox', { name: 'Dataset name' });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await dataset.getByText('Dataset name is required').waitFor();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await name.fill('Loan applications 2019–2024');
    await expect.poll(() => dataset.getByText('Dataset name is required').count()).toBe(0);
  });

  it('records a dataset, a tool, where it runs, its use and misuse, who it affects and its oversight', async () => {
    const dataset = page.getByRole('group', { name: /^Dataset 1/ });
    await dataset.getByRole('textbox', { name: 'Origin' }).fill('Our loan book, exported from the core banking system');
    await dataset.getByRole('checkbox', { name: 'Training' }).check();
    await dataset.getByRole('checkbox', { name: 'Test' }).check();
    await dataset.getByRole('switch', { name: /Contains personal data/ }).check();
    await dataset.getByRole('textbox', { name: 'Retention' }).fill('7 years after the loan closes');
    await dataset.getByRole('textbox', { name: 'Known bias' }).fill('Few applicants under 25 before 2021.');
    await screenshot(page, 'profile-02-dataset-row');

    await page.getByRole('button', { name: 'Add a tool' }).click();
    const tool = page.getByRole('group', { name: 'Tool 1' });
    await tool.getByRole('textbox', { name: 'Tool name' }).fill('scikit-learn');
    await tool.getByRole('textbox', { name: 'What it is used for' }).fill('Training and evaluating the ranking model');

    await page.getByRole('combobox', { name: 'Location' }).click();
    await page.getByRole('option', { name: 'Cloud' }).click();
    await page
      .getByRole('textbox', { name: 'Computing details' })
      .fill('EU region of our cloud provider, two CPU nodes.');
    await page
      .getByRole('textbox', { name: 'Intended use' })
      .fill(
        'Orders incoming applications so credit officers review the clearest cases first; every decision stays with an officer.',
      );
    await page
      .getByRole('textbox', { name: 'Foreseeable misuse' })
      .fill('Rejecting applicants on the score alone, without an officer’s review.');
    const groups = page.getByRole('combobox', { name: 'Affected individuals and groups' });
    await groups.fill('Loan applicants');
    await page.keyboard.press('Enter');
    await groups.fill('Credit officers');
    await page.keyboard.press('Enter');
    await page
      .getByRole('textbox', { name: 'Human oversight measures' })
      .fill('An officer reviews every application; the score is advisory and can be overridden with a reason.');
    await page.getByRole('group', { name: 'Tool 1' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'profile-03-form-filled');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/ai-systems\/[^/]+\?tab=resources$/);
    // Only the people (A.4.6) are still missing.
    await page.getByText('7 of 8 recorded').waitFor();
    await expect.poll(() => gaps().allInnerTexts()).toEqual([expect.stringMatching(/No human resources recorded/)]);
    const table = page.getByTestId('profile-datasets');
    await expect
      .poll(() => table.innerText())
      .toMatch(/Loan applications 2019–2024[\s\S]*Training\s+Test\s+Yes[\s\S]*7 years after the loan closes/);
    await page.getByTestId('profile-tools').getByText('scikit-learn').waitFor();
    await page.getByTestId('profile-compute').getByText('Cloud', { exact: true }).waitFor();
    await page.getByTestId('profile-affected').getByText('Credit officers').waitFor();
    await screenshot(page, 'profile-04-view');
    await page.getByTestId('profile-compute').scrollIntoViewIfNeeded();
    await screenshot(page, 'profile-05-view-lower');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const saved = await apiCall<{
      version: number;
      gaps: string[];
      dataResources: { personalData: boolean; uses: string[] }[];
    }>('GET', `/api/orgs/${orgId}/ai-systems/${systemId}/profile`);
    expect(saved.body).toMatchObject({
      version: 2,
      gaps: ['No human resources recorded (A.4.6)'],
      dataResources: [{ personalData: true, uses: ['training', 'test'] }],
    });
  });

  it('never overwrites a colleague: their save of the details in between shows, and yours is re-applied', async () => {
    await page.getByRole('link', { name: 'Edit resources & use' }).click();
    await page.waitForURL('**/profile/edit');
    await page.getByRole('button', { name: 'Add a role' }).click();
    const role = page.getByRole('group', { name: 'Role 1' });
    await role.getByRole('textbox', { name: 'Role' }).fill('Credit risk data scientist');
    await role
      .getByRole('textbox', { name: 'Skills and competence needed' })
      .fill('Fairness testing of scoring models');
    // Meanwhile a colleague (the API) changes the system's risk tier: the shared version moves on.
    const theirs = await apiCall('PATCH', `/api/orgs/${orgId}/ai-systems/${systemId}`, {
      version: 2,
      riskTier: 'high',
    });
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByTestId('stale-conflict');
    await conflict.waitFor();
    await expect
      .poll(() => conflict.innerText())
      .toMatch(/People and skills\s+—\s+Credit risk data scientist: Fairness testing of scoring models/);
    await screenshot(page, 'profile-06-stale-conflict');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Load their version and re-apply my changes' }).click();
    await expect
      .poll(() => page.getByRole('group', { name: 'Role 1' }).getByRole('textbox', { name: 'Role' }).inputValue())
      .toBe('Credit risk data scientist');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\?tab=resources$/);
    await page.getByText('8 of 8 recorded').waitFor();
    await expect.poll(() => gaps().count()).toBe(0);
    await page.getByTestId('profile-roles').getByText('Credit risk data scientist').waitFor();
    const system = await apiCall<{ riskTier: string; version: number }>(
      'GET',
      `/api/orgs/${orgId}/ai-systems/${systemId}`,
    );
    expect(system.body).toMatchObject({ riskTier: 'high', version: 4 });
  });

  it('shows the profile saves in the History tab, part by part', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const entries = page.getByTestId('history-entry');
    await entries.first().waitFor();
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
      'ai_system.profile_updated',
      'ai_system.updated',
      'ai_system.profile_updated',
      'ai_system.created',
    ]);
    const first = entries.first();
    await first.getByText('Changed resources & use').waitFor();
    await expect
      .poll(() => first.locator('tr[data-field="humanResources"]').innerText())
      .toMatch(/People and skills\s+—\s+Credit risk data scientist/);
    await screenshot(page, 'profile-07-history');
    expect(problems).toEqual([]);
  });
});
