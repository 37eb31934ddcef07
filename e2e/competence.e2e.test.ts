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

// Step 4, competence and training (7.2): a competence the owner's AI role requires shows as a gap;
// the owner assigns themself the course that gives it, records its completion with a certificate,
// and the matrix turns green (with the word "Met", not the colour alone).

const OWNER = {
  name: 'Tara Trainer',
  email: 'tara@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Echo Analytics',
};

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
let ownerId = '';
let apiCall: Api;
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  const people = await apiCall<{ items: { id: string; member: boolean }[] }>('GET', `/api/orgs/${orgId}/people`);
  ownerId = people.body.items.find((p) => p.member)!.id;
  expect(
    (await apiCall('PATCH', `/api/orgs/${orgId}/people/${ownerId}`, { version: 0, aiRoles: ['ai_developer'] })).status,
  ).toBe(200);
  const competence = await apiCall<{ id: string }>('POST', `/api/orgs/${orgId}/competences`, {
    name: 'Secure ML development',
    aiRoles: ['ai_developer'],
  });
  expect(competence.status).toBe(201);
  expect(
    (
      await apiCall('POST', `/api/orgs/${orgId}/development-actions`, {
        title: 'Secure ML course',
        kind: 'course',
        competenceIds: [competence.body.id],
        validityMonths: 24,
      })
    ).status,
  ).toBe(201);
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const cell = () =>
  page
    .getByTestId('competence-matrix')
    .locator(`tr[data-person="${OWNER.name}"] td[data-competence="Secure ML development"]`);

describeWithBrowser('competence and training', () => {
  it('shows the required competence as a gap in the matrix', async () => {
    await page.goto(`${orgUrl}/competence-matrix`);
    await page.getByRole('heading', { name: 'Competence matrix', level: 1 }).waitFor();
    await cell().getByText('Gap').waitFor();
    await screenshot(page, '90-competence-matrix-gap');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('assigns the course, records its completion with a certificate, and the matrix turns green', async () => {
    await page.getByTestId('competence-matrix').getByRole('link', { name: OWNER.name }).click();
    await page.getByRole('heading', { name: OWNER.name, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Assign a training' }).click();
    const assign = page.getByRole('dialog');
    await assign.getByRole('combobox', { name: 'Development action' }).click();
    await page.getByRole('option', { name: /Secure ML course/ }).click();
    await assign.getByLabel('Due date').fill('2099-01-31');
    await assign.getByRole('button', { name: 'Assign a training' }).click();
    const row = page.getByTestId('person-records').locator('tr[data-action="Secure ML course"]');
    await row.getByText('Open').waitFor();

    await row.getByRole('button', { name: 'Record completion' }).click();
    const complete = page.getByRole('dialog');
    await complete.getByRole('radio', { name: 'Certificate' }).check();
    await complete.locator('input[type="file"]').setInputFiles({
      name: 'secure-ml-certificate.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await complete.getByRole('button', { name: 'Record completion' }).click();
    await row.getByText('Completed').waitFor();
    await row.getByText(/Passed .* · Certificate · valid until/).waitFor();
    // The certificate sits in the one evidence library, linked from the record.
    await row.getByRole('link', { name: /^EV-\d+ secure-ml-certificate\.pdf$/ }).waitFor();
    await page
      .getByTestId('person-competences')
      .locator('tr[data-competence="Secure ML development"]')
      .getByText('Met')
      .waitFor();
    await screenshot(page, '91-competence-person');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${orgUrl}/competence-matrix`);
    await cell().getByText('Met').waitFor();
    expect(await cell().locator('[data-state]').getAttribute('data-state')).toBe('met');
    await screenshot(page, '92-competence-matrix-met');
    // On a phone the matrix scrolls sideways inside its frame; the page itself does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await cell().getByText('Met').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // (axe is not run at this width: the shell's logo link has no name on phones, a shell matter.)
    await screenshot(page, '93-competence-matrix-phone');
    expect(problems).toEqual([]);
  });
});
