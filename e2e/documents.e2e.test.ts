import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LIBREOFFICE, LIBREOFFICE_MISSING, libreOfficePages } from '../apps/server/test/libreoffice';
import {
  describeWithBrowser,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startServer,
  type Running,
} from './browser';
import { apiClient, openPage, setUpOwner, signIn, signedInPage, type Api } from './session';

// Step 3, documents under control: from the master list, the AI policy is created through the
// wizard, its placeholders filled in the rich-text editor, sent to a reviewer who asks for changes
// once (the approver sends it back), fixed, resubmitted, agreed, approved and published; the master
// list then shows it in force. The approved DOCX is the file whose SHA-256 the page shows, and it
// opens in LibreOffice when that is installed. Main pages pass axe, fit 390 px, and read in dark mode.

const OWNER = {
  name: 'Nora Owner',
  email: 'nora@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Northwind Lending',
};
const REVIEWER = { name: 'Ravi Reviewer', email: 'ravi@example.com', password: 'another long passphrase' };

let running: Running;
let browser: Browser;
let owner: Page;
let reviewer: Page;
let orgId = '';
let orgUrl = '';
let apiCall: Api;
let docUrl = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  expect(
    (
      await apiCall('POST', `/api/orgs/${orgId}/ai-systems`, {
        name: 'Credit scorer',
        intendedPurpose: 'Scores loan applications.',
        aiRoles: ['provider'],
        lifecycleStage: 'operation',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await apiCall('PUT', `/api/orgs/${orgId}/document-settings`, {
        version: 0,
        codePrefix: 'NWL',
        classification: 'Internal',
        topManagement: 'The board of Northwind Lending',
        defaultOwnerId: null,
        defaultApproverId: null,
      })
    ).status,
  ).toBe(200);
  const inv = await apiCall<{ token: string }>('POST', `/api/orgs/${orgId}/invitations`, {
    email: REVIEWER.email,
    role: 'manager',
  });
  expect(inv.status).toBe(201);
  expect(
    (
      await apiClient(running.baseUrl)('POST', `/api/invitations/${inv.body.token}/accept`, {
        name: REVIEWER.name,
        password: REVIEWER.password,
      })
    ).status,
  ).toBe(200);
  owner = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: orgUrl, acceptDownloads: true });
  reviewer = await signedInPage(browser, running.baseUrl, REVIEWER, { problems });
}, 60_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(owner, `fail-${ctx.task.name.slice(0, 30)}`);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const line = (key: string) => owner.locator(`[data-testid="master-line"][data-key="${key}"]`);
const status = (page: Page) => page.getByTestId('lifecycle-status');

/** Opens the reviewer's task for the policy from "My tasks". */
async function openReviewTask() {
  await reviewer.goto(`${orgUrl}/tasks`);
  await reviewer.getByRole('link', { name: 'NWL-POL-001' }).click();
  await reviewer.getByRole('heading', { level: 1, name: 'AI policy' }).waitFor();
}

/** A dialog's comment and its confirm button. */
async function decide(page: Page, dialog: string, comment: string, confirm: string) {
  const modal = page.getByRole('dialog', { name: dialog });
  await modal.getByRole('textbox').first().fill(comment);
  await modal.getByRole('button', { name: confirm }).click();
  await modal.waitFor({ state: 'hidden' });
}

describeWithBrowser('documents under control (7.5)', () => {
  it('shows the master list with what is missing, and creates the AI policy from its template', async () => {
    await owner.goto(`${orgUrl}/documentation`);
    await owner.getByRole('heading', { level: 1, name: 'Documentation' }).waitFor();
    await line('ai-policy').getByText('Missing', { exact: true }).waitFor();
    await line('ai-policy').getByText('No document yet: create “AI policy” from its template in Documents.').waitFor();
    await expect.poll(() => owner.getByTestId('docs-progress-text').innerText()).toMatch(/^0\s+of 21 met/);
    expect(await seriousA11yViolations(owner)).toEqual([]);
    await screenshot(owner, '80-documents-master-list');

    await line('ai-policy').getByRole('link', { name: 'Create from template: AI policy' }).click();
    await owner.getByRole('heading', { level: 1, name: 'New document: AI policy' }).waitFor();
    // The suggestion is offered; the leadership's own words are left for a placeholder.
    await expect
      .poll(() => owner.getByRole('textbox', { name: 'Which uses of AI are not allowed at all?' }).inputValue())
      .toContain('without human review');
    expect(await seriousA11yViolations(owner)).toEqual([]);
    await screenshot(owner, '81-documents-wizard');
    await owner.getByRole('combobox', { name: 'Owner' }).click();
    await owner.getByRole('option', { name: OWNER.name, exact: true }).click();
    await owner.getByRole('button', { name: 'Write the first draft' }).click();
    await owner.waitForURL(/\/documents\/[^/?]+$/);
    docUrl = owner.url();
    await owner.getByText('NWL-POL-001', { exact: true }).first().waitFor();
    // The owner is read from the answer's people (issue 19).
    await expect.poll(() => owner.locator('main').innerText()).toContain(`Owner: ${OWNER.name}`);
    await expect.poll(() => status(owner).innerText()).toContain('A draft');
  });

  it('highlights and counts the placeholders, which are filled in the editor and saved', async () => {
    const count = owner.getByTestId('placeholder-count');
    await expect.poll(() => count.innerText()).toMatch(/^\d+ placeholders? to fill$/);
    await expect.poll(() => owner.locator('.ProseMirror [data-placeholder]').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(owner)).toEqual([]);
    await screenshot(owner, '82-documents-draft');
    // Replace each highlighted placeholder with text, the way a person selects it and types.
    for (let n = 0; n < 20 && (await owner.locator('.ProseMirror [data-placeholder]').count()) > 0; n++) {
      const mark = owner.locator('.ProseMirror [data-placeholder]').first();
      await mark.click();
      await mark.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
      });
      await owner.waitForTimeout(50);
      await owner.keyboard.type('We use AI to decide faster and more fairly on credit');
    }
    await expect.poll(() => count.innerText()).toBe('No placeholder left');
    await owner.getByRole('button', { name: 'Save draft' }).click();
    await owner.getByText('All changes saved').waitFor();
    const saved = await apiCall<{ items: { latest: { id: string } }[] }>('GET', `/api/orgs/${orgId}/documents`);
    const id = docUrl.split('/').pop()!;
    const v = await apiCall<{ placeholders: unknown[]; content: { sections: unknown[] } }>(
      'GET',
      `/api/orgs/${orgId}/documents/${id}/versions/${saved.body.items[0]!.latest.id}`,
    );
    expect(v.body.placeholders).toEqual([]);
    expect(JSON.stringify(v.body.content.sections)).toContain('We use AI to decide faster and more fairly on credit');
  });

  it('goes to a reviewer, who asks for changes; the approver sends it back', async () => {
    await owner.getByRole('button', { name: 'Submit for review' }).click();
    const submit = owner.getByRole('dialog', { name: 'Submit version 1.0 for review' });
    await submit.getByLabel('Reviewers', { exact: true }).click();
    await owner.getByRole('option', { name: REVIEWER.name }).click();
    await submit.getByRole('button', { name: 'Submit for review' }).click();
    await submit.waitFor({ state: 'hidden' });
    await expect.poll(() => status(owner).innerText()).toContain('In review since');

    await openReviewTask();
    expect(await seriousA11yViolations(reviewer)).toEqual([]);
    await screenshot(reviewer, '83-documents-review');
    await reviewer.getByRole('button', { name: 'Ask for changes' }).click();
    await decide(reviewer, 'Ask for changes', 'Name the lending officers who review every refusal.', 'Ask for changes');
    await reviewer.getByTestId('review').getByText('Asked for changes').waitFor();

    await owner.reload();
    await owner.getByTestId('review').getByText('“Name the lending officers who review every refusal.”').waitFor();
    await expect.poll(() => owner.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await owner.getByRole('button', { name: 'Send back' }).click();
    await decide(owner, 'Send back to the author', 'Please add who reviews refusals.', 'Send back');
    await expect.poll(() => status(owner).innerText()).toContain('A draft');
  });

  it('is fixed, resubmitted, agreed, approved and published', async () => {
    const statement = owner.locator('[data-section="commitment"] .ProseMirror');
    await statement.click();
    await owner.keyboard.press('ControlOrMeta+End');
    await owner.keyboard.type(' Every refusal is reviewed by a senior lending officer.');
    await owner.getByRole('button', { name: 'Save draft' }).click();
    await owner.getByText('All changes saved').waitFor();
    await owner.getByRole('button', { name: 'Submit for review' }).click();
    const submit = owner.getByRole('dialog', { name: 'Submit version 1.0 for review' });
    await submit
      .getByRole('textbox', { name: 'What changed in this version' })
      .fill('First issue, with who reviews refusals');
    await submit.getByLabel('Reviewers', { exact: true }).click();
    await owner.getByRole('option', { name: REVIEWER.name }).click();
    await submit.getByRole('button', { name: 'Submit for review' }).click();
    await submit.waitFor({ state: 'hidden' });

    await openReviewTask();
    await reviewer.getByRole('button', { name: 'Agree' }).click();
    await decide(reviewer, 'Agree with this version', 'Good to go.', 'Agree');

    await owner.reload();
    await owner.getByRole('button', { name: 'Approve' }).click();
    await decide(owner, 'Approve this version', 'Approved at the board meeting', 'Approve');
    await expect.poll(() => status(owner).innerText()).toContain('Approved by Nora Owner');
    await owner.getByRole('button', { name: 'Publish' }).click();
    await owner.getByTestId('lifecycle-status').getByText('In force since', { exact: false }).waitFor();
    await owner.getByRole('button', { name: 'I have read version 1.0' }).click();
    await owner.getByTestId('acknowledged').getByText(OWNER.name, { exact: false }).waitFor();
    await screenshot(owner, '84-documents-published');
  });

  it('downloads the approved DOCX (the file its SHA-256 names, opening in LibreOffice) and the PDF', async () => {
    const sha = (await owner.getByTestId('docx-sha256').first().innerText()).replace('DOCX SHA-256 ', '').trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const fetchFile = async (name: RegExp) => {
      await owner.getByRole('button', { name: 'Download' }).click();
      const [download] = await Promise.all([
        owner.waitForEvent('download'),
        owner.getByRole('menuitem', { name }).click(),
      ]);
      return fs.readFileSync(await download.path());
    };
    const docx = await fetchFile(/Word document/);
    expect(createHash('sha256').update(docx).digest('hex')).toBe(sha);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const pdf = await fetchFile(/PDF document/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (LIBREOFFICE) expect(libreOfficePages(docx, 'NWL-POL-001.docx')).toBeGreaterThan(0);
    else console.log(`documents.e2e: the DOCX was not opened in LibreOffice: ${LIBREOFFICE_MISSING}`);
  }, 60_000);

  it('shows the policy in force on the master list, and in the register', async () => {
    await owner.goto(`${orgUrl}/documentation`);
    await line('ai-policy').getByText('In force', { exact: true }).waitFor();
    await expect.poll(() => line('ai-policy').innerText()).toContain('NWL-POL-001');
    await expect.poll(() => line('ai-policy').innerText()).toContain('1.0');
    await owner.goto(`${orgUrl}/documents?state=published`);
    await owner.locator('[data-testid="document-row"][data-code="NWL-POL-001"]').waitFor();
    await owner.goto(orgUrl);
    // The overview's step-3 card counts it (modules/overview/steps.ts).
    await owner
      .getByText(/1 of \d+ mandatory documents in force/)
      .first()
      .waitFor();
  });

  it('fits a 390 px screen and reads in dark mode', async () => {
    for (const path of ['/documentation', docUrl.slice(docUrl.indexOf('/documents/'))]) {
      await owner.setViewportSize({ width: 390, height: 844 });
      await owner.goto(`${orgUrl}${path}`);
      await owner.getByRole('heading', { level: 1 }).first().waitFor();
      await owner.waitForLoadState('networkidle');
      await expect.poll(() => owner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await screenshot(owner, '85-documents-390');
    await owner.setViewportSize({ width: 1280, height: 800 });

    const dark = await openPage(browser, { problems });
    await dark.emulateMedia({ colorScheme: 'dark' });
    await signIn(dark, running.baseUrl, OWNER, orgUrl);
    for (const path of ['/documentation', docUrl.slice(docUrl.indexOf('/documents/'))]) {
      await dark.goto(`${orgUrl}${path}`);
      await dark.getByRole('heading', { level: 1 }).first().waitFor();
      await dark.waitForLoadState('networkidle');
      expect(await seriousA11yViolations(dark)).toEqual([]);
    }
    await screenshot(dark, '86-documents-dark');
    expect(problems).toEqual([]);
  });
});
