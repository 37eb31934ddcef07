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
import { setUpOwner, signedInPage, type OwnerSession } from './session';

// The AI system life cycle end to end (issue 16): on the AI system's "Releases and changes" tab, a
// vendor model update is recorded (significant by rule), a release is recorded with its V&V results,
// and the system's impact assessment shows the re-assessment due because of that change.

const OWNER = {
  name: 'Lena Owner',
  email: 'lena@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Golf Lending',
};

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
let systemId = '';
let impactId = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  const sys = await owner.api<{ id: string }>('POST', `/api/orgs/${owner.orgId}/ai-systems`, {
    name: 'Loan assistant',
    intendedPurpose: 'Answer questions about loan offers',
    aiRoles: ['provider'],
    lifecycleStage: 'development',
  });
  expect(sys.status).toBe(201);
  systemId = sys.body.id;
  const ia = await owner.api<{ id: string }>('POST', `/api/orgs/${owner.orgId}/impact-assessments`, {
    aiSystemId: systemId,
    trigger: 'new_system',
    title: 'Loan assistant impact',
  });
  expect(ia.status).toBe(201);
  impactId = ia.body.id;
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('AI system releases and changes', () => {
  it('records a significant change and a release with its V&V, and reopens the impact assessment', async () => {
    await page.goto(`${owner.orgUrl}/ai-systems/${systemId}`);
    await page.getByRole('tab', { name: 'Releases and changes' }).click();
    await page.getByText('No change recorded yet').waitFor();

    // A vendor model update: significant by rule.
    await page.getByRole('button', { name: 'Record a change' }).click();
    const change = page.getByRole('dialog', { name: 'Record a change' });
    await change.getByRole('combobox', { name: 'Kind of change' }).click();
    await page.getByRole('option', { name: 'Vendor model update' }).click();
    await change.getByRole('textbox', { name: 'Title', exact: true }).fill('Vendor switched to model v5');
    await expect.poll(() => change.innerText()).toContain('Significant by rule');
    await change.getByRole('button', { name: 'Save' }).click();
    await change.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Re-assessments due' }).innerText())
      .toContain('Re-assessment due because of change “Vendor switched to model v5”');

    // A release, then its V&V.
    await page.getByRole('button', { name: 'Record a release' }).click();
    const rel = page.getByRole('dialog', { name: 'Record a release' });
    await rel.getByRole('textbox', { name: 'Version', exact: true }).fill('5.0.0');
    await rel.getByRole('textbox', { name: 'What changed' }).fill('Runs on the vendor’s model v5');
    await rel.getByRole('button', { name: 'Save' }).click();
    await rel.waitFor({ state: 'hidden' });
    const release = page.getByRole('region', { name: 'Release 5.0.0' });
    await expect.poll(() => release.innerText()).toContain('No V&V record');

    await release.getByRole('button', { name: 'Record V&V' }).click();
    const vv = page.getByRole('dialog', { name: /Verification and validation/ });
    for (const [area, criterion, result] of [
      ['Performance', 'Answer accuracy ≥ 90%', '93%'],
      ['Fairness', 'No gap between languages > 3 points', '1.5 points'],
      ['Robustness', 'Stable under paraphrase', '98% stable'],
      ['Security', 'Prompt-injection suite passes', 'all passed'],
    ] as const) {
      await vv.getByRole('textbox', { name: `${area}: Acceptance criterion` }).fill(criterion);
      await vv.getByRole('textbox', { name: `${area}: Result` }).fill(result);
    }
    await vv.getByRole('textbox', { name: 'Decided by' }).fill('Lena Owner');
    await vv.getByRole('button', { name: 'Save' }).click();
    await vv.waitFor({ state: 'hidden' });
    await expect.poll(() => release.innerText()).toContain('Prompt-injection suite passes');
    await expect.poll(() => release.innerText()).toContain('Decision: Deploy — Lena Owner');

    await release.getByRole('button', { name: 'Record deployment' }).click();
    const dep = page.getByRole('dialog', { name: /Record deployment/ });
    await dep.getByRole('button', { name: 'Save' }).click();
    await dep.waitFor({ state: 'hidden' });
    await expect.poll(() => release.innerText()).toContain('Deployed to production');
    expect(await release.innerText()).not.toContain('without a verification');
    await screenshot(page, 'ai-lifecycle-releases');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The impact assessment shows the re-assessment due because of the change.
    await page.goto(`${owner.orgUrl}/impact-assessments/${impactId}`);
    await expect
      .poll(() => page.getByTestId('reassessments-due').innerText())
      .toContain('Re-assessment due because of change “Vendor switched to model v5”');
    expect(problems).toEqual([]);
  });
});
