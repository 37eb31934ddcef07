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
import { apiClient, setUpOwner, signedInPage, type OwnerSession } from './session';

// Internal audit (9.2) through nonconformity and corrective action (10.2) to the management review
// (9.3), in Chromium, by three people: the owner (top management) approves the programme, closes
// the nonconformity and holds the review; an internal auditor plans the audit (answering the
// independence warning), answers the checklist by keyboard, records a minor nonconformity with
// evidence from the library and signs the audit off; the auditee corrects, finds the root cause
// and carries out the corrective action. Only the set-up (members, a RACI duty, one evidence
// record) goes through the API.

const OWNER = {
  name: 'Rita Owner',
  email: 'rita@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Hotel Lending',
};
const AUDITOR = { name: 'Ian Auditor', email: 'ian@example.com', password: 'another long enough passphrase' };
const AUDITEE = { name: 'Ada Auditee', email: 'ada@example.com', password: 'a third long enough passphrase' };

let running: Running;
let browser: Browser;
let owner: OwnerSession;
let ownerPage: Page;
let auditorPage: Page;
let auditeePage: Page;
let auditUrl = '';
let ncUrl = '';
const auditApi = () => `/api/orgs/${owner.orgId}/audits/${auditUrl.split('/').pop()}`;
const problems: string[] = [];

async function invite(person: typeof AUDITOR, role: string) {
  const invitation = await owner.api<{ token: string }>('POST', `/api/orgs/${owner.orgId}/invitations`, {
    email: person.email,
    role,
  });
  expect(invitation.status).toBe(201);
  const accepted = await apiClient(running.baseUrl)<{ user: { id: string } }>(
    'POST',
    `/api/invitations/${invitation.body.token}/accept`,
    { name: person.name, password: person.password },
  );
  expect(accepted.status).toBe(200);
}

/** Picks `option` in the Mantine select labelled `label` inside `scope`. */
async function choose(page: Page, label: string, option: string | RegExp, scope = page.locator('body')) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  const org = `/api/orgs/${owner.orgId}`;
  const me = await owner.api<{ user: { id: string } }>('GET', '/api/me');
  const members = await owner.api<{ items: { user: { id: string }; version: number }[] }>('GET', `${org}/members`);
  const mine = members.body.items.find((m) => m.user.id === me.body.user.id)!;
  expect(
    (await owner.api('PATCH', `${org}/members/${me.body.user.id}`, { version: mine.version, topManagement: true }))
      .status,
  ).toBe(200);
  await invite(AUDITOR, 'internal_auditor');
  await invite(AUDITEE, 'contributor');
  const all = await owner.api<{ items: { user: { id: string; name: string } }[] }>('GET', `${org}/members`);
  const auditorId = all.body.items.find((m) => m.user.name === AUDITOR.name)!.user.id;
  // The auditor carries out the risk assessment: auditing clause 6 is auditing their own work.
  expect(
    (
      await owner.api('POST', `${org}/raci`, {
        name: 'Run the AI risk assessment',
        assignments: [
          { assignee: { userId: auditorId }, letter: 'R' },
          { assignee: { userId: me.body.user.id }, letter: 'A' },
        ],
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await owner.api('POST', `${org}/evidence`, {
        title: 'Risk register export',
        url: 'https://wiki.example/risk-register',
      })
    ).status,
  ).toBe(201);
  ownerPage = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
  // The auditor's first plan is answered 422 on purpose: the independence warning.
  auditorPage = await signedInPage(browser, running.baseUrl, AUDITOR, { problems, allowStatuses: [422] });
  auditeePage = await signedInPage(browser, running.baseUrl, AUDITEE, { problems });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('Internal audit to management review', () => {
  it('approves the programme: coverage shows what was never audited, approval says why', async () => {
    const page = ownerPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit programme' }).click();
    await page.waitForURL(`${owner.orgUrl}/internal-audit`);
    // Clause 6 (a key process) is audited more often than clause 7, and both are due now.
    await expect.poll(() => page.getByTestId('frequency-6').textContent()).toContain('More often');
    await expect.poll(() => page.getByTestId('frequency-6').textContent()).toContain('Never audited');
    await expect.poll(() => page.getByTestId('frequency-7').textContent()).toContain('Once in the 3-year cycle');
    await page.getByRole('button', { name: 'Save programme' }).click();
    await page.getByLabel('Why approve with uncovered clauses or controls?').fill('First cycle: audits follow');
    await page.getByRole('button', { name: 'Approve programme' }).click();
    await expect.poll(() => page.getByText('Approved, revision 1').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('plans an audit: the independence warning needs a written justification', async () => {
    const page = auditorPage;
    await page.goto(`${owner.orgUrl}/internal-audit`);
    await page.getByRole('button', { name: 'Plan an audit' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Risk management');
    await dialog.getByLabel('Objectives').fill('Confirm the risk assessment and treatment conform');
    await dialog.getByLabel(/Scope: clauses and controls/).fill('6.1.2, A.6.2.4');
    await choose(page, 'Lead auditor', AUDITOR.name, dialog);
    await dialog.getByLabel('Auditees (comma separated)').fill('Ada Auditee');
    await dialog.getByRole('button', { name: 'Plan an audit' }).click();
    const warning = dialog.getByRole('alert');
    await expect
      .poll(() => warning.innerText())
      .toContain('Ian Auditor is Responsible for "Run the AI risk assessment" in the RACI');
    await dialog
      .getByLabel('Written justification to proceed')
      .fill('Only trained auditor; the RACI duty is clerical. The owner reviews the findings.');
    await dialog.getByRole('button', { name: 'Plan an audit' }).click();
    await page.waitForURL(new RegExp(`${owner.orgUrl}/audits/[^/]+$`));
    auditUrl = page.url();
    await expect.poll(() => page.getByText('Only trained auditor; the RACI duty is clerical').count()).toBe(1);
  });

  it('answers the checklist by keyboard and records a minor nonconformity with evidence from the library', async () => {
    const page = auditorPage;
    const item1 = page.getByTestId('checklist-6.1.2');
    const item2 = page.getByTestId('checklist-A.6.2.4');
    // Answer and move on: F on the first item, then C on the second, which the focus has moved to.
    await item1.focus();
    await page.keyboard.press('f');
    await expect.poll(() => item1.getAttribute('aria-label')).toMatch(/: Finding$/);
    await expect.poll(() => item2.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('c');
    await expect.poll(() => item2.getAttribute('aria-label')).toMatch(/: Conforms$/);
    // K goes back up.
    await page.keyboard.press('k');
    await expect.poll(() => item1.evaluate((el) => el === document.activeElement)).toBe(true);
    await item1.getByLabel('What was sampled').fill('Risks of the credit model');
    await item1.getByLabel('What was sampled').press('Tab');
    await item1.getByLabel('How many').fill('5');
    await item1.getByLabel('How many').press('Tab');
    await expect
      .poll(async () => {
        const a = await owner.api<{ checklist: { ref: string; sampled: string; sampleSize: number | null }[] }>(
          'GET',
          auditApi(),
        );
        const i = a.body.checklist.find((x) => x.ref === '6.1.2');
        return `${i?.sampled} / ${i?.sampleSize}`;
      })
      .toBe('Risks of the credit model / 5');

    await choose(page, 'Checklist item', /^6\.1\.2/);
    await page
      .getByLabel('Requirement', { exact: true })
      .fill('Treatment options are selected for every assessed risk');
    await page.getByLabel('Objective evidence', { exact: true }).fill('R-4 and R-9 have no treatment decision');
    await page.getByLabel('Statement of nonconformity / finding').fill('Two sampled risks lack a treatment decision');
    await choose(page, 'Owner of the corrective action', AUDITEE.name);
    await page.getByRole('combobox', { name: 'Evidence from the library' }).click();
    await page.getByRole('option', { name: /Risk register export/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add finding' }).click();
    const nc = page.getByRole('link', { name: 'Nonconformity', exact: true });
    await expect.poll(() => nc.count()).toBe(1);
    await expect.poll(() => page.getByText('Minor nonconformity', { exact: true }).count()).toBeGreaterThan(0);
    ncUrl = new URL((await nc.getAttribute('href'))!, running.baseUrl).toString();
    // The finding carries the evidence picked from the library.
    const recorded = await owner.api<{ findings: { grade: string; evidenceIds: string[] }[] }>('GET', auditApi());
    expect(recorded.body.findings).toEqual([
      expect.objectContaining({ grade: 'minor', evidenceIds: [expect.any(String)] }),
    ]);
  });

  it('signs the audit off: the report is frozen as a record with the documents', async () => {
    const page = auditorPage;
    await page.getByLabel('Conclusion').fill('The risk process conforms except F-1.');
    await page.getByRole('button', { name: 'Complete and sign off' }).click();
    const record = page.getByRole('link', { name: 'The audit report, kept as a record with the documents' });
    await expect.poll(() => record.count()).toBe(1);
    await page.getByRole('button', { name: 'Audit report' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /PDF/ }).click(),
    ]);
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/IAR-001-v1\.0\.pdf$/);
    await record.click();
    await page.waitForURL(new RegExp(`${owner.orgUrl}/documents/[^/]+$`));
    await expect.poll(() => page.getByText(/A record: frozen when it was signed off/).count()).toBe(1);
    await expect.poll(() => page.getByText('The risk process conforms except F-1.').count()).toBeGreaterThan(0);
    await screenshot(page, '96-internal-audit-report-record');
    // Even the owner, who may write and publish documents, has nothing to change on a record.
    await ownerPage.goto(page.url());
    await expect.poll(() => ownerPage.getByText(/A record: frozen when it was signed off/).count()).toBe(1);
    expect(await ownerPage.getByRole('button', { name: 'Start the next draft' }).count()).toBe(0);
    expect(await ownerPage.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
  });

  it('lets the auditee correct, find the root cause and carry out the corrective action', async () => {
    const page = auditeePage;
    await page.goto(ncUrl);
    // The owner is read from the answer's people map (issue 19).
    await page.getByText(`Owner: ${AUDITEE.name}`).waitFor();
    await page.getByLabel('Correction (containment)').fill('Treatment decisions taken for R-4 and R-9');
    await page.getByLabel('5 whys (one per line)').fill('No decision recorded\nNo reminder\nNo owner for treatment');
    await page.getByLabel('Root cause', { exact: true }).fill('Treatment decisions have no owner in the process');
    await page.getByLabel('Similar cases checked').fill('All 23 risks checked; no other case');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByLabel('Root cause', { exact: true }).inputValue())
      .toBe('Treatment decisions have no owner in the process');
    await page.getByLabel('Action', { exact: true }).fill('Name a treatment owner in the risk procedure');
    await choose(page, 'Owner', AUDITEE.name);
    await page.getByLabel('Due date').fill('2030-01-31');
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect.poll(() => page.getByText('Name a treatment owner in the risk procedure').count()).toBe(1);
    await expect
      .poll(() => page.getByRole('row', { name: /Name a treatment owner in the risk procedure/ }).innerText())
      .toContain(AUDITEE.name);
    await page.getByRole('button', { name: 'Actions planned' }).click();
    await expect.poll(() => page.getByTestId('nc-status').textContent()).toBe('Actions planned');
    await page.getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('button', { name: 'Actions done: start effectiveness review' }).click();
    await expect.poll(() => page.getByTestId('nc-status').textContent()).toBe('Effectiveness review');
  });

  it('reviews effectiveness (the auditor), and only someone who neither owns nor raised it closes it', async () => {
    const page = auditorPage;
    await page.goto(ncUrl);
    await page.getByLabel('What did you check to judge effectiveness?').fill('Procedure updated; two new risks owned');
    await page.getByRole('button', { name: 'Effective', exact: true }).click();
    await expect.poll(() => page.getByTestId('nc-status').textContent()).toBe('Verified effective');
    // The auditor raised it: nobody closes their own nonconformity.
    await expect.poll(() => page.getByText(/whoever raised it cannot close it/).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Close nonconformity' }).isDisabled()).toBe(true);

    await ownerPage.goto(ncUrl);
    await ownerPage.getByRole('button', { name: 'Close nonconformity' }).click();
    await expect.poll(() => ownerPage.getByTestId('nc-status').textContent()).toBe('Closed');
    await expect.poll(() => ownerPage.getByText(`Closed by ${OWNER.name}`).count()).toBe(1);
  });

  it('holds a management review whose input pack shows the audit, the nonconformities and every 9.3.2 input', async () => {
    const page = ownerPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Management review' }).click();
    await page.waitForURL(`${owner.orgUrl}/management-reviews`);
    await page.getByRole('button', { name: 'Plan a review' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Annual management review');
    await choose(page, 'Chair (top management)', OWNER.name, dialog);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Annual management review' }).click();
    await page.waitForURL(new RegExp(`${owner.orgUrl}/management-reviews/[^/]+$`));

    const audits = page.locator('[data-input="audit_results"]');
    await expect.poll(() => audits.innerText()).toContain('AUD-1 Risk management');
    await expect.poll(() => audits.innerText()).toContain('1 minor nonconformity');
    const ncs = page.locator('[data-input="nonconformities"]');
    await expect.poll(() => ncs.innerText()).toContain('1 nonconformity raised and 1 closed');
    await expect.poll(() => ncs.innerText()).toContain('0 open (0 major, 0 minor)');
    for (const key of [
      'previous_actions',
      'context_changes',
      'nonconformities',
      'monitoring',
      'audit_results',
      'objectives',
      'risks',
      'improvement',
    ])
      expect(await page.locator(`[data-input="${key}"]`).count(), key).toBe(1);
    // The audit results are no longer a missing input.
    await expect.poll(() => page.getByTestId('review-warnings').innerText()).not.toContain('Audit results (9.3.2 d)');

    await page.getByRole('button', { name: 'Hold the review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hold the review' }).click();
    await expect.poll(() => page.getByTestId('pack-state').innerText()).toContain('Frozen');
    await screenshot(page, '97-internal-audit-management-review');
  });

  it('downloads the minutes as PDF', async () => {
    const page = ownerPage;
    await page.getByRole('button', { name: 'Minutes', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /Minutes as PDF/ }).click(),
    ]);
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^management-review-MR-1-.*\.pdf$/);
    expect(problems).toEqual([]);
  });
});
