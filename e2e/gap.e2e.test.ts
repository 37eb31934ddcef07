import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
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

// Step 1, the gap analysis, through the real app: start an assessment, answer by click and by
// keyboard (saved as you go), the not-applicable rules, readiness and the heatmap moving, the gap
// list turning into actions that reach My tasks, a snapshot on the list and the chart, a read-only
// snapshot, the comparison, and an Excel round-trip refused by row and then accepted.

const OWNER = {
  name: 'Gina Gap',
  email: 'gina@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Delta Mobility',
};

let running: Running;
let browser: Browser;
let page: Page;
let orgUrl = '';
let assessmentUrl = '';
const problems: string[] = [];

const editor = () => page.getByTestId('item-editor');
const radio = (name: string) => editor().getByRole('radio', { name, exact: true });
const saved = () => page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
const heat = (part: string) =>
  page.locator(`[data-testid="heat-cell"][data-part="${part}"] [data-testid="heat-value"]`);
const nav = () => page.getByRole('navigation', { name: 'Main' });

async function openItem(ref: string) {
  await page.waitForURL(`${assessmentUrl}/${ref}`);
  await page.locator(`[data-testid="item-editor"][data-ref="${ref}"]`).waitFor();
}

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgUrl } = await setUpOwner(running.baseUrl, OWNER, { apiToken: false }));
  // 409 and 422: the stale save and the refused workbook this test provokes.
  page = await signedInPage(browser, running.baseUrl, OWNER, {
    problems,
    allowStatuses: [409, 422],
    acceptDownloads: true,
    landing: orgUrl,
  });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('gap analysis', () => {
  it('opens from the navigation, explains itself and starts an assessment at the first requirement', async () => {
    await nav()
      .getByRole('link', { name: /Gap analysis/ })
      .click();
    await page.waitForURL(`${orgUrl}/gap-analysis`);
    await page.getByText('Find out where you stand').waitFor();
    await screenshot(page, '50-gap-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Name' }).fill('Readiness 2026');
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await page.waitForURL(/\/gap-analysis\/[^/]+\/4\.1$/);
    assessmentUrl = page.url().replace(/\/4\.1$/, '');
    await page.getByRole('heading', { name: 'Readiness 2026', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Understanding the organization and its context', level: 2 }).waitFor();
    await expect.poll(() => page.getByTestId('live-readiness-value').innerText()).toBe('0%');
    // The catalogue guidance sits beside the question.
    const guidance = page.getByTestId('guidance');
    for (const h of ['What it asks', 'What an auditor looks for', 'Typical evidence'])
      await guidance.getByRole('heading', { name: h }).waitFor();
  });

  it('answers by click and by keyboard, saving as it goes', async () => {
    await radio('Conformant').click();
    await saved();
    await expect.poll(() => page.getByTestId('live-readiness-value').innerText()).toBe('1.4%');
    // J moves on, a digit answers; the shortcut hint says so.
    await page.getByTestId('shortcut-hint').waitFor();
    await page.keyboard.press('j');
    await openItem('4.2');
    await page.keyboard.press('2');
    await expect.poll(() => radio('Partially conformant').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('j');
    await openItem('4.3');
    await page.keyboard.press('3');
    await expect.poll(() => radio('Nonconformant').getAttribute('aria-checked')).toBe('true');
    const notes = editor().getByRole('textbox', { name: 'Current practice' });
    await notes.fill('Scope drafted by the AI governance group; exclusions not justified yet.');
    // Esc leaves the field (saving it) and K goes back.
    await notes.press('Escape');
    await saved();
    await page.keyboard.press('k');
    await openItem('4.2');
    await expect.poll(() => radio('Partially conformant').getAttribute('aria-checked')).toBe('true');
    // A reload shows what the server kept.
    await page.goto(`${assessmentUrl}/4.3`);
    await openItem('4.3');
    await expect.poll(() => radio('Nonconformant').getAttribute('aria-checked')).toBe('true');
    await expect
      .poll(() => editor().getByRole('textbox', { name: 'Current practice' }).inputValue())
      .toContain('exclusions not justified');
    await expect
      .poll(() => page.locator('[data-testid="section"][data-section="4"]').getAttribute('data-answered'))
      .toBe('3');
    await screenshot(page, '51-gap-questionnaire');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('offers not applicable only for Annex A controls, and only with a justification', async () => {
    await expect.poll(() => radio('Not applicable').count()).toBe(0);
    await page.keyboard.press('4');
    await editor()
      .getByText('4.3 is a requirement of clauses 4–10: every one applies, so it cannot be marked not applicable')
      .waitFor();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: /^A\.2 Policies related to AI/ })
      .click();
    await openItem('A.2.2');
    await radio('Not applicable').click();
    await editor().getByText('Give a justification to mark A.2.2 not applicable').waitFor();
    await screenshot(page, '52-gap-na-needs-justification');
    const justification = editor().getByRole('textbox', { name: 'Justification' });
    await justification.fill('The AI policy is covered by the group policy we inherit; recorded in the SoA.');
    await justification.press('Tab');
    await saved();
    await expect.poll(() => radio('Not applicable').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => editor().getByText('Give a justification to mark A.2.2 not applicable').count()).toBe(0);
  });

  it('lists the gaps in order, and an answered requirement leaves the list', async () => {
    await page.getByRole('link', { name: 'Gap list', exact: true }).click();
    await page.waitForURL(`${assessmentUrl}/gaps`);
    const row = (ref: string) => page.locator(`[data-testid="gap-row"][data-ref="${ref}"]`);
    await row('4.4').waitFor();
    await expect.poll(() => row('4.1').count()).toBe(0);
    await expect.poll(() => row('A.2.2').count()).toBe(0);
    await expect.poll(() => page.getByText('Showing 68 of 68 gaps').count()).toBe(1);
    // Documented information first: 4.3 asks for it, 4.2 does not.
    const order = await page.getByTestId('gap-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));
    expect(order.indexOf('4.3')).toBeLessThan(order.indexOf('4.2'));
    await row('4.4').getByRole('link', { name: /4\.4/ }).click();
    await openItem('4.4');
    await page.keyboard.press('1');
    await saved();
    await page.getByRole('link', { name: 'Gap list', exact: true }).click();
    await page.getByText('Showing 67 of 67 gaps').waitFor();
    await expect.poll(() => row('4.4').count()).toBe(0);
    await page.getByRole('switch', { name: 'Documented information only' }).click();
    await row('4.2').waitFor({ state: 'detached' });
    await row('4.3').waitFor();
    await page.getByRole('switch', { name: 'Documented information only' }).click();
    await row('4.2').waitFor();

    // An owner chosen on the questionnaire shows by name on the list (the answer's `people`, issue 19).
    await expect.poll(() => row('5.1').innerText()).toContain('No owner');
    await row('5.1').getByRole('link', { name: /5\.1/ }).click();
    await openItem('5.1');
    await editor().getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: OWNER.name }).click();
    await saved();
    await page.getByRole('link', { name: 'Gap list', exact: true }).click();
    await expect.poll(() => row('5.1').innerText()).toContain(OWNER.name);
  });

  it('turns two gaps into actions that appear in My tasks', async () => {
    const row = (ref: string) => page.locator(`[data-testid="gap-row"][data-ref="${ref}"]`);
    await page.getByRole('checkbox', { name: 'Select 4.2' }).check();
    await page.getByRole('checkbox', { name: 'Select 4.3' }).check();
    await page.getByText('2 gaps selected').waitFor();
    await page.getByRole('button', { name: 'Create actions' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create 2 actions' });
    await dialog.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: OWNER.name }).click();
    await dialog.getByLabel('Due date').fill('2027-03-31');
    await screenshot(page, '53-gap-create-actions');
    await dialog.getByRole('button', { name: 'Create 2 actions' }).click();
    await page.getByText('2 actions created').waitFor();
    await row('4.2').getByText('Open', { exact: true }).waitFor();
    await row('4.3').getByText('Open', { exact: true }).waitFor();
    // Each action's owner comes from the gap list's `people` (issue 19).
    await expect.poll(() => row('4.2').innerText()).toContain(OWNER.name);
    await page.getByRole('switch', { name: 'Without an action' }).click();
    await row('4.2').waitFor({ state: 'detached' });
    await row('4.4').waitFor({ state: 'detached' });
    await row('5.1').waitFor();
    await screenshot(page, '54-gap-list');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await nav()
      .getByRole('link', { name: /My tasks/ })
      .click();
    await page.waitForURL(`${orgUrl}/tasks`);
    const tasks = page.getByTestId('task-row');
    await tasks.nth(1).waitFor();
    await expect
      .poll(() => tasks.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')).sort()))
      .toEqual(['4.2', '4.3']);
    const task = page.locator('[data-testid="task-row"][data-ref="4.3"]');
    await task.getByText('Close the gap on 4.3').waitFor();
    await task.getByRole('combobox', { name: /Status of/ }).click();
    await page.getByRole('option', { name: 'In progress' }).click();
    await page.getByText(/is now in progress/).waitFor();
    await screenshot(page, '55-my-tasks');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await task.getByRole('link', { name: 'Gap 4.3' }).click();
    await openItem('4.3');
  });

  it('shows readiness, the heatmap and the formula on the overview; passes axe', async () => {
    await page.getByRole('link', { name: 'Gap analysis', exact: true }).first().click();
    await page.waitForURL(`${orgUrl}/gap-analysis`);
    // 4.1 and 4.4 conformant, 4.2 partially, 4.3 not; A.2.2 not applicable: 2.5 of 69 applicable.
    await expect.poll(() => page.getByTestId('readiness-overall-value').innerText()).toBe('3.6%');
    await expect.poll(() => page.getByTestId('readiness-answered-value').innerText()).toBe('5 of 70');
    await expect.poll(() => heat('4').innerText()).toBe('62.5%');
    await expect.poll(() => heat('5').innerText()).toBe('0%');
    await expect.poll(() => heat('A.2').innerText()).toBe('0%');
    await page
      .getByTestId('score-formula')
      .getByText(/applicable items/)
      .waitFor();
    await page.getByRole('link', { name: /^4 Context of the organization readiness 62\.5%/ }).waitFor();
    await screenshot(page, '56-gap-overview');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('takes a snapshot that shows in the list and on the chart, and opens read-only', async () => {
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Take a snapshot' });
    await dialog.getByRole('textbox', { name: 'Snapshot name' }).fill('After the first workshop');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await page.getByText('Snapshot "After the first workshop" was taken.').waitFor();
    const snapshotRow = page.locator('[data-testid="assessment-row"][data-kind="snapshot"]');
    await snapshotRow.getByRole('link', { name: 'After the first workshop', exact: true }).waitFor();
    const chart = page.getByRole('img', { name: /^Readiness over time: / });
    await expect
      .poll(() => chart.getAttribute('aria-label'))
      .toMatch(/After the first workshop \(snapshot, [^)]+\) 3\.6%/);
    await expect.poll(() => page.getByTestId('progress-chart').getAttribute('data-points')).toBe('2');
    await screenshot(page, '57-gap-overview-snapshot');

    await snapshotRow.getByRole('link', { name: 'After the first workshop', exact: true }).click();
    await page.getByTestId('snapshot-banner').waitFor();
    await page.locator('[data-testid="item-editor"]').waitFor();
    await expect.poll(() => radio('Conformant').isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Import from Excel' }).count()).toBe(0);
    await screenshot(page, '58-gap-snapshot-read-only');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('compares the working assessment with the snapshot after one more answer', async () => {
    await page.goto(`${assessmentUrl}/4.3`);
    await openItem('4.3');
    await radio('Partially conformant').click();
    await saved();
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await page.waitForURL(`${assessmentUrl}/compare`);
    const moves = page.getByTestId('compare-items');
    await moves.locator('li[data-change="improved"]').filter({ hasText: '4.3' }).waitFor();
    await expect.poll(() => moves.locator('li').count()).toBe(1);
    await page.locator('[data-testid="score-deltas"] tr[data-part="4"]').getByText('+12.5').waitFor();
    await page.locator('[data-testid="compare-summary"] [data-part="overall"]').getByText('+0.7').waitFor();
    await screenshot(page, '59-gap-compare');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('exports the workbook; a bad cell is refused by row with nothing changed, a good edit is imported', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    for (const name of ['CSV (.csv)', 'Word report (.docx)', 'PDF report (.pdf)'])
      await page.getByRole('menuitem', { name }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' }).click(),
    ]);
    const exported = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const ws = wb.getWorksheet('Assessment')!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    const cell = (ref: string, column: string) => {
      for (let r = 2; r <= ws.rowCount; r++)
        if (ws.getRow(r).getCell(1).value === ref) return ws.getRow(r).getCell(headers.indexOf(column));
      throw new Error(`no row for ${ref}`);
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-gap-'));
    const bad = path.join(dir, 'bad.xlsx');
    const good = path.join(dir, 'good.xlsx');
    cell('5.3', 'Result').value = 'Mostly fine';
    await wb.xlsx.writeFile(bad);
    cell('5.3', 'Result').value = 'Conformant';
    await wb.xlsx.writeFile(good);

    await page.getByRole('button', { name: 'Import from Excel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an edited workbook' });
    // Not a workbook at all: one refusal, "Nothing was changed." said once (issue 18).
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'notes.xlsx', mimeType: 'text/plain', buffer: Buffer.from('just some notes') });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByTestId('import-rejected').waitFor();
    await expect.poll(() => dialog.getByText(/nothing was changed/i).count()).toBe(1);
    await dialog.locator('input[type="file"]').setInputFiles(bad);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const issues = dialog.getByTestId('import-issues');
    await issues.getByText(/^Row \d+ · 5\.3 · Result: Result "Mostly fine" is not one of/).waitFor();
    await dialog.getByText('Nothing was changed.').waitFor();
    await screenshot(page, '60-gap-import-rejected');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.locator('input[type="file"]').setInputFiles(good);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog
      .getByTestId('import-done')
      .getByText(/^1 requirement was updated/)
      .waitFor();
    await dialog.getByText('Changed: 5.3').waitFor();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    fs.rmSync(dir, { recursive: true, force: true });
    await page.goto(`${assessmentUrl}/5.3`);
    await openItem('5.3');
    await expect.poll(() => radio('Conformant').getAttribute('aria-checked')).toBe('true');
  });

  it('never overwrites a colleague: a stale save shows their value and re-applies mine on request', async () => {
    await page.goto(`${assessmentUrl}/10.1`);
    await openItem('10.1');
    // A colleague saves the same requirement while it is open here.
    const me = await page.request.get(`${running.baseUrl}/api/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const itemUrl = `${running.baseUrl}${new URL(assessmentUrl).pathname.replace('/orgs/', '/api/orgs/').replace('/gap-analysis/', '/gap-assessments/')}/items/10.1`;
    const theirs = await page.request.patch(itemUrl, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: 1, notes: 'Improvement log kept by the quality team.' },
    });
    expect(theirs.status()).toBe(200);
    const notes = editor().getByRole('textbox', { name: 'Current practice' });
    await notes.fill('Improvements are discussed in the monthly AI board.');
    await notes.press('Tab');
    const alert = page.getByTestId('stale-conflict');
    await alert.getByText('Someone else saved this requirement while you were answering it').waitFor();
    await alert.getByRole('cell', { name: 'Improvement log kept by the quality team.' }).waitFor();
    await alert.getByRole('cell', { name: 'Improvements are discussed in the monthly AI board.' }).waitFor();
    await expect.poll(() => notes.inputValue()).toBe('Improvement log kept by the quality team.');
    await screenshot(page, '61-gap-stale-conflict');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await alert.getByRole('button', { name: 'Re-apply my change on top of theirs' }).click();
    await alert.waitFor({ state: 'detached' });
    await saved();
    await expect.poll(() => notes.inputValue()).toBe('Improvements are discussed in the monthly AI board.');
    const after = await page.request.get(itemUrl.replace(/\/items\/10\.1$/, ''));
    const saved10 = ((await after.json()) as { items: { ref: string; notes: string; version: number }[] }).items.find(
      (i) => i.ref === '10.1',
    );
    expect(saved10).toMatchObject({ notes: 'Improvements are discussed in the monthly AI board.', version: 3 });
    expect(problems).toEqual([]);
  });
});
