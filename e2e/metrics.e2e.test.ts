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
import { apiClient, setUpOwner, signedInPage, type OwnerSession } from './session';

// Monitoring (9.1) end to end: a pipeline pushes a measurement over a metric's threshold with a
// measurements-only API token, and the breach's action appears in the owner's "my tasks"; the
// metric page charts the values with the threshold; the objectives register shows progress.

const OWNER = {
  name: 'Mona Owner',
  email: 'mona@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Foxtrot Analytics',
};

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
let metricId = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  const me = await owner.api<{ user: { id: string } }>('GET', '/api/me');
  const metric = await owner.api<{ id: string }>('POST', `/api/orgs/${owner.orgId}/metrics`, {
    name: 'Drift score',
    frequency: 'daily',
    upperThreshold: 0.2,
    target: 0.05,
    ownerId: me.body.user.id,
  });
  expect(metric.status).toBe(201);
  metricId = metric.body.id;
  const objective = await owner.api<{ id: string }>('POST', `/api/orgs/${owner.orgId}/objectives`, {
    title: 'Keep drift low',
    baseline: 0.3,
    target: 0.1,
    annexCRef: 'C.2.8',
    ownerId: me.body.user.id,
  });
  await owner.api('POST', `/api/orgs/${owner.orgId}/objectives/${objective.body.id}/progress`, {
    onDate: '2027-01-31',
    value: 0.2,
  });
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('Monitoring and objectives', () => {
  it('shows the objectives register with progress towards the target', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI objectives' }).click();
    await page.waitForURL(`${owner.orgUrl}/objectives`);
    await page.getByRole('link', { name: 'Keep drift low' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'AI objectives' }).innerText()).toContain('50%');
    // The owner is read from the answer's people (issue 19).
    await expect.poll(() => page.getByRole('table', { name: 'AI objectives' }).innerText()).toContain(OWNER.name);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('puts the action of a threshold breach pushed by a pipeline in "my tasks"', async () => {
    const created = await apiClient(running.baseUrl)<{ token: string }>(
      'POST',
      '/api/tokens',
      { name: 'drift pipeline', scope: 'measurements' },
      { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
    );
    expect(created.status).toBe(201);
    const pipeline = apiClient(running.baseUrl, created.body.token);
    const path = `/api/orgs/${owner.orgId}/metrics/M-1/measurements`;
    expect(
      (await pipeline('POST', path, { value: 0.08, at: new Date(Date.now() - 86_400_000).toISOString() })).status,
    ).toBe(201);
    const over = await pipeline<{ breach: string }>('POST', path, { value: 0.31 });
    expect(over.status).toBe(201);
    expect(over.body.breach).toBe('open');

    // A fresh load, as the person opening their task list after the pipeline ran.
    await page.goto(`${owner.orgUrl}/tasks`);
    const row = page
      .getByTestId('task-row')
      .filter({ hasText: 'M-1 Drift score: 0.31 is above the upper threshold (0.2)' });
    await row.waitFor();
    await row.getByRole('link', { name: 'M-1', exact: true }).click();
    await page.waitForURL(`${owner.orgUrl}/metrics/${metricId}`);
    await screenshot(page, '90-metric-breach-task');
  });

  it('charts the measurements with the threshold and shows the open breach on the metric page', async () => {
    await page.getByTestId('open-breach').waitFor();
    await expect.poll(() => page.getByTestId('metric-chart').getAttribute('data-points')).toBe('2');
    await page.getByText('Upper threshold 0.2').first().waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain(OWNER.name);
    await screenshot(page, '91-metric-page');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
