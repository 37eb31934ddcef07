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
import { setUpOwner, signedInPage } from './session';

// Step 4, the main flow of risk: record a risk on an AI system (4 × 5 = critical), treat it with
// A.6.2.4 (residual 2 × 3 = medium), see it on both heatmaps and in the Statement of Applicability as
// the reason A.6.2.4 is included, accept the residual risk, and approve the treatment plan.

const OWNER = {
  name: 'Rita Owner',
  email: 'rita@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Echo Credit',
};

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
let riskUrl = '';
let systemId = '';
let owner: Awaited<ReturnType<typeof setUpOwner>>;
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER, { apiToken: false });
  ({ orgId, orgUrl } = owner);
  // Through the owner's session: this test makes no token.
  const body = {
    name: 'Loan scoring model',
    intendedPurpose: 'Scores loan applications.',
    aiRoles: ['provider'],
    lifecycleStage: 'operation',
  };
  const system = await owner.api<{ id: string }>('POST', `/api/orgs/${orgId}/ai-systems`, body, {
    cookie: owner.cookie,
    'x-csrf-token': owner.csrfToken,
  });
  expect(system.status).toBe(201);
  systemId = system.body.id;

  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: orgUrl, allowStatuses: [422] });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('AI risks', () => {
  it('opens step 4 on an empty register that explains itself', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI risks' }).click();
    await page.waitForURL(`${orgUrl}/risks`);
    await page.getByTestId('risks-empty').getByText('No risks recorded yet').waitFor();
    await screenshot(page, '80-risks-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('records a risk on the AI system, rated 4 × 5 = critical', async () => {
    await page.getByRole('link', { name: 'Record the first risk' }).click();
    await page.waitForURL(`${orgUrl}/risks/new`);
    await page.getByRole('textbox', { name: 'Title' }).fill('Biased scores for older applicants');
    await page.getByRole('combobox', { name: 'AI system' }).click();
    await page.getByRole('option', { name: 'Loan scoring model' }).click();
    await page.getByRole('combobox', { name: 'Risk source' }).click();
    await page.getByRole('option', { name: /^C\.3\.4/ }).click();
    await page
      .getByRole('textbox', { name: 'Consequences for individuals and groups' })
      .fill('Older applicants refused unfairly.');
    // No rating is preselected (issue 18): an untouched picker reads "Not rated", never "Medium · 9".
    await expect.poll(() => page.getByTestId('computed-rating').innerText()).toContain('Not rated');
    await page.getByText('4 Likely', { exact: true }).click();
    await page.getByText('5 Severe', { exact: true }).click();
    await expect.poll(() => page.getByTestId('computed-rating').innerText()).toContain('Critical · 20');
    await screenshot(page, '81-risk-form');
    await page.getByRole('button', { name: 'Record risk' }).click();
    await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/);
    riskUrl = page.url();
    await page.getByRole('heading', { name: 'R-1 Biased scores for older applicants', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('risk-levels').innerText()).toContain('Critical · 20');
  });

  it('treats it with A.6.2.4, rating the residual risk 2 × 3 = medium', async () => {
    await page.getByRole('tab', { name: /Treatment/ }).click();
    await page.getByRole('button', { name: 'Add treatment' }).click();
    const form = page.getByRole('form', { name: 'Add treatment' });
    await form.getByRole('textbox', { name: 'Treatment' }).fill('Bias testing by age band before every release.');
    const controls = form.getByRole('combobox', { name: 'Controls' });
    await controls.click();
    await controls.fill('A.6.2.4');
    await page.getByRole('option', { name: /^A\.6\.2\.4/ }).click();
    await page.keyboard.press('Escape');
    await form.getByText('2 Unlikely', { exact: true }).click();
    await form.getByText('3 Moderate', { exact: true }).click();
    await expect.poll(() => form.getByTestId('computed-rating').innerText()).toContain('Medium · 6');
    await form.getByRole('button', { name: 'Add action' }).click();
    await form.getByRole('textbox', { name: 'Action' }).fill('Write the age-band test plan');
    // An action needs an owner and a due date before the plan can be approved.
    await form.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Rita Owner' }).click();
    await form.getByLabel('Due').fill('2027-03-31');
    await form.getByRole('button', { name: 'Save treatment' }).click();
    const card = page.getByTestId('treatment');
    await card.getByText('A.6.2.4').waitFor();
    await card.getByText('Write the age-band test plan').waitFor();
    // The action's owner comes from the risk answer's `people` (issue 19).
    await card.getByText(/^Rita Owner · /).waitFor();
    await expect.poll(() => page.getByTestId('residual').innerText()).toContain('Medium · 6');
    await screenshot(page, '82-risk-treated');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the risk on both heatmaps, and a cell filters the register', async () => {
    await page.goto(`${orgUrl}/risks`);
    const inherent = page.getByTestId('heatmap-inherent').locator('[data-cell="4:5"]');
    await expect.poll(() => inherent.getAttribute('data-count')).toBe('1');
    await expect
      .poll(() => page.getByTestId('heatmap-residual').locator('[data-cell="2:3"]').getAttribute('data-count'))
      .toBe('1');
    await inherent.click();
    await page
      .getByText("Showing the open risks of the inherent heatmap's cell likelihood 4 × consequence 5")
      .waitFor();
    await expect.poll(() => page.getByTestId('risk-table').locator('tbody tr').count()).toBe(1);
    await page.locator('tr[data-ref="R-1"]').waitFor();
    await screenshot(page, '83-risk-register');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('makes the SoA include A.6.2.4 with the risk as its justification', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Statement of Applicability' })
      .click();
    const row = page.locator('tr[data-ref="A.6.2.4"]');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Included');
    expect(text).toContain('R-1');
    expect(text).toContain('Biased scores for older applicants');
  });

  it('accepts the residual risk until a date, and approves the treatment plan', async () => {
    await page.goto(riskUrl);
    await page.getByRole('tab', { name: 'Acceptance' }).click();
    const form = page.getByRole('form', { name: 'Accept residual risk' });
    await form
      .getByRole('textbox', { name: 'Rationale' })
      .fill('Board risk committee accepts the residual risk while testing matures.');
    // A past date typed past the picker: the server's refusal lands on the field, in the field's words (issue 18).
    const until = form.getByLabel('Accepted until');
    await until.fill('2020-01-01');
    await form.getByRole('button', { name: 'Accept residual risk' }).click();
    await expect.poll(() => until.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Accepted until: pick a date after today', { exact: false }).waitFor();
    await until.fill('2099-06-30');
    await expect.poll(() => until.getAttribute('aria-invalid')).not.toBe('true');
    await form.getByRole('button', { name: 'Accept residual risk' }).click();
    await expect.poll(() => page.getByTestId('acceptance').innerText()).toContain('Medium accepted by Rita Owner');
    // Accepted: the form closes; renewing it is one click away.
    await expect.poll(() => form.count()).toBe(0);
    await page.getByRole('button', { name: 'Renew the acceptance' }).click();
    await expect.poll(() => form.count()).toBe(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk treatment plan' }).click();
    await expect.poll(() => page.getByTestId('plan-status').innerText()).toBe('Draft v1');
    await page.locator('tr[data-ref="R-1"]').getByText('A.6.2.4').waitFor();
    await page.getByRole('button', { name: 'Approve plan' }).click();
    // The risk has no owner: approved past that warning only with a reason, kept with the approval.
    const dialog = page.getByRole('dialog');
    await dialog
      .getByTestId('approval-warnings')
      .getByText('Risk R-1 (Biased scores for older applicants) has no risk owner.')
      .waitFor();
    await dialog.getByRole('checkbox', { name: 'I have read these warnings and approve as it stands' }).check();
    await dialog
      .getByRole('textbox', { name: 'Why you approve past them' })
      .fill('The risk owner is named at the next committee meeting.');
    await dialog.getByRole('button', { name: 'Approve plan' }).click();
    await page.getByTestId('plan-status').getByText('Approved v1').waitFor();
    await page
      .getByTestId('plan-acknowledgement')
      .getByText('The risk owner is named at the next committee meeting.', { exact: false })
      .waitFor();
    await screenshot(page, '84-treatment-plan');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lists the risk on its AI system page, beside the way to assess impact', async () => {
    await page.goto(`${orgUrl}/ai-systems/${systemId}?tab=risks`);
    await page.getByRole('link', { name: 'R-1 Biased scores for older applicants' }).waitFor();
    await page.getByRole('link', { name: 'Assess impact' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the default criteria matrix, 4 × 5 = 20 critical', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk criteria' }).click();
    const inForce = page.getByTestId('criteria-matrix').first();
    await expect.poll(() => inForce.locator('[data-score="20"]').first().getAttribute('data-level')).toBe('critical');
    await expect.poll(() => inForce.locator('td[data-level="medium"]').count()).toBe(7);
    // The matrix once: the draft waiting for approval opens its editor on request (issue 18).
    await page.getByTestId('criteria-draft-waiting').getByText('Draft no. 1 is not approved yet').waitFor();
    await expect.poll(() => page.getByTestId('criteria-matrix').count()).toBe(1);
    // Beside the register in the navigation, under step 4.
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    const names = links.map((t) => t.trim());
    expect(names.indexOf('AI risks') - names.indexOf('Risk criteria')).toBe(1);
    await screenshot(page, '85-risk-criteria');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('edits a scale one row per level: a blank label is named and focused, levels come and go (issue 18)', async () => {
    await page.getByRole('button', { name: 'Review the draft' }).click();
    const likelihood = page.getByTestId('scale-likelihood');
    await expect.poll(() => likelihood.getByTestId('scale-row').count()).toBe(5);
    const third = likelihood.getByRole('textbox', { name: 'Likelihood level 3' });
    await third.fill('');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await likelihood.getByText('Likelihood level 3: label is required').waitFor();
    await expect.poll(() => third.evaluate((el) => el === document.activeElement)).toBe(true);
    await third.fill('Possible');
    await likelihood.getByRole('textbox', { name: 'What level 3 means (optional)' }).fill('About once a year');
    // Removing the top level shrinks the matrix and its highest band with it; adding one brings both back.
    const critical = page.getByRole('textbox', { name: 'Critical up to score' });
    await likelihood.getByRole('button', { name: 'Remove likelihood level 5' }).click();
    await expect.poll(() => likelihood.getByTestId('scale-row').count()).toBe(4);
    await expect.poll(() => critical.inputValue()).toBe('20');
    await likelihood.getByRole('button', { name: 'Add a likelihood level' }).click();
    await likelihood.getByRole('textbox', { name: 'Likelihood level 5' }).fill('Almost certain');
    await expect.poll(() => critical.inputValue()).toBe('25');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // On a phone the rows wrap instead of widening the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, '86b-risk-criteria-scales-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();
    const saved = (await (await page.request.get(`${running.baseUrl}/api/orgs/${orgId}/risk-criteria`)).json()) as {
      draft: { likelihoodLabels: string[]; likelihoodDescriptions: string[] };
    };
    expect(saved.draft.likelihoodLabels).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(saved.draft.likelihoodDescriptions).toEqual(['', '', 'About once a year', '', '']);
    // The draft is what applies until something is approved: its summary says what level 3 means.
    await page.getByTestId('scale-meanings').getByText('3 Possible — About once a year').waitFor();
    await screenshot(page, '86-risk-criteria-scales');
  });

  it('never overwrites a colleague: a stale save shows both values and re-applies mine', async () => {
    await page.goto(`${riskUrl}/edit`);
    await page
      .getByRole('textbox', { name: 'Consequences for the organization' })
      .fill('Regulator fines and lost trust.');
    // Meanwhile a colleague (the API) changes the description.
    const { csrfToken } = (await (await page.request.get(`${running.baseUrl}/api/me`)).json()) as { csrfToken: string };
    const riskApi = `${running.baseUrl}/api/orgs/${orgId}/risks/${riskUrl.split('/').at(-1)}`;
    const { version } = (await (await page.request.get(riskApi)).json()) as { version: number };
    const theirs = await page.request.patch(riskApi, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version, description: 'Seen in the 2026 fairness review.' },
    });
    expect(theirs.status()).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByTestId('stale-conflict');
    await conflict.waitFor();
    // The browser logs the refused save (409); that one is expected.
    problems.splice(0, problems.length, ...problems.filter((p) => !/status of 409/.test(p)));
    await expect.poll(() => conflict.innerText()).toMatch(/Description\s+Seen in the 2026 fairness review\.\s+—/);
    await expect
      .poll(() => conflict.innerText())
      .toMatch(/Consequences for the organization\s+—\s+Regulator fines and lost trust\./);
    await screenshot(page, '86-risk-stale-conflict');
    await conflict.getByRole('button', { name: 'Load their version and re-apply my changes' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Description' }).inputValue())
      .toBe('Seen in the 2026 fairness review.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(riskUrl);
    await page.getByText('Regulator fines and lost trust.').waitFor();
    await page.getByText('Seen in the 2026 fairness review.').waitFor();
  });

  it('keeps the history of the risk, its treatment and its acceptance', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const entries = page.getByTestId('history-entry');
    await entries.first().waitFor();
    const actions = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual([
      'risk.updated',
      'risk.updated',
      'risk_acceptance.created',
      'risk_treatment.created',
      'risk.created',
    ]);
    await expect.poll(() => page.locator('[data-action="risk_treatment.created"]').innerText()).toContain('A.6.2.4');
    await expect
      .poll(() => page.locator('[data-field="consequencesOrganization"]').innerText())
      .toContain('Regulator fines and lost trust.');
    await page.locator('[data-action="risk_treatment.created"]').scrollIntoViewIfNeeded();
    await screenshot(page, '87-risk-history');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('sorts the register by a column, kept in the address', async () => {
    const { csrfToken } = (await (await page.request.get(`${running.baseUrl}/api/me`)).json()) as { csrfToken: string };
    const second = await page.request.post(`${running.baseUrl}/api/orgs/${orgId}/risks`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        title: 'Chatbot gives outdated fee information',
        kind: 'risk',
        aiSystemId: null,
        source: 'C.3.7',
        likelihood: 1,
        consequence: 2,
      },
    });
    expect(second.status()).toBe(201);
    await page.goto(`${orgUrl}/risks`);
    const refs = () =>
      page
        .getByTestId('risk-table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    await page.locator('tr[data-ref="R-2"]').waitFor();
    await page.getByRole('button', { name: 'Inherent' }).click();
    await page.waitForURL(/sort=inherent&order=asc/);
    await expect.poll(refs).toEqual(['R-2', 'R-1']);
    await page.getByRole('button', { name: 'Inherent' }).click();
    await page.waitForURL(/order=desc/);
    await expect.poll(refs).toEqual(['R-1', 'R-2']);
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Inherent' }).getAttribute('aria-sort'))
      .toBe('descending');
    await page.reload();
    await page.locator('tr[data-ref="R-2"]').waitFor();
    await expect.poll(() => refs()).toEqual(['R-1', 'R-2']);
    await page.getByTestId('risk-table').scrollIntoViewIfNeeded();
    await screenshot(page, '88-risk-register-sorted');
    expect(problems).toEqual([]);
  });

  it('asks before leaving a form with unsaved changes, and keeps them when you stay', async () => {
    await page.goto(`${riskUrl}/edit`);
    const title = page.getByRole('textbox', { name: 'Title' });
    await title.fill('A title I have not saved');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI risks' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await screenshot(page, '89-risk-leave-guard');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(`${new URL(riskUrl).pathname}/edit`);
    await expect.poll(() => title.inputValue()).toBe('A title I have not saved');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI risks' }).click();
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave without saving' })
      .click();
    await page.waitForURL(`${orgUrl}/risks`);
    expect(problems).toEqual([]);
  });

  it('keeps unsaved changes as a draft through a reload, and restores them on the saved version', async () => {
    await page.goto(`${riskUrl}/edit`);
    const description = page.getByRole('textbox', { name: 'Description' });
    await description.fill('Drafted before the tab closed.');
    // The draft is written once typing pauses.
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fortytwo.draft.')).length))
      .toBe(1);
    // Reloading asks the browser's own "leave site?" question: say yes, as someone closing the tab would.
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    const offer = page.getByTestId('draft-offer');
    await offer.waitFor();
    await expect.poll(() => description.inputValue()).toBe('Seen in the 2026 fairness review.');
    await screenshot(page, '90-risk-draft-offer');
    await offer.getByRole('button', { name: 'Restore my changes' }).click();
    await expect.poll(() => description.inputValue()).toBe('Drafted before the tab closed.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(riskUrl);
    await page.getByText('Drafted before the tab closed.').waitFor();
    // Saved: the draft is gone, and the form opens clean.
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fortytwo.draft.')).length))
      .toBe(0);
    await page.goto(`${riskUrl}/edit`);
    await description.waitFor();
    await expect.poll(() => page.getByTestId('draft-offer').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens a dashboard list whole in the register, past the five it shows (issue 19)', async () => {
    // Six risks nobody has rated: each needs attention, one more than the list shows.
    for (let i = 1; i <= 6; i++) {
      const made = await owner.api(
        'POST',
        `/api/orgs/${orgId}/risks`,
        { title: `Unrated supplier risk ${i}`, source: 'C.3.6' },
        { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
      );
      expect(made.status).toBe(201);
    }
    await page.goto(`${orgUrl}/risks`);
    const side = page
      .locator('.mantine-Paper-root')
      .filter({ has: page.getByRole('heading', { name: 'Needs attention' }) });
    const total = Number(await side.locator('.mantine-Badge-root').innerText());
    expect(total).toBeGreaterThanOrEqual(6);
    await expect.poll(() => side.getByRole('link', { name: /^Unrated supplier risk|^R-/ }).count()).toBe(5);
    await side.getByRole('link', { name: `All ${total} in the register` }).click();
    // The needs-attention list is the register's own "Needs attention only" filter (one control, one rule).
    await page.waitForURL(/\/risks\?attention=true$/);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Needs attention only' }).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('risk-table').locator('tbody tr').count()).toBe(total);
    await page.locator('tr[data-ref="R-1"]').waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
