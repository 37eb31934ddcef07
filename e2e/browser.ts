import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { loadConfig } from '../apps/server/src/platform/config';
import { createServer, type Server } from '../apps/server/src/server';
import { BROWSER_ENV, NO_BROWSER_ENV } from './global-setup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const AXE_PATH = path.join(root, 'node_modules/axe-core/axe.min.js');
export const SHOTS = process.env.E2E_SCREENSHOTS ?? path.join(os.tmpdir(), 'fortytwo-e2e');

export type Running = { server: Server; baseUrl: string; dataDir: string; stop: () => Promise<void> };

/** A real Fortytwo server on a random port with a fresh database, serving apps/web/dist. */
export async function startServer(opts: { env?: Record<string, string>; port?: number } = {}): Promise<Running> {
  if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html')))
    throw new Error('apps/web/dist is missing: run "npm run build:web" (npm run test:e2e does it)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-e2e-'));
  const server = await createServer(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...opts.env }), {
    logger: false,
  });
  const address = await server.app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  return {
    server,
    baseUrl: address,
    dataDir,
    stop: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Chromium that e2e/global-setup.ts found for this run (CHROMIUM_PATH, /usr/bin/chromium or @sparticuz/chromium). */
const CHROMIUM = process.env[BROWSER_ENV];

/**
 * `describe`, or `describe.skip` with the reason in its name when the run has no browser. Every e2e suite
 * uses it: a file whose suites are all skipped runs none of its hooks (no server, no browser launch).
 */
export function describeWithBrowser(title: string, fn: () => void) {
  if (CHROMIUM) return describe(title, fn);
  const missing = process.env[NO_BROWSER_ENV];
  if (!missing)
    throw new Error(
      'no browser was looked for: run the browser tests with "npm run test:e2e" (e2e/vitest.config.ts runs e2e/global-setup.ts)',
    );
  return describe.skip(`${title} (skipped: no browser: ${missing})`, fn);
}

export function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('launchBrowser outside describeWithBrowser: this run has no browser');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/** Runs axe-core on the page; returns the serious and critical violations, described. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: { exclude: string[][] }) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    // Toasts are left out: a toast from the step before may still be fading out, and axe then reads its
    // colours at partial opacity (1.8:1 on a fading grey), which is not what anyone reads.
    const res = await axe.run({ exclude: [['.mantine-Notifications-root'], ['.mantine-Notification-root']] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id} (${v.help}) at ${v.nodes
          .map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`)
          .slice(0, 5)
          .join('; ')}`,
    );
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** A port free right now, for a server whose address must be known before it starts (single sign-on's PUBLIC_URL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
