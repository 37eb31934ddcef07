import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  describeWithBrowser,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startServer,
  type Running,
} from './browser';
import { openPage } from './session';

// One journey through the real app: first-run setup, sign out and in, add an AI system through
// the form, edit it, read its history and the organization's audit trail. Steps share one page.

const OWNER = {
  name: 'Ada Governance',
  email: 'ada@example.com',
  password: 'correct horse battery staple',
  org: 'Acme Robotics',
};
const SYSTEM = {
  name: 'Support chatbot',
  purpose: 'Answers customer questions about orders and returns, with a human fallback.',
};

let running: Running;
let browser: Browser;
let page: Page;
let orgUrl = '';
let systemUrl = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('main flow', () => {
  it('serves the app under its strict CSP without inline scripts', async () => {
    const res = await fetch(`${running.baseUrl}/`);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    // A context that enforces the CSP (the others bypass it to inject axe-core).
    const strict = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    const p = await strict.newPage();
    const violations: string[] = [];
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await p.goto(`${running.baseUrl}/`);
    await p.getByRole('heading', { name: 'Set up Fortytwo' }).waitFor();
    expect(violations).toEqual([]);
    await strict.close();
  });

  it('runs first-run setup', async () => {
    page = await openPage(browser, { problems, allowStatuses: [409] });
    await page.goto(`${running.baseUrl}/`);
    await page.waitForURL('**/setup');
    await page.getByLabel('Your name').fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('short');
    await page.getByText('Password must be at least 12 characters').waitFor();
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByLabel('Organization name').fill(OWNER.org);
    await screenshot(page, '01-setup');
    await page.getByRole('button', { name: 'Create account and organization' }).click();
    await page.waitForURL(/\/orgs\/[^/]+$/);
    orgUrl = page.url();
    await page.getByRole('heading', { name: OWNER.org }).waitFor();
    await page.getByText('Guided start').waitFor();
    await screenshot(page, '02-dashboard-empty');
    await page.getByRole('button', { name: /Switch organization/ }).click();
    await page.getByRole('menuitem', { name: 'Create organization' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('signs out and back in', async () => {
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /email or password/i })
      .waitFor();
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(orgUrl);
    await page.getByRole('heading', { name: OWNER.org }).waitFor();
  });

  it('teaches with an empty inventory and passes axe', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /AI system inventory/ })
      .click();
    await page.waitForURL('**/ai-systems');
    await page.getByText('Start your AI system inventory').waitFor();
    await screenshot(page, '03-inventory-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates an AI system through the form, with validation as you type', async () => {
    await page.getByRole('link', { name: 'Add your first AI system' }).click();
    await page.waitForURL('**/ai-systems/new');
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('x');
    await name.fill('');
    await page.getByText('Name is required').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await name.fill(SYSTEM.name);
    await expect.poll(() => page.getByText('Name is required').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Intended purpose' }).fill(SYSTEM.purpose);
    await page.getByRole('combobox', { name: 'AI roles' }).click();
    await page.getByRole('option', { name: 'Provider' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Lifecycle stage' }).click();
    await page.getByRole('option', { name: 'Design' }).click();
    await page.getByRole('combobox', { name: 'Tags' }).fill('customer-facing');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: `${OWNER.name} (${OWNER.email})` }).click();
    await screenshot(page, '04-form-filled');
    await page.getByRole('button', { name: 'Add AI system' }).click();
    await page.waitForURL(/\/ai-systems\/(?!new)[^/]+$/);
    systemUrl = page.url();
    await page.getByRole('heading', { name: SYSTEM.name }).waitFor();
    await page.getByText('customer-facing').waitFor();
    // The owner is read from the answer's people map (issue 19).
    await page.getByText(`${OWNER.name} (${OWNER.email})`).waitFor();
    await screenshot(page, '05-detail');
  });

  it('edits the lifecycle stage', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL('**/edit');
    await page.getByRole('combobox', { name: 'Lifecycle stage' }).click();
    await page.getByRole('option', { name: 'Deployment' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(systemUrl);
    await page.getByText('Deployment', { exact: true }).waitFor();
  });

  it('shows the creation and the update in the History tab', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const entries = page.getByTestId('history-entry');
    await entries.first().waitFor();
    expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
      'ai_system.updated',
      'ai_system.created',
    ]);
    const change = page.locator(
      '[data-testid="history-entry"][data-action="ai_system.updated"] tr[data-field="lifecycleStage"]',
    );
    await expect.poll(() => change.innerText()).toMatch(/Lifecycle stage\s+Design\s+Deployment/);
    await screenshot(page, '06-history');
  });

  it('lists the system with sort, filters and search; passes axe', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /AI system inventory/ })
      .click();
    await page.waitForURL('**/ai-systems');
    await page.getByRole('link', { name: SYSTEM.name }).waitFor();
    await page.getByText('Showing 1 of 1 AI system').waitFor();
    await page
      .getByRole('row', { name: new RegExp(SYSTEM.name) })
      .getByText(OWNER.name)
      .waitFor();
    await page.locator('body').press('/');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('search');
    await page.keyboard.type('nothing like this');
    await page.getByText('No AI system matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('link', { name: SYSTEM.name }).waitFor();
    await screenshot(page, '07-inventory-list');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the events in the audit trail and verifies the chain', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL('**/audit-trail');
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    for (const action of ['organization.created', 'ai_system.created', 'ai_system.updated']) {
      await table.locator(`tr[data-action="${action}"]`).first().waitFor();
    }
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => page.getByTestId('verify-result').innerText()).toMatch(/Chain verified[\s\S]*intact/);
    await screenshot(page, '08-audit-trail');
    await page.goto(orgUrl);
    await page.getByText('Guided start').waitFor();
    await page.getByRole('img', { name: /AI systems by lifecycle stage/ }).waitFor();
    await screenshot(page, '09-dashboard');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

// Each step's page errors fail that step (the one that caused them), never a closing check that passes
// trivially when the steps before it did not run. The strict-CSP step watches its own page.
afterEach(() => {
  const found = problems.splice(0);
  expect(found).toEqual([]);
});
