import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser, seriousA11yViolations, startServer, type Running } from './browser';
import { apiClient, signedInPage, setUpOwner, type OwnerSession } from './session';

// The external auditor workspace in the browser: the owner shares a piece of evidence, the
// time-boxed external auditor lands on the workspace, opens a published document and asks for more
// evidence; the owner sees the access log and answers; the auditor sees the answer.

const OWNER = {
  name: 'Hana Owner',
  email: 'hana@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Kilo Health AI',
};
const AUDITOR = { name: 'Lena Auditor', email: 'lena@cb.example', password: 'another long enough passphrase' };

let running: Running;
let browser: Browser;
let ownerPage: Page;
let auditorPage: Page;
let owner: OwnerSession;
const problems: string[] = [];
let docTitle = '';

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  owner = await setUpOwner(running.baseUrl, OWNER);
  const api = owner.api;
  const org = `/api/orgs/${owner.orgId}`;
  // A published document (submitted, approved, published by the owner).
  const doc = await api<{ id: string; title: string; latest: { id: string } }>('POST', `${org}/documents`, {
    typeId: 'roles-responsibilities',
  });
  docTitle = doc.body.title;
  const url = `${org}/documents/${doc.body.id}/versions/${doc.body.latest.id}`;
  let v = (await api<{ version: number }>('GET', url)).body;
  v = (
    await api<{ version: number }>('POST', `${url}/submit`, {
      version: v.version,
      reviewerIds: [],
      changeSummary: 'First',
    })
  ).body;
  v = (await api<{ version: number }>('POST', `${url}/approve`, { version: v.version })).body;
  expect((await api('POST', `${url}/publish`, { version: v.version })).status).toBe(200);
  // Two pieces of evidence: one to share, one to answer a request with.
  expect((await api('POST', `${org}/evidence`, { title: 'Model card', url: 'https://wiki.example/card' })).status).toBe(
    201,
  );
  expect(
    (await api('POST', `${org}/evidence`, { title: 'Release test report', url: 'https://ci.example/r' })).status,
  ).toBe(201);
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const inv = await api<{ token: string }>('POST', `${org}/invitations`, {
    email: AUDITOR.email,
    role: 'external_auditor',
    expiresAt,
  });
  expect(inv.status).toBe(201);
  const accepted = await apiClient(running.baseUrl)('POST', `/api/invitations/${inv.body.token}/accept`, {
    name: AUDITOR.name,
    password: AUDITOR.password,
  });
  expect(accepted.status).toBe(200);
  ownerPage = await signedInPage(browser, running.baseUrl, OWNER, { problems, landing: owner.orgUrl });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describeWithBrowser('External auditor workspace', () => {
  it('shares evidence, lets the auditor read and ask, logs the access and answers the request', async () => {
    // The owner shares EV-1 with the auditors.
    await ownerPage.goto(`${owner.orgUrl}/auditor-workspace/manage`);
    await ownerPage.getByRole('switch', { name: 'Shared with auditors: EV-1 Model card' }).click({ force: true });
    await expect
      .poll(
        async () =>
          (await owner.api<{ items: unknown[] }>('GET', `/api/orgs/${owner.orgId}/auditor-workspace/shares`)).body.items
            .length,
      )
      .toBe(1);

    // The auditor lands on the workspace: the published document and EV-1, not EV-2.
    auditorPage = await signedInPage(browser, running.baseUrl, AUDITOR, {
      problems,
      landing: `${owner.orgUrl}/auditor-workspace`,
    });
    const evidence = auditorPage.getByRole('region', { name: 'Shared evidence' });
    await expect.poll(() => evidence.innerText()).toContain('EV-1 Model card');
    // The navigation leaves out the pages that would refuse the auditor; the owner's has them.
    const nav = (page: typeof ownerPage) => page.getByRole('navigation', { name: 'Main' });
    await ownerPage.reload();
    for (const name of ['Documents', 'Evidence library'])
      await expect
        .poll(() => nav(ownerPage).getByRole('link', { name, exact: true }).count(), { message: name })
        .toBe(1);
    await expect.poll(() => nav(auditorPage).getByRole('link', { name: 'Auditor workspace' }).count()).toBe(1);
    for (const name of ['Documents', 'Evidence library', 'Master list'])
      expect(await nav(auditorPage).getByRole('link', { name, exact: true }).count(), name).toBe(0);
    expect(await evidence.innerText()).not.toContain('Release test report');
    await auditorPage.getByRole('button', { name: `View ${docTitle}` }).click();
    await expect.poll(() => auditorPage.getByRole('dialog').innerText()).toContain(docTitle);
    expect(await seriousA11yViolations(auditorPage)).toEqual([]);
    await auditorPage.keyboard.press('Escape');
    await expect.poll(() => auditorPage.getByRole('dialog').count()).toBe(0);

    // The auditor asks for more evidence.
    await auditorPage.getByRole('button', { name: 'Request evidence' }).click();
    await auditorPage.getByLabel('What you need').fill('Verification records of the last release');
    await auditorPage.getByLabel('Clause or control (optional)').fill('A.6.2.4');
    await auditorPage.getByRole('button', { name: 'Send request' }).click();
    const request = auditorPage.getByRole('article', { name: 'RQ-1 Verification records of the last release' });
    await expect.poll(() => request.innerText()).toMatch(/open/i);

    // The owner reads the access log and answers with EV-2.
    await ownerPage.reload();
    const log = ownerPage.getByRole('table', { name: 'Access log' });
    await expect.poll(() => log.innerText()).toContain(AUDITOR.name);
    expect(await log.innerText()).toContain(docTitle);
    await ownerPage.getByRole('button', { name: 'Answer' }).click();
    await ownerPage.getByRole('combobox', { name: 'Evidence from the library' }).click();
    await ownerPage.getByRole('option', { name: 'EV-2 Release test report' }).click();
    await ownerPage.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => ownerPage.getByRole('dialog').count()).toBe(0);

    // The auditor sees the answer and the evidence, now shared.
    await auditorPage.reload();
    await expect.poll(() => request.innerText()).toMatch(/answered/i);
    expect(await request.innerText()).toContain('EV-2 Release test report');
    await expect.poll(() => evidence.innerText()).toContain('Release test report');
    expect(problems).toEqual([]);
  });
});
