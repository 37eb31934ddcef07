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

// Step 4, the Statement of Applicability: a control a treatment uses is included with the risk as
// its reason; an exclusion needs its justification; approval waits until every control is decided,
// then freezes version 1 past a warning, with the approver's acknowledgement shown in its history;
// the next change makes a draft of version 2. Steps share one signed-in page.

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
let risk = { id: '', ref: '' };
let apiCall: Api;
const problems: string[] = [];

type Item = {
  ref: string;
  included: boolean | null;
  statedJustification: string;
  implementationStatus: string | null;
  version: number;
};
const soaNow = async () =>
  (await apiCall<{ version: number; status: string; items: Item[] }>('GET', `/api/orgs/${orgId}/soa`)).body;
const itemNow = async (ref: string) => (await soaNow()).items.find((i) => i.ref === ref)!;

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  const system = await apiCall<{ id: string }>('POST', `/api/orgs/${orgId}/ai-systems`, {
    name: 'Claims chatbot',
    intendedPurpose: 'Answers policyholders about their claims.',
    aiRoles: ['customer'],
    lifecycleStage: 'operation',
  });
  expect(system.status).toBe(201);
  // A risk treated with A.6.2.4: the SoA includes the control with the risk as its reason.
  const me = (await apiCall<{ user: { id: string } }>('GET', '/api/me')).body.user.id;
  const created = await apiCall<{ id: string; ref: string }>('POST', `/api/orgs/${orgId}/risks`, {
    title: 'Chatbot releases ship without verification',
    source: 'C.3.6',
    likelihood: 4,
    consequence: 4,
    aiSystemId: system.body.id,
    ownerId: me,
    reviewDate: '2027-06-30',
  });
  expect(created.status).toBe(201);
  risk = created.body;
  const treatment = await apiCall('POST', `/api/orgs/${orgId}/risks/${risk.id}/treatments`, {
    option: 'modify',
    description: 'Verify and validate every release against its acceptance criteria.',
    controlRefs: ['A.6.2.4'],
    residualLikelihood: 2,
    residualConsequence: 2,
    actions: [{ title: 'Release checklist with acceptance criteria', ownerId: me, dueDate: '2027-03-31' }],
  });
  expect(treatment.status).toBe(201);
  // The SoA rests on approved criteria and an approved treatment plan (6.1.3): top management approved both.
  const criteria = await apiCall<{ draft: { version: number } }>('GET', `/api/orgs/${orgId}/risk-criteria`);
  expect(
    (await apiCall('POST', `/api/orgs/${orgId}/risk-criteria/approve`, { version: criteria.body.draft.version }))
      .status,
  ).toBe(200);
  const plan = await apiCall<{ number: number }>('GET', `/api/orgs/${orgId}/risk-treatment-plan`);
  expect(
    (await apiCall('POST', `/api/orgs/${orgId}/risk-treatment-plan/approve`, { number: plan.body.number })).status,
  ).toBe(200);

  // 409: the stale save this test provokes.
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, allowStatuses: [409], landing: orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const row = (ref: string) => page.locator(`tr[data-ref="${ref}"]`);
const status = () => page.getByTestId('soa-status').first();
const drawer = (ref: string) => page.getByRole('dialog', { name: `Decide ${ref}` });

describeWithBrowser('Statement of Applicability', () => {
  it('explains itself on a first visit and includes the treated control with the risk as its reason', async () => {
    await page.goto(`${orgUrl}/soa`);
    await page.getByRole('heading', { name: 'Statement of Applicability', level: 1 }).waitFor();
    await page.getByText('What the Statement of Applicability is').waitFor();
    await expect.poll(() => status().innerText()).toBe('Draft v1');
    await page.getByText('No version approved yet.').waitFor();

    const treated = row('A.6.2.4');
    await treated.getByText('Included', { exact: true }).waitFor();
    await treated.getByText(`: ${'Chatbot releases ship without verification'}`, { exact: false }).waitFor();
    await expect
      .poll(() => treated.innerText())
      .toContain(`Treats risk ${risk.ref}: Chatbot releases ship without verification`);
    await expect
      .poll(() => treated.getByRole('link', { name: risk.ref }).getAttribute('href'))
      .toBe(`/orgs/${orgId}/risks/${risk.id}`);
    await expect.poll(() => row('A.2.2').getByText('Undecided', { exact: true }).count()).toBe(1);
    // 38 Annex A controls, one decided by the treatment.
    await expect.poll(() => page.locator('tr[data-ref]').count()).toBe(38);
    await expect.poll(() => page.getByTestId('soa-count-included').innerText()).toMatch(/^1\s+Included\b/);
    await expect.poll(() => page.getByTestId('soa-count-undecided').innerText()).toMatch(/^37\s+Undecided\b/);

    // Approval waits: 37 controls are undecided.
    const approve = page.getByRole('button', { name: 'Approve SoA' });
    await expect.poll(() => approve.isDisabled()).toBe(true);
    await page.getByText('Settle the 1 blocking point listed below first.').waitFor();
    await page
      .locator('[data-testid="soa-warning"][data-code="UNDECIDED"]')
      .getByText('37 controls are neither included nor excluded', { exact: false })
      .waitFor();
    await screenshot(page, '60-soa-first-visit');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('keeps filters in the URL', async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('A.6.2');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('A.6.2');
    await expect.poll(() => page.locator('tr[data-ref]').count()).toBe(7);
    await page.getByTestId('soa-table').scrollIntoViewIfNeeded();
    await screenshot(page, '66-soa-filtered');
    await page.getByTestId('soa-count-excluded').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('decision')).toBe('excluded');
    await page.getByText('No control matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => page.locator('tr[data-ref]').count()).toBe(38);
    expect(new URL(page.url()).search).toBe('');
  });

  it('refuses an exclusion without a justification, then saves it with one', async () => {
    await row('A.10.4').getByRole('button', { name: 'Edit A.10.4' }).click();
    const form = drawer('A.10.4');
    await form.getByRole('radio', { name: 'Exclude' }).check();
    // The reason becomes required at once, not only at save.
    const message = form.getByText('Say why this control is excluded: an exclusion needs a justification.');
    await message.waitFor();
    await form.getByRole('button', { name: 'Save decision' }).click();
    await message.waitFor();
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Justification' }).getAttribute('aria-invalid'))
      .toBe('true');
    await screenshot(page, '61-soa-exclusion-refused');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await itemNow('A.10.4')).version).toBe(0);

    await form
      .getByRole('textbox', { name: 'Justification' })
      .fill('We sell no AI system to customers: every system is for our own claims handling.');
    await expect.poll(() => message.count()).toBe(0);
    await form.getByRole('button', { name: 'Save decision' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('A.10.4 was saved.').waitFor();
    await row('A.10.4').getByText('Excluded', { exact: true }).waitFor();
    await row('A.10.4').getByText('We sell no AI system to customers', { exact: false }).waitFor();
    expect(await itemNow('A.10.4')).toMatchObject({
      included: false,
      statedJustification: 'We sell no AI system to customers: every system is for our own claims handling.',
      version: 1,
    });
  });

  it('never overwrites a colleague: a stale save shows what they chose', async () => {
    await row('A.2.2').getByRole('button', { name: 'Edit A.2.2' }).click();
    const form = drawer('A.2.2');
    await form.getByRole('radio', { name: 'Include' }).check();
    const theirs = await apiCall('PATCH', `/api/orgs/${orgId}/soa/items/A.2.2`, {
      version: 0,
      included: true,
      implementationStatus: 'implemented',
      justification: 'Our AI policy is published.',
    });
    expect(theirs.status).toBe(200);
    await form.getByRole('button', { name: 'Save decision' }).click();
    const conflict = form.getByTestId('stale-conflict');
    // The status they sent lands on the control's implementation (one source): the conflict is the reason.
    await conflict.getByRole('cell', { name: 'Justification', exact: true }).waitFor();
    await conflict.getByRole('cell', { name: 'Our AI policy is published.', exact: true }).waitFor();
    await screenshot(page, '62-soa-conflict');
    await conflict.getByRole('button', { name: 'Discard my changes' }).click();
    await expect
      .poll(() => form.getByRole('textbox', { name: 'Justification' }).inputValue())
      .toBe('Our AI policy is published.');
    await form.getByRole('button', { name: 'Cancel' }).first().click();
    await form.waitFor({ state: 'detached' });
    await row('A.2.2').getByText('Our AI policy is published.').waitFor();
  });

  it('decides every control a filter shows in one go (issue 18: 38 controls were 38 drawers)', async () => {
    await page.goto(`${orgUrl}/soa?q=A.3.`);
    await expect.poll(() => page.locator('tr[data-ref]').count()).toBe(2);
    await page.getByRole('button', { name: 'Decide the 2 shown' }).click();
    const dialog = page.getByRole('dialog', { name: 'One decision for 2 controls' });
    await expect.poll(() => dialog.getByTestId('soa-bulk-refs').innerText()).toBe('A.3.2, A.3.3');
    // Excluding needs the reason an auditor reads.
    await dialog.getByText('Excluded', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Apply to 2 controls' }).click();
    await dialog.getByText('Say why this control is excluded', { exact: false }).waitFor();
    await dialog.getByText('Included', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Justification' }).fill('Roles and reporting are part of the AIMS.');
    await dialog.getByRole('button', { name: 'Apply to 2 controls' }).click();
    await dialog.waitFor({ state: 'detached' });
    for (const ref of ['A.3.2', 'A.3.3']) {
      await expect.poll(() => row(ref).getByTestId('soa-decision').innerText()).toBe('Included');
      await row(ref).getByText('Roles and reporting are part of the AIMS.').waitFor();
    }
  });

  it('approves version 1 past a warning once every control is decided, keeps the acknowledgement in its history, then shows draft v2 after one more change', async () => {
    // Decide the rest through the API to save time.
    for (const i of (await soaNow()).items.filter((x) => x.included === null))
      expect(
        (
          await apiCall('PATCH', `/api/orgs/${orgId}/soa/items/${i.ref}`, {
            version: i.version,
            included: true,
            implementationStatus: 'planned',
          })
        ).status,
      ).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('soa-count-undecided').innerText()).toMatch(/^0\s+Undecided\b/);
    await expect.poll(() => page.locator('[data-testid="soa-warning"][data-blocking]').count()).toBe(0);
    await page.getByRole('button', { name: 'Approve SoA' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the Statement of Applicability as version 1?' });
    // Controls included with no reason behind them: the approver may go on, but only by saying why.
    const warnings = dialog.getByTestId('approval-warnings');
    await warnings.getByText('included controls have no reason an auditor can follow', { exact: false }).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Approve version 1' });
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'I have read these warnings and approve as it stands' }).check();
    await confirm.click();
    await dialog.getByText('Say why you approve past the warnings').waitFor();
    await dialog
      .getByRole('textbox', { name: 'Why you approve past them' })
      .fill('Reasons for the remaining controls are written at the January implementation review.');
    await screenshot(page, '63-soa-approve-past-warning');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('The Statement of Applicability was approved as version 1.').waitFor();
    await expect.poll(() => status().innerText()).toBe('Approved v1');
    await page
      .getByTestId('soa-stamp')
      .getByText(/^Version 1 approved by Olga Owner on /)
      .waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Approve SoA' }).count()).toBe(0);
    await page.getByTestId('soa-version').getByText('Version 1', { exact: true }).waitFor();
    await page
      .getByTestId('soa-version-acknowledgement')
      .getByText('Reasons for the remaining controls are written at the January implementation review.', {
        exact: false,
      })
      .waitFor();
    await expect
      .poll(() => page.getByTestId('soa-version-acknowledgement').innerText())
      .toMatch(/^Approved past 2 warnings \(status missing, justification weak\)/);
    await screenshot(page, '63-soa-approved');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The frozen version, read-only.
    await page.getByRole('link', { name: 'View version 1' }).click();
    await page.waitForURL(`${orgUrl}/soa/versions/1`);
    await page.getByRole('heading', { name: 'Statement of Applicability v1', level: 1 }).waitFor();
    await row('A.10.4').getByText('Excluded', { exact: true }).waitFor();
    await expect.poll(() => page.locator('tr[data-ref]').count()).toBe(38);
    await expect.poll(() => page.getByTestId('soa-edit').count()).toBe(0);
    await page.getByRole('button', { name: 'Export' }).click();
    await expect
      .poll(() => page.getByRole('menuitem', { name: 'PDF document (.pdf)' }).getAttribute('href'))
      .toBe(`/api/orgs/${orgId}/soa/export.pdf?version=1`);
    await screenshot(page, '64-soa-version');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // One more change: the SoA becomes the draft of version 2; version 1 stays approved.
    await page.getByRole('link', { name: 'Back to the current SoA' }).click();
    await page.waitForURL(`${orgUrl}/soa`);
    await row('A.6.2.4').getByRole('button', { name: 'Edit A.6.2.4' }).click();
    const form = drawer('A.6.2.4');
    await form.getByText(`Included because the treatment of ${risk.ref} uses it.`, { exact: false }).waitFor();
    // The implementation status is read from the control's page (set there); the drawer shows it and links there.
    await form.getByTestId('soa-derived-status').getByText('Not set', { exact: true }).waitFor();
    await form.getByRole('link', { name: 'Open the control' }).waitFor();
    await form.getByRole('textbox', { name: 'Justification' }).fill('Every release is verified before it ships.');
    await form.getByRole('button', { name: 'Save decision' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => status().innerText()).toBe('Draft v2');
    await page
      .getByTestId('soa-stamp')
      .getByText(/^Version 1 was approved by Olga Owner on .*; the SoA has changed since\.$/)
      .waitFor();
    await row('A.6.2.4').getByText('Every release is verified before it ships.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Approve SoA' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '65-soa-draft-v2');
    expect((await soaNow()).status).toBe('draft');
    expect(problems).toEqual([]);
  });
});
