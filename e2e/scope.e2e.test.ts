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

// Step 2, scope and governance: the scope builder (a live AI system left out is flagged until it is
// in scope, an exclusion needs its reason, the statement follows the fields, the owner approves
// revision 1), the RACI flagging two Accountables, and a governance pillar given an owner and an
// objective. Steps share one signed-in page.

const OWNER = {
  name: 'Olga Owner',
  email: 'olga@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Delta Insurance',
};
const SYSTEMS = [
  {
    name: 'Claims chatbot',
    intendedPurpose: 'Answers policyholders’ questions about the status of their claim.',
    aiRoles: ['provider'],
    lifecycleStage: 'operation',
  },
  {
    name: 'Fraud scoring model',
    intendedPurpose: 'Scores incoming claims for signs of fraud before a handler looks at them.',
    aiRoles: ['producer'],
    lifecycleStage: 'development',
  },
  {
    name: 'Document classifier',
    intendedPurpose: 'Sorts scanned claim documents by type.',
    aiRoles: ['customer'],
    lifecycleStage: 'design',
  },
];

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
let apiCall: Api;
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  for (const s of SYSTEMS) expect((await apiCall('POST', `/api/orgs/${orgId}/ai-systems`, s)).status).toBe(201);
  const context = await apiCall('PATCH', `/api/orgs/${orgId}/context`, {
    version: 0,
    aiRoles: [{ role: 'provider', reason: 'We build and run the claims chatbot for our policyholders.' }],
  });
  expect(context.status).toBe(200);

  // 409: the stale save this test provokes.
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, allowStatuses: [409], landing: orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const statement = () => page.getByTestId('scope-statement').first();
const warnings = () => page.getByTestId('scope-warnings');

/** Types an entry into a tag-style list and confirms it with Enter. */
async function addEntry(label: string, value: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

describeWithBrowser('scope builder', () => {
  it('opens from the navigation, teaches why the scope matters and flags the live AI system left out', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scope', exact: true }).click();
    await page.waitForURL(`${orgUrl}/scope`);
    await page.getByRole('heading', { name: 'Scope', level: 1 }).waitFor();
    await page.getByText('Why the scope matters for certification').waitFor();
    await expect.poll(() => page.getByTestId('scope-status').first().innerText()).toBe('Draft');
    await warnings()
      .getByText('Claims chatbot is in operation but outside the scope, with no reason given.', { exact: false })
      .waitFor();
    await expect.poll(() => page.getByTestId('scope-warning').count()).toBe(1);
    // The checklist shows every system with its stage; only the live one is flagged.
    await expect.poll(() => page.getByTestId('scope-system').count()).toBe(3);
    await expect
      .poll(() => page.locator('[data-testid="scope-system"][data-warning]').getAttribute('data-name'))
      .toBe('Claims chatbot');
    await page.getByRole('textbox', { name: 'Why is Claims chatbot left out of the scope?' }).waitFor();
    await page.getByText('Nothing to approve yet: build the scope and save it first.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Approve', exact: true }).isDisabled()).toBe(true);
    await page.getByText('No AI system has been placed in scope yet.').waitFor();
    await screenshot(page, '40-scope-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('builds the scope: units and sites, an exclusion that needs its justification, the live system in scope', async () => {
    await addEntry('Organizational units', 'Claims department');
    await addEntry('Sites', 'Paris head office');
    await statement()
      .getByText(
        'The AI management system of Delta Insurance covers the Claims department at Paris head office in its role as AI provider.',
      )
      .waitFor();

    await page.getByRole('button', { name: 'Add exclusion' }).click();
    const exclusion = page.getByRole('group', { name: 'Exclusion 1' });
    await exclusion.getByRole('textbox', { name: 'Excluded item' }).fill('Research lab in Lyon');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await exclusion.getByText('Each exclusion needs a justification: say why it is outside the AIMS').waitFor();
    const justification = exclusion.getByRole('textbox', { name: 'Justification' });
    await expect.poll(() => justification.getAttribute('aria-invalid')).toBe('true');
    // The failed save moves focus to the field to fix.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await justification.fill('Works on prototypes only; nothing it builds reaches policyholders.');
    await expect
      .poll(() => exclusion.getByText('Each exclusion needs a justification', { exact: false }).count())
      .toBe(0);

    await page.getByRole('checkbox', { name: 'Claims chatbot' }).check();
    await expect.poll(() => warnings().count()).toBe(0);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Why is Claims chatbot left out of the scope?' }).count())
      .toBe(0);
    const bullets = statement().getByRole('listitem');
    await bullets
      .filter({ hasText: 'Claims chatbot: Answers policyholders’ questions about the status of their claim.' })
      .waitFor();
    await bullets.filter({ hasText: 'Research lab in Lyon: Works on prototypes only' }).waitFor();
    await page.getByText('Preview of your unsaved changes').waitFor();
    await page.getByText('Save your changes before approving.').waitFor();
    await screenshot(page, '41-scope-editing');
  });

  it('saves the draft, and the owner approves it as revision 1', async () => {
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('The scope draft was saved.').waitFor();
    await page.getByText('No unsaved changes.').waitFor();
    const saved = await apiCall<{
      version: number;
      units: string[];
      aiSystemIds: string[];
      exclusions: unknown[];
      warnings: unknown[];
    }>('GET', `/api/orgs/${orgId}/scope`);
    expect(saved.body).toMatchObject({
      version: 1,
      units: ['Claims department'],
      exclusions: [
        {
          item: 'Research lab in Lyon',
          justification: 'Works on prototypes only; nothing it builds reaches policyholders.',
        },
      ],
      warnings: [],
    });
    expect(saved.body.aiSystemIds).toHaveLength(1);

    await page.getByRole('button', { name: 'Approve revision 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the scope as revision 1?' });
    await dialog.getByRole('button', { name: 'Approve revision 1' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('The scope was approved as revision 1.').waitFor();
    await page.getByTestId('scope-status').filter({ hasText: 'Approved revision 1' }).first().waitFor();
    await page.getByText(/^Revision 1, approved by Olga Owner on /).waitFor();
    await page.getByText('Revision 1 already holds this draft. Change the scope to approve a new revision.').waitFor();
    const revision = page.getByTestId('scope-revision');
    await expect.poll(() => revision.count()).toBe(1);
    await screenshot(page, '42-scope-approved');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await revision.getByRole('button', { name: 'View revision 1' }).click();
    const view = page.getByRole('dialog', { name: 'Scope statement, revision 1' });
    await view.getByText('Claims chatbot', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    await screenshot(page, '43-scope-revision');
    await view.getByRole('button', { name: 'Close dialog' }).click();
    await expect.poll(() => view.count()).toBe(0);
  });

  it('never overwrites a colleague: a stale save shows their change and re-applies mine on top', async () => {
    await addEntry('Sites', 'Lyon office');
    const current = await apiCall<{ version: number }>('GET', `/api/orgs/${orgId}/scope`);
    const theirs = await apiCall('PATCH', `/api/orgs/${orgId}/scope`, {
      version: current.body.version,
      processes: ['Claims triage'],
    });
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Save draft' }).click();
    const conflict = page.getByTestId('stale-conflict');
    await conflict.getByRole('cell', { name: 'Processes', exact: true }).waitFor();
    await conflict.getByRole('cell', { name: 'Sites', exact: true }).waitFor();
    await screenshot(page, '48-scope-conflict');
    await conflict.getByRole('button', { name: 'Load their scope and re-apply my changes' }).click();
    await statement().getByText('Processes in scope: Claims triage.').waitFor();
    await statement().getByText('at Paris head office and Lyon office', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('No unsaved changes.').waitFor();
    const saved = await apiCall<{ sites: string[]; processes: string[]; status: string }>(
      'GET',
      `/api/orgs/${orgId}/scope`,
    );
    expect(saved.body).toMatchObject({
      sites: ['Paris head office', 'Lyon office'],
      processes: ['Claims triage'],
      status: 'draft',
    });
    // Revision 1 stays approved; the changed draft waits for revision 2.
    await page.getByText(/^Revision 1 was approved .*; the draft has changed since\.$/).waitFor();
    await page.getByRole('button', { name: 'Approve revision 2' }).waitFor();
  });

  it('keeps an unsaved change through a reload as a draft, offered back on the saved scope', async () => {
    await addEntry('Sites', 'Lille office');
    await page.getByText('Unsaved changes', { exact: false }).first().waitFor();
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fortytwo.draft.')).length))
      .toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    const offer = page.getByTestId('draft-offer');
    await offer.getByRole('button', { name: 'Restore my changes' }).click();
    await statement().getByText('at Paris head office, Lyon office and Lille office', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('No unsaved changes.').waitFor();
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fortytwo.draft.')).length))
      .toBe(0);
    const saved = await apiCall<{ sites: string[] }>('GET', `/api/orgs/${orgId}/scope`);
    expect(saved.body.sites).toEqual(['Paris head office', 'Lyon office', 'Lille office']);
  });
});

describeWithBrowser('RACI', () => {
  it('flags two Accountables on one activity, and the fix clears it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'RACI', exact: true }).click();
    await page.waitForURL(`${orgUrl}/raci`);
    await page.getByRole('heading', { name: 'What a RACI is' }).waitFor();
    const row = page.locator('[data-testid="raci-row"][data-activity="AI risk assessment"]');
    // Seeded unassigned: work to do, not yet a problem.
    await row.getByText('Not assigned yet: name one Accountable and at least one Responsible.').waitFor();
    await expect.poll(() => row.getAttribute('data-problem')).toBeNull();

    // A role as a second column, next to the only member.
    await page.getByRole('combobox', { name: 'Add a column' }).click();
    await page.getByRole('option', { name: 'Approver (top management) (role)' }).click();
    await page.getByRole('columnheader', { name: /Approver \(top management\)/ }).waitFor();
    // The choice is the organization's, kept on the server: a colleague on another machine sees the same columns.
    await expect
      .poll(async () => (await apiCall<{ columns: unknown[] }>('GET', `/api/orgs/${orgId}/raci/columns`)).body.columns)
      .toContainEqual({ role: 'approver' });
    await page.reload();
    await page.getByRole('columnheader', { name: /Approver \(top management\)/ }).waitFor();

    const setLetter = async (who: string, letter: string, on: boolean) => {
      await row
        .getByRole('button', { name: new RegExp(`^AI risk assessment, ${who.replace(/[()]/g, '\\$&')}:`) })
        .click();
      const box = page
        .getByRole('group', { name: `${who} in AI risk assessment` })
        .getByRole('checkbox', { name: letter });
      await (on ? box.check() : box.uncheck());
      // Saved at once, without a save button.
      await page.getByText('Saving…').waitFor({ state: 'detached' });
      await page.keyboard.press('Escape');
      await box.waitFor({ state: 'detached' });
    };
    await setLetter('Olga Owner', 'A · Accountable', true);
    await setLetter('Approver (top management)', 'A · Accountable', true);
    await row.getByText('More than one Accountable: keep exactly one, so a decision has one owner.').waitFor();
    await expect.poll(() => row.getAttribute('data-problem')).not.toBeNull();
    await screenshot(page, '44-raci-two-accountables');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await setLetter('Approver (top management)', 'A · Accountable', false);
    await setLetter('Approver (top management)', 'R · Responsible', true);
    await expect.poll(() => row.getByTestId('raci-problem').count()).toBe(0);
    await expect.poll(() => row.getAttribute('data-problem')).toBeNull();
    const saved = await apiCall<{ items: { name: string; assignments: { letter: string }[]; problems: unknown[] }[] }>(
      'GET',
      `/api/orgs/${orgId}/raci`,
    );
    const activity = saved.body.items.find((a) => a.name === 'AI risk assessment')!;
    expect(activity.assignments.map((a) => a.letter).sort()).toEqual(['A', 'R']);
    expect(activity.problems).toEqual([]);
    await screenshot(page, '45-raci-fixed');
  });
});

describeWithBrowser('governance framework', () => {
  it('gives a pillar an owner and an objective, saved with its version', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Governance framework', exact: true })
      .click();
    await page.waitForURL(`${orgUrl}/governance`);
    await page.getByText('0 of 6 pillars have an owner').waitFor();
    const pillar = page.locator('[data-testid="pillar"][data-pillar="human_oversight"]');
    await pillar.getByText('No gap assessment yet').waitFor();
    await pillar
      .getByRole('link', { name: /^A\.9\.\d/ })
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '46-governance');

    await pillar.getByRole('button', { name: 'Edit Human oversight' }).click();
    const form = pillar.getByRole('form', { name: 'Edit Human oversight' });
    await form.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Olga Owner' }).click();
    await form.getByRole('button', { name: 'Add objective' }).click();
    await form
      .getByRole('textbox', { name: 'Objective 1' })
      .fill('Every live AI system has a named reviewer who can stop it');
    await screenshot(page, '47-governance-edit');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Human oversight was saved.').waitFor();
    await pillar.getByTestId('pillar-owner').filter({ hasText: 'Olga Owner' }).waitFor();
    await pillar
      .getByRole('listitem')
      .filter({ hasText: 'Every live AI system has a named reviewer who can stop it' })
      .waitFor();
    await page.getByText('1 of 6 pillars have an owner').waitFor();
    const saved = await apiCall<{
      items: { pillar: string; version: number; objectives: string[]; ownerId: string | null }[];
      people: Record<string, { name: string }>;
    }>('GET', `/api/orgs/${orgId}/governance`);
    const oversight = saved.body.items.find((p) => p.pillar === 'human_oversight');
    expect(oversight).toMatchObject({
      version: 1,
      objectives: ['Every live AI system has a named reviewer who can stop it'],
    });
    // The owner is named by id and once in the answer's people (issue 19).
    expect(saved.body.people[oversight!.ownerId!]).toMatchObject({ name: 'Olga Owner' });
    expect(problems).toEqual([]);
  });
});
