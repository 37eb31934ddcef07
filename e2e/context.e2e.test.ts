import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  describeWithBrowser,
  launchBrowser,
  screenshot,
  seriousA11yViolations,
  startServer,
  type Running,
} from './browser';
import { setUpOwner, signedInPage, type Api, type Credentials } from './session';

// Clauses 4.1 and 4.2: the AI roles and the climate decision (a decision needs a reason), a stale
// save that overwrites nothing, the issues register with its filters and an overdue review date,
// an interested party whose addressed requirement must say how, and a viewer who reads it all.

const OWNER = {
  name: 'Rita Roles',
  email: 'rita@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Delta Mobility',
};
const VIEWER = { name: 'Vic Viewer', email: 'vic@example.com', password: 'viewers only read things' };
const RULE = 'Say how the AIMS addresses this requirement: name clauses or controls, or describe it';
const CLIMATE_RULE =
  'Give the reason for the climate-change decision: auditors look for why it is (or is not) relevant';

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
let apiCall: Api;
const problems: string[] = [];

// 409: the stale save this test provokes on purpose.
const signInAs = (user: Credentials) =>
  signedInPage(browser, running.baseUrl, user, { problems, allowStatuses: [409], landing: orgUrl });

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  // An AI system the organization buys in: the inventory says "customer", which the roles suggest.
  const bought = await apiCall('POST', `/api/orgs/${orgId}/ai-systems`, {
    name: 'Route planner (bought in)',
    intendedPurpose: 'Plans delivery routes.',
    aiRoles: ['customer'],
    lifecycleStage: 'operation',
  });
  expect(bought.status).toBe(201);
  page = await signInAs(OWNER);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
const role = (name: string) => page.getByRole('group', { name, exact: true });
/** Waits until the register says how many issues it shows. */
const shows = (count: string) => page.getByTestId('issues-count').getByText(count, { exact: true }).waitFor();

describeWithBrowser('context and interested parties', () => {
  it('determines two AI roles with reasons, and a climate decision that needs a reason', async () => {
    await nav().getByRole('link', { name: 'Context & roles' }).click();
    await page.waitForURL(`${orgUrl}/context`);
    await page.getByText('Nothing recorded yet: fill in and save').waitFor();
    // Six roles, each explained in a line.
    await expect.poll(() => page.locator('[data-role]').count()).toBe(6);
    await role('AI producer').getByText('Designs, develops, tests or deploys').waitFor();
    // Suggested from the inventory's AI roles (issue 18), only where an AI system has the role.
    await role('AI customer')
      .getByTestId('role-suggestion')
      .getByText('Suggested: 1 AI system in the inventory has this role.')
      .waitFor();
    expect(await page.getByTestId('role-suggestion').count()).toBe(1);

    await role('AI provider').getByRole('checkbox', { name: 'We have this role' }).check();
    await role('AI provider').getByRole('checkbox', { name: 'AI product or service provider' }).check();
    await role('AI provider')
      .getByRole('textbox', { name: 'Why we have this role' })
      .fill('We sell a route-planning service that uses our own demand model.');
    await role('AI producer').getByRole('checkbox', { name: 'We have this role' }).check();
    await role('AI producer').getByRole('checkbox', { name: 'AI developer' }).check();
    await role('AI producer').getByRole('checkbox', { name: 'AI tester and evaluator' }).check();
    await role('AI producer')
      .getByRole('textbox', { name: 'Why we have this role' })
      .fill('Our data team builds and validates the demand model.');
    await page.getByRole('radio', { name: 'Not relevant' }).check();
    // Saved from the end of the page with the provider's reason missing: that field, far above, is
    // brought back into sight, not left under the sticky top bar (issue 18).
    const providerReason = role('AI provider').getByRole('textbox', { name: 'Why we have this role' });
    await providerReason.fill('');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.getByRole('button', { name: 'Save context' }).click();
    await expect.poll(() => providerReason.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() =>
        page.evaluate(() => {
          const r = document.activeElement!.getBoundingClientRect();
          const top = document.querySelector('.mantine-AppShell-header')!.getBoundingClientRect().bottom;
          const bottom = document.querySelector('[data-testid="save-bar"]')!.getBoundingClientRect().top;
          return r.top >= top && r.bottom <= bottom;
        }),
      )
      .toBe(true);
    await providerReason.fill('We sell a route-planning service that uses our own demand model.');
    await page.getByRole('button', { name: 'Save context' }).click();
    await page.getByText(CLIMATE_RULE).waitFor();
    const climateReason = page.getByRole('textbox', { name: 'Reason for the decision' });
    await expect.poll(() => climateReason.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-invalid')))
      .toBe('true');
    await screenshot(page, '30-context-climate-rule');

    await climateReason.fill(
      'Our models are small and run in a data centre on renewable power; weather does not change what they do.',
    );
    await page.getByRole('button', { name: 'Save context' }).click();
    await page.getByText('The context was saved.').waitFor();
    await page.getByText(/^Version 1, saved /).waitFor();
    const saved = await apiCall<{
      aiRoles: { role: string; subRoles: string[] }[];
      climateRelevant: boolean | null;
      version: number;
    }>('GET', `/api/orgs/${orgId}/context`);
    expect(saved.body).toMatchObject({
      climateRelevant: false,
      version: 1,
      aiRoles: [
        { role: 'provider', subRoles: ['ai_product_or_service_provider'] },
        { role: 'producer', subRoles: ['ai_developer', 'ai_tester_evaluator'] },
      ],
    });
    // The history names what the save set.
    const entry = page.getByTestId('history-entry').first();
    await entry.locator('tr[data-field="provider"]').waitFor();
    await entry.locator('tr[data-field="climateRelevant"]').getByText('Not relevant').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '31-context-roles');
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, '31b-context-history');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('brings a refused field out from under the sticky top bar, at 1440 × 900 and at 390 px (issue 18)', async () => {
    const providerReason = role('AI provider').getByRole('textbox', { name: 'Why we have this role' });
    const kept = await providerReason.inputValue();
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await providerReason.fill('');
      // The field sits just under the top bar: in the viewport, so the browser's "scroll if needed"
      // alone would leave it hidden behind the bar.
      await providerReason.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 24));
      await page.getByRole('button', { name: 'Save context' }).click();
      await expect.poll(() => providerReason.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() =>
          page.evaluate(() => {
            const field = document.activeElement!;
            const header = document.querySelector('.mantine-AppShell-header')!.getBoundingClientRect();
            const bar = document.querySelector('[data-testid="save-bar"]')!.getBoundingClientRect();
            const r = field.getBoundingClientRect();
            return field.getAttribute('aria-invalid') === 'true' && r.top >= header.bottom && r.bottom <= bar.top;
          }),
        )
        .toBe(true);
      await screenshot(page, `30b-context-refused-field-${viewport.width}`);
      await providerReason.fill(kept);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('never overwrites a colleague: a stale save shows both values and re-applies mine', async () => {
    await page.getByRole('textbox', { name: 'Context summary' }).fill('A mobility start-up in Germany.');
    const theirs = await apiCall('PATCH', `/api/orgs/${orgId}/context`, {
      version: 1,
      climateReason: 'Reviewed by the board: not relevant for now.',
    });
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Save context' }).click();
    // What the page says after the save, in the failure message if it is not the conflict (a CI run once
    // timed out here with the form still dirty and no way to tell what showed instead).
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Reason for the decision')]));
    const conflict = page.getByTestId('stale-conflict');
    await conflict.getByRole('cell', { name: 'Reason for the decision', exact: true }).waitFor();
    await conflict.getByRole('cell', { name: 'Context summary', exact: true }).waitFor();
    await screenshot(page, '32-context-conflict');
    await conflict.getByRole('button', { name: 'Load their version and re-apply my changes' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Reason for the decision' }).inputValue())
      .toBe('Reviewed by the board: not relevant for now.');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Context summary' }).inputValue())
      .toBe('A mobility start-up in Germany.');
    await page.getByRole('button', { name: 'Save context' }).click();
    await page.getByText(/^Version 3, saved /).waitFor();
    const after = await apiCall<{ summary: string; climateReason: string }>('GET', `/api/orgs/${orgId}/context`);
    expect(after.body).toMatchObject({
      summary: 'A mobility start-up in Germany.',
      climateReason: 'Reviewed by the board: not relevant for now.',
    });
  });

  it('keeps the issues register: internal and external issues, filters, an overdue review date, CSV, history', async () => {
    await page.getByRole('tab', { name: 'Issues' }).click();
    await page.waitForURL(`${orgUrl}/context/issues`);
    await page.getByText('Record the issues that shape your AIMS').waitFor();
    await page.getByText(/Clause 4\.1 asks you to understand/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add your first issue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an issue' });
    await dialog.getByRole('button', { name: 'Add issue' }).click();
    await dialog.getByText('Description is required').waitFor();
    await dialog.getByText('Choose a category').first().waitFor();
    await dialog.getByRole('radio', { name: 'Internal' }).check();
    await dialog.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Organizational' }).click();
    await dialog
      .getByRole('textbox', { name: 'Issue' })
      .fill('Two data scientists maintain every model; nobody else can retrain them.');
    await dialog
      .getByRole('textbox', { name: 'Effect on the AIMS' })
      .fill('Competence and backup for model operation (7.2).');
    await dialog.getByRole('textbox', { name: 'Source' }).fill('Org chart 2026');
    await dialog.getByLabel('Review date').fill('2025-01-31');
    await screenshot(page, '33-issue-form');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add issue' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Add issue' }).click();
    await dialog.getByRole('radio', { name: 'External' }).check();
    await dialog.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Legal and regulatory' }).click();
    await dialog
      .getByRole('textbox', { name: 'Issue' })
      .fill('EU AI Act obligations for transport-related AI systems.');
    await dialog.getByLabel('Review date').fill('2099-06-30');
    await dialog.getByRole('button', { name: 'Add issue' }).click();
    await dialog.waitFor({ state: 'detached' });

    const table = page.getByTestId('issues-table');
    await shows('2 issues');
    const internal = table.locator('tr[data-kind="internal"]');
    await expect.poll(() => internal.getAttribute('data-review')).toBe('overdue');
    await internal.getByText('Overdue').waitFor();
    await page.getByTestId('overdue-summary').getByText('1 issue is past the review date').waitFor();
    await screenshot(page, '34-issues');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const kind = page.getByRole('radiogroup', { name: 'Kind' });
    await kind.getByText('Internal', { exact: true }).click();
    await page.waitForURL(/kind=internal/);
    await shows('1 issue');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await expect.poll(() => table.locator('tr[data-kind="external"]').count()).toBe(0);
    await kind.getByText('External', { exact: true }).click();
    await shows('1 issue');
    await table.getByText('EU AI Act obligations').waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    const csvHref = await page.getByRole('menuitem', { name: 'CSV file (.csv)' }).getAttribute('href');
    expect(await page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' }).getAttribute('href')).toBe(
      `/api/orgs/${orgId}/context-issues/export.xlsx?kind=external`,
    );
    await page.keyboard.press('Escape');
    expect(csvHref).toBe(`/api/orgs/${orgId}/context-issues/export.csv?kind=external`);
    const csv = await page.request.get(`${running.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('EU AI Act obligations');
    await page.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Organizational' }).click();
    await page.getByText('No issue matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await shows('2 issues');

    // Edit: a new review date clears the overdue mark; the history shows the change.
    await internal.getByRole('button', { name: /^Actions: Two data scientists/ }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit issue' });
    await edit.getByLabel('Review date').fill('2099-01-31');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => internal.getAttribute('data-review')).toBe('later');
    await internal.getByRole('button', { name: /^Actions: / }).click();
    await page.getByRole('menuitem', { name: 'History' }).click();
    const drawer = page.getByRole('dialog', { name: 'History of the issue' });
    await drawer.locator('tr[data-field="reviewDate"]').waitFor();
    await expect.poll(() => drawer.getByTestId('history-entry').count()).toBe(2);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('records an interested party whose addressed requirement must say how, and counts them in the list', async () => {
    await nav().getByRole('link', { name: 'Interested parties' }).click();
    await page.waitForURL(`${orgUrl}/context/parties`);
    await page.getByText('List the parties your AIMS answers to').waitFor();
    await page.getByText(/Clause 4\.2 asks you to identify/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Add your first interested party' }).click();
    await page.waitForURL(`${orgUrl}/context/parties/new`);

    await page.getByRole('textbox', { name: 'Name' }).fill('Federal transport authority');
    await page.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Regulators and authorities' }).click();
    await page.getByRole('button', { name: 'Add requirement' }).click();
    const first = page.getByRole('group', { name: 'Requirement 1' });
    await first.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Legal', exact: true }).click();
    await first
      .getByRole('textbox', { name: 'Requirement' })
      .fill('Explain route decisions that affect public transport operators');
    await first.getByRole('switch', { name: 'Addressed by the AIMS' }).check();
    await page.getByRole('button', { name: 'Add requirement' }).click();
    const second = page.getByRole('group', { name: 'Requirement 2' });
    await second.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Contractual', exact: true }).click();
    await second.getByRole('textbox', { name: 'Requirement' }).fill('Quarterly data-sharing report');

    // Addressed, but neither refs nor how: the rule shows on the row.
    await page.getByRole('button', { name: 'Add interested party' }).click();
    await first.getByText(RULE).waitFor();
    await expect
      .poll(() => first.getByRole('textbox', { name: 'How it is addressed' }).getAttribute('aria-invalid'))
      .toBe('true');
    await expect.poll(() => second.getByText(RULE).count()).toBe(0);
    await screenshot(page, '35-party-form-rule');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await first.getByRole('combobox', { name: 'Addressed through (ISO/IEC 42001)' }).fill('A.8.2');
    await page.getByRole('option', { name: /^A\.8\.2 / }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => first.getByText(RULE).count()).toBe(0);
    await page.getByRole('button', { name: 'Add interested party' }).click();

    await page.waitForURL(/\/context\/parties\/[^/]+$/);
    await page.getByRole('heading', { name: 'Federal transport authority', level: 1 }).waitFor();
    const reqs = page.getByTestId('requirements-table');
    await reqs
      .locator('tr[data-addressed="true"]')
      .getByRole('link', { name: /^A\.8\.2 System documentation/ })
      .waitFor();
    await reqs.locator('tr[data-addressed="false"]').getByText('Not addressed').waitFor();
    await page.getByText('2 requirements, 1 addressed by the AIMS').waitFor();
    await screenshot(page, '36-party-detail');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('[data-testid="history-entry"][data-action="interested_party.created"]').waitFor();

    await page.getByRole('link', { name: 'Interested parties' }).first().click();
    await page.waitForURL(`${orgUrl}/context/parties`);
    const row = page.locator('tr[data-party="Federal transport authority"]');
    await expect.poll(() => row.getByTestId('requirement-count').innerText()).toBe('2');
    await expect.poll(() => row.getByTestId('addressed-count').innerText()).toBe('1 of 2');
    await page.getByText('1 party · 2 requirements, 1 addressed by the AIMS').waitFor();
    await screenshot(page, '37-parties');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Export' }).click();
    const csv = await page.request.get(
      `${running.baseUrl}${await page.getByRole('menuitem', { name: 'CSV file (.csv)' }).getAttribute('href')}`,
    );
    await page.keyboard.press('Escape');
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('A.8.2');

    // An edit keeps the first requirement (its id goes back with the list) and decides the second.
    await row.getByRole('link', { name: 'Federal transport authority' }).click();
    const firstId = (
      await apiCall<{ items: { requirements: { id: string }[] }[] }>('GET', `/api/orgs/${orgId}/interested-parties`)
    ).body.items[0]!.requirements[0]!.id;
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/\/edit$/);
    const again = page.getByRole('group', { name: 'Requirement 2' });
    await again.getByRole('switch', { name: 'Addressed by the AIMS' }).check();
    await again
      .getByRole('textbox', { name: 'How it is addressed' })
      .fill('Report template in the data-sharing agreement, owned by the AIMS manager.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('2 requirements, 2 addressed by the AIMS').waitFor();
    const party = (
      await apiCall<{ items: { requirements: { id: string; addressed: boolean }[]; version: number }[] }>(
        'GET',
        `/api/orgs/${orgId}/interested-parties`,
      )
    ).body.items[0]!;
    expect(party.version).toBe(2);
    expect(party.requirements[0]!.id).toBe(firstId);
    expect(party.requirements.map((r) => r.addressed)).toEqual([true, true]);
    await page.getByRole('tab', { name: 'History' }).click();
    await page
      .locator('[data-testid="history-entry"][data-action="interested_party.updated"] tr[data-field^="req-"]')
      .getByText(/Report template/)
      .waitFor();
    await screenshot(page, '37b-party-history');
  });

  it('shows a viewer everything, without a way to change it', async () => {
    const invite = await apiCall<{ token: string }>('POST', `/api/orgs/${orgId}/invitations`, {
      email: VIEWER.email,
      role: 'viewer',
    });
    expect(invite.status).toBe(201);
    const accepted = await fetch(`${running.baseUrl}/api/invitations/${invite.body.token}/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: VIEWER.name, password: VIEWER.password }),
    });
    expect(accepted.status).toBe(200);
    const viewer = await signInAs(VIEWER);
    await viewer.goto(`${orgUrl}/context`);
    await viewer.getByText('Your role can read the context but not change it.', { exact: false }).waitFor();
    await viewer.getByRole('article', { name: 'AI provider' }).getByText('AI product or service provider').waitFor();
    await viewer.getByText('Not relevant', { exact: true }).waitFor();
    // Each control the viewer lacks is first found on the owner's view of the same page: a renamed
    // label then fails here, instead of a one-shot count() passing because nothing matches any more.
    const ownerSees = async (url: string, ...controls: Locator[]) => {
      await page.goto(url);
      for (const c of controls) await c.first().waitFor();
    };
    await ownerSees(viewer.url(), page.getByRole('button', { name: 'Save context' }), page.getByRole('checkbox'));
    expect(await viewer.getByRole('button', { name: 'Save context' }).count()).toBe(0);
    expect(await viewer.getByRole('checkbox').count()).toBe(0);
    await screenshot(viewer, '38-context-read-only');
    expect(await seriousA11yViolations(viewer)).toEqual([]);

    await viewer.getByRole('tab', { name: 'Issues' }).click();
    await viewer.getByTestId('issues-table').locator('tbody tr').nth(1).waitFor();
    await ownerSees(`${orgUrl}/context/issues`, page.getByRole('button', { name: 'Add issue' }));
    await page.getByTestId('issues-table').locator('tbody tr').nth(1).waitFor();
    await page
      .getByRole('button', { name: /^Actions/ })
      .first()
      .waitFor();
    expect(await viewer.getByRole('button', { name: /Add issue|^Actions/ }).count()).toBe(0);
    await viewer.goto(`${orgUrl}/context/parties`);
    await viewer.locator('tr[data-party="Federal transport authority"]').getByRole('link').click();
    await viewer.getByTestId('requirements-table').waitFor();
    await ownerSees(viewer.url(), page.getByRole('link', { name: /Edit|Add/ }));
    expect(await viewer.getByRole('link', { name: /Edit|Add/ }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await viewer.context().close();
    expect(problems).toEqual([]);
  });
});
