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

// The evidence library (issue 12 item 2) in the browser: upload a file, give it an owner and a
// review date within the month, see it flagged as expiring in the register and due in its owner's
// tasks, keep a second revision, and download the evidence package with its manifest.

const OWNER = {
  name: 'Eva Evidence',
  email: 'eva@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Hotel Insurance',
};
const FILE = 'access-review-q4.pdf';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
let evidenceUrl = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  page = await signedInPage(browser, running.baseUrl, OWNER, {
    problems,
    landing: owner.orgUrl,
    acceptDownloads: true,
  });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('Evidence library', () => {
  it('uploads a file, gives it an owner and a review date, and flags it as expiring', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence library' }).click();
    await page.getByRole('heading', { name: 'Evidence library', level: 1 }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: FILE,
      mimeType: 'application/pdf',
      buffer: pdf('first revision'),
    });
    await page.waitForURL(new RegExp(`${owner.orgUrl}/evidence/[^/]+$`));
    evidenceUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^EV-1 /);

    const form = page.getByRole('form', { name: 'Evidence details' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Quarterly access review, Q4');
    await form.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: OWNER.name, exact: true }).click();
    await form.getByLabel('Review or expiry date').fill(inDays(12));
    await form.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('EV-1 was saved.').waitFor();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('EV-1 Quarterly access review, Q4');
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Expiring/i);
    // The owner is read from the answer's people map (issue 19).
    await expect.poll(() => page.locator('main').innerText()).toContain(`Owner: ${OWNER.name}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('keeps a new revision beside the first', async () => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'access-review-q4-signed.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('signed revision'),
    });
    const revisions = page.getByTestId('evidence-revisions');
    await expect.poll(() => revisions.innerText()).toContain('access-review-q4-signed.pdf');
    await expect.poll(() => revisions.innerText()).toContain(FILE);
    await screenshot(page, '98-evidence-detail');
  });

  it('lists it under "Expiring" in the register and as evidence to renew in my tasks', async () => {
    await page.goto(`${owner.orgUrl}/evidence`);
    await page.getByText('Expiring', { exact: true }).first().click();
    const table = page.locator('main table');
    await expect.poll(() => table.innerText()).toContain('Quarterly access review, Q4');
    await expect.poll(() => table.innerText()).toContain(OWNER.name);
    await page.getByText('Expired', { exact: true }).first().click();
    await expect.poll(() => page.locator('main').innerText()).toContain('No evidence matches.');

    await page.goto(`${owner.orgUrl}/tasks`);
    const renew = page.locator('[data-testid="task-row"][data-kind="evidence_review"]');
    await expect.poll(() => renew.innerText()).toContain('Renew EV-1 Quarterly access review, Q4');
    await renew.getByRole('link', { name: /^Renew EV-1/ }).click();
    await page.waitForURL(evidenceUrl);
  });

  it('downloads the evidence package as a zip with its manifest', async () => {
    await page.goto(`${owner.orgUrl}/evidence`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Evidence package (zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const path = await download.path();
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
