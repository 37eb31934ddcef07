import fs from 'node:fs';
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

// Management review (9.3) end to end: plan a review chaired by top management, see the input pack
// compiled from the registers with the inputs still missing flagged, hold it (the pack freezes), and
// download the minutes as PDF.

const OWNER = {
  name: 'Rita Chair',
  email: 'rita@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Golf Insurance',
};

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  const me = await owner.api<{ user: { id: string } }>('GET', '/api/me');
  const members = await owner.api<{ items: { user: { id: string }; version: number }[] }>(
    'GET',
    `/api/orgs/${owner.orgId}/members`,
  );
  const mine = members.body.items.find((m) => m.user.id === me.body.user.id)!;
  expect(
    (
      await owner.api('PATCH', `/api/orgs/${owner.orgId}/members/${me.body.user.id}`, {
        version: mine.version,
        topManagement: true,
      })
    ).status,
  ).toBe(200);
  expect(
    (await owner.api('POST', `/api/orgs/${owner.orgId}/objectives`, { title: 'Explain every claim decision' })).status,
  ).toBe(201);
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('Management review', () => {
  it('plans a review chaired by top management and shows its live input pack with what is missing', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Management review' }).click();
    await page.waitForURL(`${owner.orgUrl}/management-reviews`);
    await page.getByRole('button', { name: 'Plan a review' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Annual management review');
    await dialog.getByRole('combobox', { name: 'Chair (top management)' }).click();
    await page.getByRole('option', { name: OWNER.name }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Annual management review' }).click();
    await page.waitForURL(new RegExp(`${owner.orgUrl}/management-reviews/[^/]+$`));

    const warnings = page.getByTestId('review-warnings');
    await expect
      .poll(() => warnings.innerText())
      .toContain('Audit results (9.3.2 d) is missing: no internal audit recorded yet');
    // No nonconformity raised yet is nothing to report (minuted), not a missing input.
    await expect
      .poll(() => warnings.innerText())
      .not.toContain('Nonconformities and corrective actions (trends) (9.3.2 d) is missing');
    await expect.poll(() => warnings.innerText()).not.toContain('No member of top management attends');
    const objectives = page.locator('[data-input="objectives"]');
    await expect.poll(() => objectives.innerText()).toMatch(/present/i);
    await expect.poll(() => objectives.innerText()).toContain('Explain every claim decision');
    await expect.poll(() => page.getByTestId('pack-state').innerText()).toContain('Live');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('holds the review: the pack freezes', async () => {
    await page.getByRole('button', { name: 'Hold the review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hold the review' }).click();
    await expect.poll(() => page.getByTestId('pack-state').innerText()).toContain('Frozen');
    await page.getByRole('button', { name: 'Edit meeting' }).waitFor({ state: 'detached' });
    await screenshot(page, '95-management-review-held');
  });

  it('records an action the review decided, shown with its owner', async () => {
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('Publish the claims AI notice');
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: OWNER.name, exact: true }).click();
    await page.getByRole('button', { name: 'Add action' }).click();
    // The owner is read from the review's people map (issue 19).
    const row = page.getByRole('row', { name: /Publish the claims AI notice/ });
    await expect.poll(() => row.innerText()).toContain(OWNER.name);
  });

  it('downloads the minutes as PDF', async () => {
    await page.getByRole('button', { name: 'Minutes', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /Minutes as PDF/ }).click(),
    ]);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^management-review-MR-1-.*\.pdf$/);
    expect(problems).toEqual([]);
  });
});
