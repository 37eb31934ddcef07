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
import { apiClient, setUpOwner, signedInPage, type OwnerSession } from './session';

// Issue 12's done-when, the whole of step 4b in one browser session: include a control, assign an
// owner, record two occurrences with evidence and see "operating since"; assign a training,
// complete it with a certificate and see the matrix turn green; push a metric over its threshold
// by API (twice, as a retrying pipeline does) and see its one action in "my tasks", beside the
// evidence due for renewal.

const OWNER = {
  name: 'Ines Implementer',
  email: 'ines@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Golf Credit',
};
const REF = 'A.6.2.6';
const COMPETENCE = 'Model validation';
const COURSE = 'Model validation course';

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
let metricId = '';
let renewal = { id: '', reference: '' };
const problems: string[] = [];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  const { orgId, api } = owner;
  // The registers the steps use: a competence the owner's AI role requires and the course that
  // gives it, a monitored metric, and a piece of evidence whose review date is near.
  const me = (await api<{ user: { id: string } }>('GET', '/api/me')).body.user.id;
  expect(
    (await api('PATCH', `/api/orgs/${orgId}/people/${me}`, { version: 0, aiRoles: ['ai_developer'] })).status,
  ).toBe(200);
  const competence = await api<{ id: string }>('POST', `/api/orgs/${orgId}/competences`, {
    name: COMPETENCE,
    aiRoles: ['ai_developer'],
  });
  expect(competence.status).toBe(201);
  expect(
    (
      await api('POST', `/api/orgs/${orgId}/development-actions`, {
        title: COURSE,
        kind: 'course',
        competenceIds: [competence.body.id],
        validityMonths: 24,
      })
    ).status,
  ).toBe(201);
  const metric = await api<{ id: string }>('POST', `/api/orgs/${orgId}/metrics`, {
    name: 'False positive rate',
    frequency: 'weekly',
    unit: '%',
    upperThreshold: 5,
    ownerId: me,
  });
  expect(metric.status).toBe(201);
  metricId = metric.body.id;
  const evidence = await api<{ id: string; reference: string }>('POST', `/api/orgs/${orgId}/evidence`, {
    title: 'Annual penetration test report',
    url: 'https://security.example.com/pentest-2026',
    ownerId: me,
    expiresOn: daysAgo(-10),
  });
  expect(evidence.status).toBe(201);
  renewal = evidence.body;
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
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
  const run = page.getByTestId('occurrences').locator('.mantine-Timeline-item').filter({ hasText: notes });
  await run.getByRole('button', { name: 'Add a link' }).click();
  await run.getByRole('textbox', { name: 'Title' }).fill(evidenceTitle);
  await run
    .getByRole('textbox', { name: 'Link' })
    .fill(`https://tickets.example.com/${encodeURIComponent(evidenceTitle)}`);
  await run.getByRole('button', { name: 'Save', exact: true }).click();
  await run.getByRole('link', { name: evidenceTitle, exact: true }).waitFor();
}

const matrixCell = () =>
  page.getByTestId('competence-matrix').locator(`tr[data-person="${OWNER.name}"] td[data-competence="${COMPETENCE}"]`);

describeWithBrowser('Implementation in operation (issue 12)', () => {
  it('includes a control, assigns its owner, records two occurrences with evidence and shows operating since', async () => {
    await page.goto(`${owner.orgUrl}/soa`);
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
    await page.locator(`tr[data-ref="${REF}"]`).getByRole('link', { name: REF }).click();
    await page.waitForURL(`${owner.orgUrl}/controls/${REF}`);

    const form = page.getByRole('form', { name: 'Implementation' });
    await choose(form, 'Status', 'Operating');
    await choose(form, 'Owner', OWNER.name);
    await form
      .getByRole('textbox', { name: 'How it is implemented' })
      .fill('A second person checks each model update against its verification plan before release.');
    await choose(form, 'Operating cadence', 'Quarterly');
    await form.getByRole('button', { name: 'Set up implementation' }).click();
    await page.getByText(`The implementation of ${REF} was saved.`).waitFor();
    await expect.poll(() => page.getByTestId('operating-since').innerText()).toContain('Not yet shown to run');

    await recordRun(daysAgo(95), 'OK', 'Q3 release check: all updates verified', 'Q3 release checklist');
    await recordRun(daysAgo(4), 'Issues found', 'Q4 release check: one update verified late', 'Q4 release checklist');
    await expect.poll(() => page.getByTestId('operating-since').innerText()).not.toContain('Not yet shown to run');
    await expect.poll(() => page.getByTestId('operating-since').innerText()).toMatch(/\d/);
    const detail = await owner.api<{ operatingSince: string; lastPerformed: string }>(
      'GET',
      `/api/orgs/${owner.orgId}/controls/${REF}`,
    );
    expect(detail.body).toMatchObject({ operatingSince: daysAgo(95), lastPerformed: daysAgo(4) });

    await page.goto(`${owner.orgUrl}/controls`);
    const row = page.locator(`tr[data-ref="${REF}"]`);
    // The status badge is set in capitals by CSS: innerText gives what is shown.
    await expect.poll(() => row.innerText()).toMatch(/\bOperating\b/i);
    await expect.poll(() => row.locator('[data-col="operatingSince"]').innerText()).toMatch(/\d/);
    await screenshot(page, '95-implementation-control');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('assigns a training, completes it with a certificate, and the matrix turns green', async () => {
    await page.goto(`${owner.orgUrl}/competence-matrix`);
    await page.getByRole('heading', { name: 'Competence matrix', level: 1 }).waitFor();
    await expect.poll(() => matrixCell().innerText()).toContain('Gap');

    await page.getByTestId('competence-matrix').getByRole('link', { name: OWNER.name }).click();
    await page.getByRole('heading', { name: OWNER.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Assign a training' }).click();
    const assign = page.getByRole('dialog');
    await assign.getByRole('combobox', { name: 'Development action' }).click();
    await page.getByRole('option', { name: new RegExp(COURSE) }).click();
    await assign.getByLabel('Due date').fill('2099-01-31');
    await assign.getByRole('button', { name: 'Assign a training' }).click();
    const record = page.getByTestId('person-records').locator(`tr[data-action="${COURSE}"]`);
    await expect.poll(() => record.innerText()).toContain('Open');

    await record.getByRole('button', { name: 'Record completion' }).click();
    const complete = page.getByRole('dialog');
    await complete.getByRole('radio', { name: 'Certificate' }).check();
    await complete.locator('input[type="file"]').setInputFiles({
      name: 'model-validation-certificate.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await complete.getByRole('button', { name: 'Record completion' }).click();
    await expect.poll(() => record.innerText()).toContain('Completed');
    await record.getByRole('link', { name: /^EV-\d+ model-validation-certificate\.pdf$/ }).waitFor();

    await page.goto(`${owner.orgUrl}/competence-matrix`);
    await expect.poll(() => matrixCell().innerText()).toContain('Met');
    await expect.poll(() => matrixCell().locator('[data-state]').getAttribute('data-state')).toBe('met');
    await screenshot(page, '96-implementation-matrix');
  });

  it('pushes a metric over its threshold by API (retried once) and shows its one action in my tasks', async () => {
    const created = await apiClient(running.baseUrl)<{ token: string }>(
      'POST',
      '/api/tokens',
      { name: 'fpr pipeline', scope: 'measurements' },
      { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
    );
    expect(created.status).toBe(201);
    const pipeline = apiClient(running.baseUrl, created.body.token);
    const path = `/api/orgs/${owner.orgId}/metrics/M-1/measurements`;
    const push = () =>
      pipeline<{ breach: string; duplicate: boolean }>('POST', path, { value: 7.5 }, { 'idempotency-key': 'run-42' });
    const first = await push();
    expect(first.status).toBe(201);
    expect(first.body.breach).toBe('open');
    const retried = await push();
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ duplicate: true, breach: 'none' });

    // A fresh load, as the person opening their task list after the pipeline ran.
    await page.goto(`${owner.orgUrl}/tasks`);
    const breach = page
      .getByTestId('task-row')
      .filter({ hasText: 'M-1 False positive rate: 7.5 % is above the upper threshold (5 %)' });
    await expect.poll(() => breach.count()).toBe(1);
    // The evidence due for renewal is in the same list, with its kind.
    const renew = page.locator('[data-testid="task-row"][data-kind="evidence_review"]');
    await expect.poll(() => renew.innerText()).toContain(`Renew ${renewal.reference} Annual penetration test report`);
    await expect.poll(() => renew.innerText()).toContain('Evidence to renew');
    await screenshot(page, '97-implementation-my-tasks');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await breach.getByRole('link', { name: 'M-1', exact: true }).click();
    await page.waitForURL(`${owner.orgUrl}/metrics/${metricId}`);
    await page.getByTestId('open-breach').waitFor();
    await expect.poll(() => page.getByTestId('metric-chart').getAttribute('data-points')).toBe('1');

    await page.goto(`${owner.orgUrl}/tasks`);
    await renew.getByRole('link', { name: new RegExp(`^Renew ${renewal.reference}`) }).click();
    await page.waitForURL(`${owner.orgUrl}/evidence/${renewal.id}`);
    expect(problems).toEqual([]);
  });
});
