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
import { setUpOwner, signedInPage, type Api } from './session';

// Step 4, controls in operation (issue 12): include a control in the SoA, set up its implementation
// with an owner and a quarterly cadence, record two runs each with evidence from the one library,
// and see "operating since" computed from the first run; the SoA shows the status with a link.

const OWNER = {
  name: 'Ola Owner',
  email: 'ola@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Echo Lending',
};
const REF = 'A.6.2.6';

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
let apiCall: Api;
const problems: string[] = [];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
type Detail = {
  status: string | null;
  ownerId: string | null;
  people: Record<string, { name: string }>;
  cadenceMonths: number | null;
  operatingSince: string | null;
  lastPerformed: string | null;
  occurrences: { performedOn: string; evidence: { title: string }[] }[];
};
const detailNow = async () => (await apiCall<Detail>('GET', `/api/orgs/${orgId}/controls/${REF}`)).body;

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const choose = async (scope: Locator, label: string, option: string) => {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

async function recordRun(date: string, outcome: 'OK' | 'Issues found', notes: string, evidenceTitle: string) {
  const form = page.getByRole('form', { name: 'Record an occurrence' });
  await form.getByLabel('Date performed').fill(date);
  await choose(form, 'Outcome', outcome);
  await form.getByRole('textbox', { name: 'Notes' }).fill(notes);
  await form.getByRole('button', { name: 'Record occurrence' }).click();
  await page.getByText('The occurrence was recorded.').first().waitFor();
  // Its evidence, from the one library: a link added on the run itself.
  const run = page.getByTestId('occurrences').locator('.mantine-Timeline-item').filter({ hasText: notes });
  await run.getByRole('button', { name: 'Add a link' }).click();
  await run.getByRole('textbox', { name: 'Title' }).fill(evidenceTitle);
  await run
    .getByRole('textbox', { name: 'Link' })
    .fill(`https://tickets.example.com/${encodeURIComponent(evidenceTitle)}`);
  await run.getByRole('button', { name: 'Save', exact: true }).click();
  await run.getByRole('link', { name: evidenceTitle, exact: true }).waitFor();
}

describeWithBrowser('Controls in operation', () => {
  it('includes a control in the SoA; the register lists it, not started', async () => {
    await page.goto(`${orgUrl}/soa`);
    await page
      .locator(`tr[data-ref="${REF}"]`)
      .getByRole('button', { name: `Edit ${REF}` })
      .click();
    const drawer = page.getByRole('dialog', { name: `Decide ${REF}` });
    await drawer.getByRole('radio', { name: 'Include' }).check();
    await drawer.getByRole('button', { name: 'Save decision' }).click();
    await drawer.waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Controls', exact: true }).click();
    await page.getByRole('heading', { name: 'Controls in operation', level: 1 }).waitFor();
    const row = page.locator(`tr[data-ref="${REF}"]`);
    await row.getByText('Not started', { exact: true }).waitFor();
    await row.getByRole('link', { name: REF }).click();
    await page.waitForURL(`${orgUrl}/controls/${REF}`);
  });

  it('assigns an owner and sets it operating with a quarterly cadence', async () => {
    const form = page.getByRole('form', { name: 'Implementation' });
    await choose(form, 'Status', 'Operating');
    await choose(form, 'Owner', OWNER.name);
    await form
      .getByRole('textbox', { name: 'How it is implemented' })
      .fill('A second person checks each model update against its verification plan before release.');
    await choose(form, 'Operating cadence', 'Quarterly');
    await form.getByRole('button', { name: 'Set up implementation' }).click();
    await page.getByText(`The implementation of ${REF} was saved.`).waitFor();
    await expect.poll(async () => (await detailNow()).status).toBe('operating');
    const d = await detailNow();
    expect(d).toMatchObject({ cadenceMonths: 3, operatingSince: null });
    // The owner is named by id and once in the answer's people (issue 19); the register reads it from there.
    expect(d.people[d.ownerId!]).toMatchObject({ name: OWNER.name });
    await page.getByTestId('operating-since').getByText('Not yet shown to run').waitFor();
  });

  it('records two runs with evidence, and shows operating since from the first', async () => {
    await recordRun(daysAgo(95), 'OK', 'Q1 release check: all updates verified', 'Q1 release checklist');
    await recordRun(daysAgo(4), 'Issues found', 'Q2 release check: one update verified late', 'Q2 release checklist');
    const d = await detailNow();
    expect(d).toMatchObject({ operatingSince: daysAgo(95), lastPerformed: daysAgo(4) });
    expect(d.occurrences.map((o) => o.evidence.map((e) => e.title))).toEqual([
      ['Q2 release checklist'],
      ['Q1 release checklist'],
    ]);
    await expect.poll(() => page.getByTestId('operating-since').innerText()).not.toBe('Not yet shown to run');
    const shown = await page.getByTestId('operating-since').innerText();
    expect(shown).toMatch(/\d/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, '90-control-operating');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the derived status in the register and on the SoA, linked to the control', async () => {
    await page.goto(`${orgUrl}/controls`);
    const row = page.locator(`tr[data-ref="${REF}"]`);
    await row.getByText('Operating', { exact: true }).waitFor();
    await expect.poll(() => row.locator('[data-col="operatingSince"]').innerText()).toMatch(/\d/);
    await expect.poll(() => row.innerText()).toContain(OWNER.name);
    await screenshot(page, '91-controls-register');
    // A phone's width: the register scrolls sideways inside its frame; the control page stacks.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '92-controls-register-390');
    await page.goto(`${orgUrl}/controls/${REF}`);
    await page.getByTestId('operating-since').waitFor();
    await screenshot(page, '93-control-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${orgUrl}/soa`);
    const link = page.locator(`tr[data-ref="${REF}"]`).getByTestId('soa-control-link');
    await expect.poll(() => link.innerText()).toBe('Operating');
    await expect.poll(() => link.getAttribute('href')).toBe(`/orgs/${orgId}/controls/${REF}`);
    expect(problems).toEqual([]);
  });
});
