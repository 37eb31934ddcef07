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

// The catalogue browser: the ISO/IEC 42001 tree and an item's guidance and crosswalk links, search,
// another framework, a custom control through its form, and a framework file imported through the
// form (a bad one rejected with its line). Steps share one signed-in page.

const OWNER = {
  name: 'Cleo Catalogue',
  email: 'cleo@example.com',
  password: 'a long enough passphrase',
  organizationName: 'Gamma Insurance',
};

const GOOD_FILE = `format: fortytwo/framework@1
id: acme-ai-policy
name: Acme AI policy
version: "2025"
items:
  - ref: P-1
    kind: requirement
    title: Human review of automated decisions
    assessable: true
    summary: A person reviews every decision that affects a customer.
  - ref: P-2
    kind: requirement
    title: Model inventory kept current
    assessable: true
`;
// Line 7 holds a kind the format does not know.
const BAD_FILE = `format: fortytwo/framework@1
id: broken-policy
name: Broken policy
version: "1"
items:
  - ref: B-1
    kind: chapter
    title: Something
`;

let running: Running;
let browser: Browser;
let page: Page;
let orgId = '';
let orgUrl = '';
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
  ({ orgId, orgUrl } = await setUpOwner(running.baseUrl, OWNER, { apiToken: false }));
  // 404: the unknown ref and framework this test opens on purpose; 409/422: refused writes it provokes.
  page = await signedInPage(browser, running.baseUrl, OWNER, {
    problems,
    allowStatuses: [404, 409, 422],
    acceptDownloads: true,
    landing: orgUrl,
  });
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const tree = () => page.getByRole('navigation', { name: /^Contents of / });

describeWithBrowser('catalogue', () => {
  it('opens from the navigation with clauses and Annex A in the tree and the overview; passes axe', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
    await page.waitForURL(`${orgUrl}/catalog`);
    await page.getByRole('heading', { name: 'ISO/IEC 42001:2023', level: 2 }).waitFor();
    const iso = page.getByRole('navigation', { name: 'Contents of ISO/IEC 42001:2023' });
    await iso
      .getByRole('list', { name: 'Clauses' })
      .getByRole('link', { name: /^4 Context of the organization/ })
      .waitFor();
    await iso
      .getByRole('list', { name: 'Clauses' })
      .getByRole('link', { name: /^10 Improvement/ })
      .waitFor();
    await iso
      .getByRole('list', { name: 'Annex A controls' })
      .getByRole('link', { name: /^A\.2 Policies related to AI/ })
      .waitFor();
    // Only the top level shows until a branch is unfolded.
    await expect.poll(() => iso.getByRole('link', { name: /^A\.6\.2\.4 / }).count()).toBe(0);
    await page.getByRole('heading', { name: 'Mandatory documented information' }).waitFor();
    await page.getByRole('heading', { name: /Annex C\.2/ }).waitFor();
    const oscal = page.getByRole('link', { name: 'Export OSCAL' });
    const href = await oscal.getAttribute('href');
    expect(href).toMatch(/\/api\/orgs\/[^/]+\/catalog\/frameworks\/iso42001\/oscal$/);
    const download = await page.request.get(`${running.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
    expect(((await download.json()) as { catalog: { metadata: { title: string } } }).catalog.metadata.title).toContain(
      '42001',
    );
    await screenshot(page, '20-catalog-overview');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('unfolds Annex A to A.6.2.4 and shows its guidance and a crosswalk link to NIST', async () => {
    const iso = tree();
    const a6 = iso.getByRole('button', { name: 'Items under A.6', exact: true });
    await expect.poll(() => a6.getAttribute('aria-expanded')).toBe('false');
    await a6.click();
    await expect.poll(() => a6.getAttribute('aria-expanded')).toBe('true');
    await iso.getByRole('button', { name: 'Items under A.6.2', exact: true }).click();
    await iso.getByRole('link', { name: /^A\.6\.2\.4 AI system verification and validation/ }).click();
    await page.waitForURL(`${orgUrl}/catalog/iso42001/A.6.2.4`);
    await page.getByRole('heading', { name: 'A.6.2.4 AI system verification and validation', level: 2 }).waitFor();
    await expect.poll(() => iso.getByRole('link', { name: /^A\.6\.2\.4 / }).getAttribute('aria-current')).toBe('page');
    for (const heading of ['What it asks', 'What an auditor looks for', 'Typical evidence', 'Crosswalk links'])
      await page.getByRole('heading', { name: heading }).waitFor();
    expect(await page.getByRole('article').getByRole('listitem').count()).toBeGreaterThan(3);
    await page.getByText('Documented information: document').waitFor();
    const nist = page.locator('[data-testid="crosswalk-group"][data-framework="nist-ai-rmf"]');
    await nist.getByRole('heading', { name: 'NIST AI Risk Management Framework 1.0' }).waitFor();
    const first = nist.getByRole('link').first();
    const nistRef = (await first.innerText()).trim();
    expect(nistRef).toMatch(/^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/);
    await screenshot(page, '21-catalog-item');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Every crosswalk link opens the other item, which links back.
    await first.click();
    await page.waitForURL(`${orgUrl}/catalog/nist-ai-rmf/${encodeURIComponent(nistRef)}`);
    await page.getByRole('heading', { name: new RegExp(`^${nistRef} `), level: 2 }).waitFor();
    await page
      .locator('[data-testid="crosswalk-group"][data-framework="iso42001"]')
      .getByRole('link', { name: 'A.6.2.4', exact: true })
      .waitFor();
  });

  it('searches all frameworks for "event logs", opens A.6.2.8, and says when nothing matches', async () => {
    await page.goto(`${orgUrl}/catalog`);
    await tree().waitFor();
    await page.locator('body').press('/');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('search');
    await page.keyboard.type('event logs');
    const results = page.getByRole('list', { name: /result.* for “event logs”/ });
    await results.getByRole('link', { name: /A\.6\.2\.8 AI system recording of event logs/ }).click();
    await page.waitForURL(`${orgUrl}/catalog/iso42001/A.6.2.8?q=event+logs`);
    await page.getByRole('heading', { name: 'A.6.2.8 AI system recording of event logs', level: 2 }).waitFor();
    await screenshot(page, '22-catalog-search');
    await page.getByRole('searchbox', { name: 'Search the catalogue' }).fill('zebra quantum');
    await page.getByText('No results for “zebra quantum”').waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();
    // Back to the tree, unfolded at the open item.
    await expect
      .poll(() =>
        tree()
          .getByRole('link', { name: /^A\.6\.2\.8 / })
          .getAttribute('aria-current'),
      )
      .toBe('page');
  });

  it('switches to NIST AI RMF, opens an item by its address, and explains an unknown ref', async () => {
    await page.getByRole('combobox', { name: 'Framework' }).click();
    await page.getByRole('option', { name: 'NIST AI Risk Management Framework 1.0' }).click();
    await page.waitForURL(`${orgUrl}/catalog/nist-ai-rmf`);
    await page.getByRole('heading', { name: 'NIST AI Risk Management Framework 1.0', level: 2 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Contents of NIST AI Risk Management Framework 1.0' })
      .getByRole('link', { name: /^GOVERN Govern/ })
      .waitFor();
    await page.goto(`${orgUrl}/catalog/nist-ai-rmf/GOVERN%201.1`);
    await page.getByRole('heading', { name: /^GOVERN 1\.1 /, level: 2 }).waitFor();
    await page.locator('[data-testid="crosswalk-group"][data-framework="iso42001"]').waitFor();
    await page.goto(`${orgUrl}/catalog/iso42001/A.99.1`);
    await page.getByRole('alert').filter({ hasText: 'ISO/IEC 42001:2023 has no item "A.99.1"' }).waitFor();
  });

  it('creates a custom control through the form (validation as you type, a server rule on its field) and resolves a stale edit', async () => {
    await page.goto(`${orgUrl}/catalog`);
    await page.getByRole('tab', { name: 'Custom controls' }).click();
    await page.waitForURL(`${orgUrl}/catalog/custom-controls`);
    await page.getByText('No custom controls yet').waitFor();
    await page.getByRole('link', { name: 'Add your first custom control' }).click();
    await page.waitForURL(`${orgUrl}/catalog/custom-controls/new`);
    const ref = page.getByRole('textbox', { name: 'Ref', exact: true });
    await ref.fill('A.6.9');
    await page
      .getByText('ref must not look like an Annex A control (A.x.y); use your own prefix such as ORG-1')
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // 4.1 passes the schema; the server refuses it because it is an ISO/IEC 42001 ref.
    await ref.fill('4.1');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Model card review before release');
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('Each model release has a reviewed model card before it reaches customers.');
    await page.getByRole('button', { name: 'Add custom control' }).click();
    await page.getByText('Ref "4.1" is an ISO/IEC 42001 reference; choose your own, such as ORG-1').waitFor();
    await expect.poll(() => ref.getAttribute('aria-invalid')).toBe('true');
    await ref.fill('ORG-1');
    await page.getByRole('switch', { name: 'Add guidance' }).check();
    await page.getByRole('textbox', { name: 'What it asks' }).fill('Write and review a model card for each release.');
    await page
      .getByRole('textbox', { name: 'What an auditor looks for' })
      .fill('Model cards of sampled releases, with the reviewer and date.');
    await page.getByRole('textbox', { name: 'Typical evidence' }).fill('Model cards\nReview records');
    await page.getByRole('combobox', { name: 'Related ISO/IEC 42001 items' }).fill('6.1.3');
    await page.getByRole('option', { name: /^6\.1\.3 / }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Transparency & explainability' }).check();
    await screenshot(page, '23-custom-control-form');
    await page.getByRole('button', { name: 'Add custom control' }).click();
    await page.waitForURL(`${orgUrl}/catalog/custom-controls`);
    const row = page.locator('tr[data-ref="ORG-1"]');
    await row.getByText('Model card review before release').waitFor();
    await row.getByRole('link', { name: '6.1.3', exact: true }).waitFor();
    await screenshot(page, '24-custom-controls');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A colleague saves while I edit: nothing is overwritten, and my edit is re-applied on their version.
    await row.getByRole('button', { name: 'Actions for ORG-1' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    await page.waitForURL(/\/custom-controls\/[^/]+\/edit$/);
    const id = page.url().split('/').at(-2)!;
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Model card review before each release');
    const { csrfToken } = await (await page.request.get(`${running.baseUrl}/api/me`)).json();
    const theirs = await page.request.patch(`${running.baseUrl}/api/orgs/${orgId}/custom-controls/${id}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: 1, description: 'Changed by a colleague.' },
    });
    expect(theirs.status()).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByTestId('stale-conflict');
    await conflict.getByRole('cell', { name: 'Description', exact: true }).waitFor();
    await screenshot(page, '25-custom-control-conflict');
    await conflict.getByRole('button', { name: 'Load their version and re-apply my changes' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Description' }).inputValue())
      .toBe('Changed by a colleague.');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Title', exact: true }).inputValue())
      .toBe('Model card review before each release');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${orgUrl}/catalog/custom-controls`);
    await row.getByText('Model card review before each release').waitFor();

    // It reads as an item of the catalogue, linked to the ISO item it supports.
    await row.getByRole('link', { name: 'ORG-1', exact: true }).click();
    await page.waitForURL(`${orgUrl}/catalog/custom/ORG-1`);
    await page.getByRole('heading', { name: 'ORG-1 Model card review before each release', level: 2 }).waitFor();
    await page
      .locator('[data-testid="crosswalk-group"][data-framework="iso42001"]')
      .getByRole('link', { name: '6.1.3', exact: true })
      .waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Framework' }).inputValue()).toBe('Custom controls');
  });

  it('imports a framework file through the form, rejects a bad one with its line, and offers to replace', async () => {
    await page.getByRole('tab', { name: 'Imports' }).click();
    await page.waitForURL(`${orgUrl}/catalog/imports`);
    await page.getByText('No frameworks or crosswalks imported yet').waitFor();
    await page.getByText('format: fortytwo/crosswalk@1', { exact: false }).first().waitFor();
    const file = page.locator('input[type="file"]');
    // A PNG picked by mistake: named for what it is, before anything is sent (issue 18).
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByText('logo.png is not a YAML or JSON file', { exact: false }).waitFor();
    await file.setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BAD_FILE) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const issues = page.getByTestId('import-issues');
    await issues.getByText(/^line 7 — items\[0\]\.kind: kind must be one of/).waitFor();
    await screenshot(page, '26-import-rejected');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await file.setInputFiles({ name: 'acme.yaml', mimeType: 'application/yaml', buffer: Buffer.from(GOOD_FILE) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('cell', { name: 'acme.yaml' }).waitFor();
    await expect.poll(() => page.getByTestId('import-issues').count()).toBe(0);
    await page.getByRole('cell', { name: '2 items' }).waitFor();
    // The same id again: the form offers to replace the earlier import.
    await file.setInputFiles({ name: 'acme.yaml', mimeType: 'application/yaml', buffer: Buffer.from(GOOD_FILE) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('button', { name: 'Replace the earlier import' }).click();
    await page.getByText('"Acme AI policy" replaced the earlier import.', { exact: false }).first().waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'acme.yaml' }).count()).toBe(1);
    await screenshot(page, '27-imports');

    await page.getByRole('link', { name: 'Acme AI policy' }).first().click();
    await page.waitForURL(`${orgUrl}/catalog/acme-ai-policy`);
    await page.getByRole('heading', { name: 'Acme AI policy', level: 2 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Contents of Acme AI policy' })
      .getByRole('link', { name: /^P-1 Human review of automated decisions/ })
      .click();
    await page.getByRole('heading', { name: 'P-1 Human review of automated decisions', level: 2 }).waitFor();
    expect(problems).toEqual([]);
  });
});
