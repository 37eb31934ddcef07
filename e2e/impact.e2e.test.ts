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

// Step 4, AI system impact assessments (6.1.4, 8.4, A.5): an assessment of one AI system with a
// vulnerable group lists what it still lacks before sign-off; completed, an approver signs it off;
// a risk created from it is linked both ways. Steps share one signed-in page.

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
let systemId = '';
let assessmentUrl = '';
let apiCall: Api;
const problems: string[] = [];

type Assessment = {
  id: string;
  ref: string;
  status: string;
  aiSystemId: string;
  affectedGroups: { group: string; vulnerable: boolean; effects: Record<string, string> }[];
  signOffProblems: string[];
  risks: { id: string; ref: string }[];
};

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl, api: apiCall } = await setUpOwner(running.baseUrl, OWNER));
  const system = await apiCall<{ id: string }>('POST', `/api/orgs/${orgId}/ai-systems`, {
    name: 'Claims chatbot',
    intendedPurpose: 'Answers policyholders about their claims.',
    aiRoles: ['provider'],
    lifecycleStage: 'operation',
  });
  expect(system.status).toBe(201);
  systemId = system.body.id;
  expect(
    (
      await apiCall('POST', `/api/orgs/${orgId}/ai-systems`, {
        name: 'Fraud scoring model',
        intendedPurpose: 'Scores claims for signs of fraud.',
        aiRoles: ['producer'],
        lifecycleStage: 'development',
      })
    ).status,
  ).toBe(201);

  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const only = async () =>
  (await apiCall<{ items: Assessment[] }>('GET', `/api/orgs/${orgId}/impact-assessments`)).body.items;

describeWithBrowser('AI system impact assessments', () => {
  it('teaches what an impact assessment is on the empty register', async () => {
    await page.goto(`${orgUrl}/impact-assessments`);
    await page.getByRole('heading', { name: 'Impact assessments', level: 1 }).waitFor();
    const empty = page.getByTestId('impact-empty');
    await empty.getByText('No impact assessment yet').waitFor();
    await empty.getByText('Clause 6.1.4 asks for a defined way', { exact: false }).waitFor();
    await screenshot(page, '70-impact-empty');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates an assessment of a preselected AI system with a vulnerable group, and lists what sign-off needs', async () => {
    await page.goto(`${orgUrl}/impact-assessments/new?aiSystemId=${systemId}`);
    await page.getByRole('heading', { name: 'New impact assessment', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'AI system' }).inputValue()).toBe('Claims chatbot');

    // The form says what is missing before it sends anything.
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByText('Choose what prompted this assessment').first().waitFor();

    await page.getByRole('textbox', { name: 'Title' }).fill('Launch of the claims chatbot');
    await page.getByRole('combobox', { name: 'Trigger' }).click();
    await page.getByRole('option', { name: 'New AI system' }).click();
    await page
      .getByRole('textbox', { name: 'Intended use' })
      .fill('Answers policyholders’ questions about the status of their claim, around the clock.');
    await page
      .getByRole('textbox', { name: 'Reasonably foreseeable misuse' })
      .fill('Policyholders treating its answers as a binding decision on their claim.');
    await page.getByRole('button', { name: 'Add a group' }).click();
    const group = page.getByRole('group', { name: 'Affected group 1' });
    // An unnamed group is refused as you type.
    await group.getByRole('textbox', { name: 'Individuals or group' }).focus();
    await group.getByRole('textbox', { name: 'Individuals or group' }).blur();
    await group.getByText('Name the affected individuals or group').waitFor();
    await group.getByRole('textbox', { name: 'Individuals or group' }).fill('Older policyholders');
    await expect.poll(() => group.getByText('Name the affected individuals or group').count()).toBe(0);
    await group.getByRole('checkbox', { name: /Vulnerable group/ }).check();
    await group
      .getByRole('textbox', { name: 'Accessibility' })
      .fill('Small text and fast replies are hard to follow for some older users.');
    await group
      .getByRole('textbox', { name: 'Fairness' })
      .fill('May answer less helpfully to people who phrase questions differently.');
    await page
      .getByRole('textbox', { name: 'Economy and employment' })
      .fill('Fewer calls reach the claims call centre.');
    await screenshot(page, '71-impact-form');
    await group.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(page, '76-impact-form-group');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByText('IA-1 was created.').waitFor();
    await page.getByRole('heading', { name: 'IA-1 Launch of the claims chatbot', level: 1 }).waitFor();
    assessmentUrl = page.url();
    expect(assessmentUrl).toMatch(new RegExp(`/orgs/${orgId}/impact-assessments/[^/]+$`));

    const signOff = page.getByTestId('impact-signoff');
    await expect.poll(() => signOff.getByTestId('impact-status').innerText()).toBe('Draft');
    const missing = signOff.getByTestId('signoff-problems').getByRole('listitem');
    await expect
      .poll(() => missing.allInnerTexts())
      .toEqual([
        'Answer every effect area for Older policyholders (write "none expected" with the reason where it does not apply): transparency, privacy and security, safety and health, human rights',
        'Answer every societal effect area (A.5.5), or say why the societal section does not apply: environment and sustainability, government and democratic processes, health and safety, culture, norms and values',
        'Rate severity and likelihood',
        'Write the conclusion',
        'Set how long the assessment is kept (A.5.3)',
      ]);
    await expect.poll(() => signOff.getByRole('button', { name: 'Sign off' }).isDisabled()).toBe(true);
    const shown = page.getByTestId('impact-group');
    await shown.getByText('Older policyholders').waitFor();
    await shown.getByText('Vulnerable', { exact: true }).waitFor();
    await shown.getByText('Small text and fast replies', { exact: false }).waitFor();
    await page.getByText('Fewer calls reach the claims call centre.').waitFor();
    await screenshot(page, '72-impact-draft');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const [saved] = await only();
    expect(saved).toMatchObject({
      ref: 'IA-1',
      aiSystemId: systemId,
      status: 'draft',
      affectedGroups: [{ group: 'Older policyholders', vulnerable: true }],
    });
    expect(saved!.affectedGroups[0]!.effects).toEqual({
      fairness: 'May answer less helpfully to people who phrase questions differently.',
      accessibility: 'Small text and fast replies are hard to follow for some older users.',
    });
  });

  it('completes the assessment, and the approver signs it off', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(`${assessmentUrl}/edit`);
    await page.getByRole('heading', { name: 'Edit IA-1', level: 1 }).waitFor();
    // Every effect area answered ("none expected" with the reason is an answer), and the societal
    // section's remaining areas declared not applicable with a reason.
    const group = page.getByRole('group', { name: 'Affected group 1' });
    await group.getByRole('textbox', { name: 'Transparency' }).fill('Every chat says it is an automated assistant.');
    await group
      .getByRole('textbox', { name: 'Privacy and security' })
      .fill('None expected: it reads the claim status only.');
    await group
      .getByRole('textbox', { name: 'Safety and health' })
      .fill('None expected: no advice on health or safety.');
    await group.getByRole('textbox', { name: 'Human rights' }).fill('None expected: a handler decides every claim.');
    await page
      .getByRole('textbox', { name: 'Not applicable: why' })
      .fill(
        'A claims status assistant for our own policyholders has no effect on the environment, democratic processes, health or culture.',
      );
    await page.getByRole('combobox', { name: 'Severity' }).click();
    await page.getByRole('option', { name: '4 · Major' }).click();
    await page.getByRole('combobox', { name: 'Likelihood' }).click();
    await page.getByRole('option', { name: '3 · Possible' }).click();
    await page
      .getByRole('textbox', { name: 'Mitigations' })
      .fill('Larger text option; every answer offers a call back from a handler.');
    await page
      .getByRole('textbox', { name: 'Conclusion' })
      .fill('Acceptable with the mitigations; review after three months of operation.');
    await page.getByLabel('Keep until').fill('2032-12-31');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('IA-1 was saved.').waitFor();
    await page.waitForURL(assessmentUrl);

    const signOff = page.getByTestId('impact-signoff');
    await signOff.getByText('Complete: ready to be signed off.').waitFor();
    await expect
      .poll(() => page.getByTestId('impact-rating').innerText())
      .toBe('Severity 4 (Major) × likelihood 3 (Possible) = 12 · High');
    await signOff.getByRole('button', { name: 'Sign off' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign off IA-1?' });
    await dialog.getByRole('button', { name: 'Sign off' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('IA-1 was signed off.').waitFor();
    await signOff
      .getByTestId('impact-signed-off')
      .getByText(/^Signed off by Olga Owner on /)
      .waitFor();
    await expect.poll(() => signOff.getByTestId('impact-status').innerText()).toBe('Signed off');
    // A signed-off assessment is a kept record: no more editing, a follow-up instead.
    await expect.poll(() => page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Follow-up assessment' }).waitFor();
    const history = page.getByTestId('history-entry');
    await expect.poll(() => history.count()).toBe(3);
    await expect.poll(() => history.first().getAttribute('data-action')).toBe('impact_assessment.signed_off');
    // The completing edit shows each field it changed, before and after.
    const edit = page.locator('[data-testid="history-entry"][data-action="impact_assessment.updated"]');
    await expect
      .poll(() => edit.locator('[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field'))))
      .toEqual([
        'affectedGroups',
        'societalNotApplicable',
        'severity',
        'likelihood',
        'mitigations',
        'conclusion',
        'retentionUntil',
      ]);
    await screenshot(page, '73-impact-signed-off');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates a risk from the impact, linked both ways', async () => {
    await page.getByRole('button', { name: 'Create a risk from this impact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a risk from this impact' });
    // The rating starts from the assessment's likelihood and severity.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Likelihood' }).inputValue()).toBe('3 · Possible');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Consequence' }).inputValue()).toBe('4 · Major');
    // Enter in the empty title submits: the form refuses, naming both missing fields.
    await dialog.getByRole('textbox', { name: 'Risk title' }).press('Enter');
    await dialog.getByText('Give the risk a title').waitFor();
    await dialog.getByText('Choose the risk source').waitFor();
    await dialog.getByRole('textbox', { name: 'Risk title' }).fill('Older policyholders cannot use the chatbot');
    await dialog.getByRole('combobox', { name: 'Risk source' }).click();
    await page.getByRole('option', { name: 'C.3.2 Lack of transparency and explainability' }).click();
    await screenshot(page, '74-impact-risk-form');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create risk' }).click();
    await page.waitForURL(new RegExp(`/orgs/${orgId}/risks/[^/]+$`));
    const riskId = new URL(page.url()).pathname.split('/').pop()!;

    const risk = await apiCall<{
      ref: string;
      impactAssessmentId: string;
      aiSystemId: string;
      source: string;
      likelihood: number;
      consequence: number;
    }>('GET', `/api/orgs/${orgId}/risks/${riskId}`);
    const [ia] = await only();
    expect(risk.body).toMatchObject({
      ref: 'R-1',
      impactAssessmentId: ia!.id,
      aiSystemId: systemId,
      source: 'C.3.2',
      likelihood: 3,
      consequence: 4,
    });
    expect(ia!.risks).toEqual([{ id: riskId, ref: 'R-1', title: 'Older policyholders cannot use the chatbot' }]);

    await page.goto(assessmentUrl);
    const risks = page.getByTestId('impact-risks');
    await expect
      .poll(() => risks.getByRole('link', { name: 'R-1' }).getAttribute('href'))
      .toBe(`/orgs/${orgId}/risks/${riskId}`);
    await risks.getByText('Older policyholders cannot use the chatbot').waitFor();
  });

  it('lists the assessment, filtered by AI system', async () => {
    await page.getByRole('link', { name: 'Impact assessments' }).first().click();
    await page.waitForURL(`${orgUrl}/impact-assessments`);
    const rowOf = page.locator('[data-testid="impact-row"][data-ref="IA-1"]');
    await rowOf.getByText('Signed off', { exact: true }).waitFor();
    await rowOf.getByText('4 × 3 = 12 · High').waitFor();
    await rowOf.getByRole('link', { name: 'Claims chatbot', exact: true }).waitFor();
    await screenshot(page, '75-impact-list');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'AI system' }).click();
    await page.getByRole('option', { name: 'Fraud scoring model' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('aiSystemId')).not.toBeNull();
    await page.getByText('No assessment for this AI system yet').waitFor();
    await page.getByRole('link', { name: 'New assessment' }).first().click();
    await page.waitForURL(/\/impact-assessments\/new\?aiSystemId=/);
    await expect.poll(() => page.getByRole('combobox', { name: 'AI system' }).inputValue()).toBe('Fraud scoring model');
    expect(problems).toEqual([]);
  });
});
