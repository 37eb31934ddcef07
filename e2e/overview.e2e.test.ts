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

// The overview after work in steps 1, 2 and 4 (issue 18): it says per step what is true from live
// data (scope approved on…, SoA v1 approved, a risk above the acceptance level), the next three
// things to do with links that land, recent activity across record types, and the open tasks.

const OWNER = {
  name: 'Olga Owner',
  email: 'olga@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Delta Insurance',
};

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
let call: Api;
const problems: string[] = [];
const today = new Date().toISOString().slice(0, 10);

async function ok<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(method, `/api/orgs/${orgId}${path}`, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: call } = await setUpOwner(running.baseUrl, OWNER));
  // Step 1: a gap assessment with a few answers.
  const gap = await ok<{ id: string; items: { ref: string; version: number }[] }>('POST', '/gap-assessments', {
    name: 'Baseline',
  });
  const items =
    gap.items ?? (await ok<{ items: { ref: string; version: number }[] }>('GET', `/gap-assessments/${gap.id}`)).items;
  for (const item of items.slice(0, 2))
    await ok('PATCH', `/gap-assessments/${gap.id}/items/${item.ref}`, {
      version: item.version,
      status: 'done',
      result: 'partially_conformant',
    });
  const a624 = items.find((i) => i.ref === 'A.6.2.4')!;
  await ok('PATCH', `/gap-assessments/${gap.id}/items/A.6.2.4`, {
    version: a624.version,
    status: 'done',
    result: 'nonconformant',
  });
  // Step 2: an AI system in an approved scope, approved risk criteria.
  const system = await ok<{ id: string }>('POST', '/ai-systems', {
    name: 'Claims chatbot',
    intendedPurpose: 'Answers policyholders about their claims.',
    aiRoles: ['provider'],
    lifecycleStage: 'operation',
  });
  const scope = await ok<{ version: number }>('PATCH', '/scope', {
    version: 0,
    units: ['Claims'],
    aiSystemIds: [system.id],
  });
  await ok('POST', '/scope/approve', { version: scope.version });
  const criteria = await ok<{ draft: { version: number } }>('GET', '/risk-criteria');
  await ok('POST', '/risk-criteria/approve', { version: criteria.draft.version });
  // Step 4: every SoA control decided and version 1 approved (before any risk: the SoA refuses approval
  // while a high risk is untreated), then a critical untreated risk, an open task.
  const soa = await ok<{ items: { ref: string; version: number }[] }>('GET', '/soa');
  for (const item of soa.items)
    await ok('PATCH', `/soa/items/${item.ref}`, {
      version: item.version,
      included: true,
      justification: `Applied to the claims chatbot's life cycle (${item.ref})`,
    });
  const decided = await ok<{ version: number }>('GET', '/soa');
  await ok('POST', '/soa/approve', {
    version: decided.version,
    acknowledgement: 'Implementation statuses are set at the first control review',
  });
  await ok('POST', '/risks', {
    title: 'Chatbot invents claim decisions',
    source: 'C.3.3',
    likelihood: 5,
    consequence: 5,
    aiSystemId: system.id,
  });
  const me = (await call<{ user: { id: string } }>('GET', '/api/me')).body.user;
  await ok('POST', '/actions', {
    title: 'Brief the claims team on the chatbot limits',
    ownerId: me.id,
    dueDate: '2099-01-31',
  });
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: orgUrl });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('the overview after steps 1, 2 and 4', () => {
  it('says per step what is true today', async () => {
    await page
      .getByTestId('step-implementation')
      .getByText(/SoA v1 approved/)
      .waitFor();
    await screenshot(page, 'overview-after-steps');
    await expect.poll(() => page.getByTestId('step-gap-analysis').getAttribute('data-state')).toBe('in_progress');
    await expect
      .poll(() => page.getByTestId('step-gap-analysis').innerText())
      .toMatch(/3 of \d+ requirements and controls answered/);
    const scope = await page.getByTestId('step-scope').innerText();
    expect(scope).toContain(`Scope approved on ${today} (revision 1)`);
    expect(scope).toContain(`Risk criteria No. 1 approved on ${today}`);
    const impl = await page.getByTestId('step-implementation').innerText();
    expect(impl).toContain(`SoA v1 approved on ${today}`);
    expect(impl).toContain('1 open risk, 1 above the acceptance level (Medium) with no treatment or acceptance');
    await expect.poll(() => page.getByTestId('step-internal-audit').getAttribute('data-state')).toBe('not_started');
  });

  it('lists the next three things to do, and their links land', async () => {
    const next = page.getByTestId('next-things').getByRole('link');
    await expect.poll(() => next.count()).toBe(3);
    const labels = await next.allInnerTexts();
    // One per step under way, in journey order.
    expect(labels[0]).toMatch(/^Answer the gap questionnaire \(\d+ left\)$/);
    expect(labels[1]).toBe('Record the context and your AI roles');
    // Each step's card carries its own next things.
    await page
      .getByTestId('step-implementation')
      .getByRole('link', { name: /Treat or accept the risks above the acceptance level \(1\)/ })
      .click();
    await page.waitForURL(`${orgUrl}/risks?attention=true`);
    await page
      .getByRole('link', { name: /Chatbot invents claim decisions/ })
      .first()
      .waitFor();
    await page.goBack();
    await page.getByTestId('next-things').waitFor();
  });

  it('shows recent activity across records and the open tasks', async () => {
    const recent = await page.getByTestId('recent-activity').innerText();
    // Newest first: the task, then the SoA approval; older entries from step 2 further down.
    expect(recent).toContain('Action: Brief the claims team on the chatbot limits');
    expect(recent).toContain('Statement of Applicability');
    await expect
      .poll(() => page.getByTestId('org-tasks').innerText())
      .toContain('Brief the claims team on the chatbot limits');
    // The task's owner, read from the overview's people map (issue 19).
    expect(await page.getByTestId('org-tasks').innerText()).toContain(OWNER.name);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the gap result beside the SoA control and applies it as the implementation status', async () => {
    await page.goto(`${orgUrl}/soa`);
    const row = page.locator('tr[data-ref="A.6.2.4"]');
    await expect.poll(() => row.getByTestId('soa-gap-result').innerText()).toContain('Gap: Nonconformant');
    await row.getByRole('button', { name: 'Use “Planned” for A.6.2.4, from the gap analysis' }).click();
    await row.getByRole('button', { name: /from the gap analysis/ }).waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('td[data-column="status"]').innerText()).toMatch(/^Planned/);
    expect(problems).toEqual([]);
  });

  it('imports the inventory CSV in the browser: the plan first, then updates and additions, no duplicates', async () => {
    // The signed-in page's own export (its session cookie), as a user would download it.
    const csv = await (await page.request.get(`${running.baseUrl}/api/orgs/${orgId}/ai-systems/export.csv`)).text();
    const [header, ...rows] = csv.trim().split('\n');
    const file = [header, ...rows, 'New intake bot,,Sorts incoming claims,provider,idea,,,,,,'].join('\n');
    await page.goto(`${orgUrl}/ai-systems`);
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import AI systems from CSV' });
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'inventory.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await expect
      .poll(() => dialog.getByTestId('import-plan').innerText())
      .toContain('1 to add, 0 to update, 1 unchanged');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = await call<{ total: number }>('GET', `/api/orgs/${orgId}/ai-systems`);
    expect(list.body.total).toBe(2);
    expect(problems).toEqual([]);
  });
});
