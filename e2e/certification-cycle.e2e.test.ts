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

// Step 6's whole path in the browser: the readiness check, the certification body's stage-1 and
// stage-2 audits recorded, a minor nonconformity of stage 2 taken to closure in the nonconformity
// register's own page, the certificate issued, and the first surveillance audit scheduled.

const OWNER = {
  name: 'Nora Owner',
  email: 'nora@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Hotel Analytics',
};
const COLLEAGUE = { name: 'Ivo Quality', email: 'ivo@example.com' };

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
let engagementId = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  // The owner of the nonconformity: closure is by someone other than the owner.
  const invitation = await owner.api<{ token: string }>('POST', `/api/orgs/${owner.orgId}/invitations`, {
    email: COLLEAGUE.email,
    role: 'manager',
  });
  expect(invitation.status).toBe(201);
  const accepted = await apiClient(running.baseUrl)('POST', `/api/invitations/${invitation.body.token}/accept`, {
    name: COLLEAGUE.name,
    password: 'another long enough passphrase',
  });
  expect(accepted.status).toBe(200);
  const cb = await owner.api<{ id: string }>('POST', `/api/orgs/${owner.orgId}/certification-engagements`, {
    cbName: 'Example Certification',
    accredited: true,
    auditTeam: [{ name: 'Ada Auditor', role: 'Lead auditor' }],
  });
  expect(cb.status).toBe(201);
  engagementId = cb.body.id;
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function recordAudit(kind: string, from: string, to: string) {
  await page.getByRole('button', { name: 'Record audit' }).click();
  const form = page.getByRole('form', { name: 'Record audit' });
  await form.getByRole('combobox', { name: 'Audit' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await form.getByLabel('First audit day').fill(from);
  await form.getByLabel('Last audit day').fill(to);
  await form.getByRole('button', { name: 'Record audit' }).click();
  await expect.poll(() => page.getByRole('article', { name: `${kind} audit` }).count()).toBe(1);
  // The form closes once the audit is saved; only then is "Record audit" the page's button again.
  await expect.poll(() => form.count()).toBe(0);
}

describeWithBrowser('Certification cycle', () => {
  it('starts from the readiness check and opens the certification body', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Readiness check' }).click();
    await page.waitForURL(`${owner.orgUrl}/certification`);
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Not ready — Stage 1');
    await page.getByRole('link', { name: 'Certification body' }).first().click();
    await page.waitForURL(`${owner.orgUrl}/certification/engagements`);
    await page
      .getByRole('article', { name: 'CB-1 Example Certification' })
      .getByRole('link', { name: 'Audits and certificate' })
      .click();
    await page.waitForURL(`${owner.orgUrl}/certification/engagements/${engagementId}`);
    await page.getByText('No audit of this certification body recorded yet.').waitFor();
  });

  it('records stage 1 and stage 2, and a minor finding that becomes a nonconformity', async () => {
    await recordAudit('Stage 1', '2026-09-01', '2026-09-02');
    await recordAudit('Stage 2', '2026-11-02', '2026-11-04');
    const stage2 = page.getByRole('article', { name: 'Stage 2 audit' });
    await stage2.getByRole('button', { name: 'Add finding' }).click();
    const form = page.getByRole('form', { name: 'Add finding' });
    await form.getByRole('textbox', { name: 'Clause or control' }).fill('7.5.3');
    await form.getByRole('textbox', { name: 'Title' }).fill('AI policy review date passed');
    await form.getByRole('textbox', { name: 'Evidence' }).fill('AIMS-POL-001 review due 2026-06-30, not reviewed');
    await form.getByRole('combobox', { name: 'Owner of the nonconformity' }).click();
    await page.getByRole('option', { name: COLLEAGUE.name }).click();
    await form.getByRole('button', { name: 'Add finding' }).click();
    const findings = page.getByRole('table', { name: 'Stage 2 Findings' });
    await expect.poll(() => findings.innerText()).toContain('AI policy review date passed');
    await expect.poll(() => findings.innerText()).toContain('NC-1');
    // The decision waits for the minor's plan (or its closure).
    const decision = page.getByRole('region', { name: 'Certification decision' });
    await expect.poll(() => decision.innerText()).toContain('needs a corrective action plan the CB accepted');
    await screenshot(page, '96-certification-cycle-findings');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('closes the minor nonconformity in the nonconformity register', async () => {
    await page.getByRole('table', { name: 'Stage 2 Findings' }).getByRole('link', { name: 'NC-1' }).click();
    await page.waitForURL(/\/nonconformities\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('NC-1');
    // Raised by the CB's auditor, who is not a member: named as recorded, not "—".
    await expect.poll(() => page.getByText(/Raised by/).innerText()).toMatch(/Raised by [^—·]*Certification/);
    await page.getByLabel('Correction (containment)').fill('Reviewed and re-approved the AI policy');
    await page.getByRole('textbox', { name: 'Root cause', exact: true }).fill('Review dates had no reminder');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('textbox', { name: 'Action', exact: true }).fill('Put document reviews in the task list');
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: COLLEAGUE.name }).click();
    await page.getByLabel('Due date').fill('2027-01-31');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('button', { name: 'Actions planned' }).click();
    await page.getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('button', { name: 'Actions done: start effectiveness review' }).click();
    await page.getByLabel('What did you check to judge effectiveness?').fill('Two reviews since, both on time');
    await page.getByRole('button', { name: 'Effective', exact: true }).click();
    await page.getByRole('button', { name: 'Close nonconformity' }).click();
    await expect.poll(() => page.getByTestId('nc-status').innerText()).toMatch(/^closed$/i);
  });

  it('issues the certificate and schedules the first surveillance audit within 12 months', async () => {
    await page.goto(`${owner.orgUrl}/certification/engagements/${engagementId}`);
    const decision = page.getByRole('region', { name: 'Certification decision' });
    const form = decision.getByRole('form', { name: 'Record certificate' });
    await form.getByRole('textbox', { name: 'Certificate number' }).fill('AIMS-2026-0042');
    await form.getByLabel('Certification decision date').fill('2026-12-10');
    await form.getByLabel('Issue date').fill('2026-12-11');
    await form.getByRole('button', { name: 'Record certificate' }).click();
    const certificate = page.getByRole('region', { name: 'Certification decision' });
    await expect.poll(() => certificate.innerText()).toContain('AIMS-2026-0042');
    const surveillance = page.getByRole('article', { name: 'Surveillance 1 audit' });
    await expect.poll(() => surveillance.innerText()).toMatch(/planned/i);
    await expect.poll(() => surveillance.innerText()).toMatch(/due by/);
    const timeline = page.getByRole('region', { name: 'Three-year cycle' });
    await expect.poll(() => timeline.innerText()).toContain('Certified: AIMS-2026-0042');
    await expect.poll(() => timeline.innerText()).toContain('Surveillance 1 audit');
    await expect.poll(() => timeline.innerText()).toContain('NC-1 AI policy review date passed');
    await screenshot(page, '97-certification-cycle-certified');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The API agrees: the first surveillance is due within 12 months of the decision.
    const cycle = await owner.api<{ audits: { kind: string; status: string; dueBy: string | null }[] }>(
      'GET',
      `/api/orgs/${owner.orgId}/certification-engagements/${engagementId}/cycle`,
    );
    expect(cycle.body.audits.find((a) => a.kind === 'surveillance1')).toMatchObject({
      status: 'planned',
      dueBy: '2027-12-10',
    });
    expect(problems).toEqual([]);
  });
});
