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

// Step 6 in the browser: the readiness check (verdict, blocking findings, a fix link that leads to
// the record), a certification body engagement with its estimate and warning, and the portfolio.

const OWNER = {
  name: 'Rita Owner',
  email: 'rita@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Golf Insurance',
};

let running: Running;
let browser: Browser;
let page: Page;
let owner: OwnerSession;
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  const cb = await owner.api('POST', `/api/orgs/${owner.orgId}/certification-engagements`, {
    cbName: 'Example Certification',
    stage1Date: '2099-03-01',
    stage2Date: '2099-03-08',
    auditTimeInputs: { headcount: 8, aiRoles: ['producer'], aiSystems: 1, sites: 1 },
  });
  expect(cb.status).toBe(201);
  page = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('Certification readiness', () => {
  it('shows the verdict and blocking findings, and a fix link leads to the record', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Readiness check' }).click();
    await page.waitForURL(`${owner.orgUrl}/certification`);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Not ready — Stage 1');
    const scope = page.getByRole('article', { name: '4.3 The AIMS scope is approved' });
    await expect.poll(() => scope.innerText()).toMatch(/lacks data/i);
    await screenshot(page, '95-readiness');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await scope.getByRole('link', { name: 'Fix' }).click();
    await page.waitForURL(`${owner.orgUrl}/scope`);
  });

  it('shows the certification body with the audit-time estimate and a warning on a stage 2 too soon', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certification body' }).click();
    await page.waitForURL(`${owner.orgUrl}/certification/engagements`);
    const cb = page.getByRole('article', { name: 'CB-1 Example Certification' });
    await expect.poll(() => cb.innerText()).toContain('About 5 auditor-days');
    await expect.poll(() => cb.innerText()).toContain('less than 4 weeks after stage 1');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("lists the person's organizations on the portfolio", async () => {
    await page.goto(`${running.baseUrl}/portfolio`);
    await expect.poll(() => page.getByRole('table', { name: 'Portfolio' }).innerText()).toContain('Golf Insurance');
    await expect.poll(() => page.getByRole('table', { name: 'Portfolio' }).innerText()).toMatch(/not ready/i);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
