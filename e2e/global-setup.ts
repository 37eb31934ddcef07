import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// Finds the browser once per run and hands it to the test files through the environment
// (browser.ts reads it): CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, else the Chromium
// that the npm package @sparticuz/chromium carries (unpacked into the temp directory). Without any,
// every e2e file is skipped with the reason in its suites' names and printed here.

export const BROWSER_ENV = 'FORTYTWO_E2E_CHROMIUM';
export const NO_BROWSER_ENV = 'FORTYTWO_E2E_NO_BROWSER';
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type Found = { path: string; from: string } | { missing: string };

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

export async function findChromium(): Promise<Found> {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    // Asked for by name: a wrong path is a mistake to report, not a reason to skip.
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file`);
    return { path: explicit, from: 'CHROMIUM_PATH' };
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, from: "Debian's chromium package" };
  return sparticuzChromium();
}

/** The Chromium of @sparticuz/chromium (a Linux x64 build), unpacked once into <tmp>/fortytwo-chromium-<version>-<uid>/. */
async function sparticuzChromium(): Promise<Found> {
  const hint = `apt-get install -y chromium, or set CHROMIUM_PATH`;
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { missing: `no ${DEBIAN_CHROMIUM}, and @sparticuz/chromium only carries a Linux x64 build (${hint})` };
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    return {
      missing: `no ${DEBIAN_CHROMIUM}, and the devDependency @sparticuz/chromium is not installed (npm ci, or ${hint})`,
    };
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = path.join(os.tmpdir(), `fortytwo-chromium-${version}-${os.userInfo().uid}`);
  const exe = path.join(dir, 'chromium');
  if (!isExecutable(exe)) {
    // The package unpacks into os.tmpdir() and reuses any <tmp>/chromium it finds, whatever its version:
    // point it at a fresh directory, then move that into place whole, so a cut-short unpack is never reused.
    const partial = fs.mkdtempSync(`${dir}.partial-`);
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = partial;
    try {
      const { default: Chromium } = await import('@sparticuz/chromium');
      const unpacked = await Chromium.executablePath();
      if (unpacked !== path.join(partial, 'chromium'))
        throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${partial}`);
    } catch (err) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw err;
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    try {
      fs.renameSync(partial, dir);
    } catch (err) {
      fs.rmSync(partial, { recursive: true, force: true });
      if (!isExecutable(exe)) throw err; // otherwise another run got there first
    }
  }
  // The binary links against the system's NSS, fonts and so on: a machine without them has no usable browser.
  const probe = spawnSync(exe, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.status !== 0)
    return {
      missing: `no ${DEBIAN_CHROMIUM}, and @sparticuz/chromium ${version} does not run here: ${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]} (${hint})`,
    };
  return { path: exe, from: `@sparticuz/chromium ${version}` };
}

export default async function setup() {
  const found = await findChromium();
  if ('path' in found) {
    process.env[BROWSER_ENV] = found.path;
    delete process.env[NO_BROWSER_ENV];
    console.log(`\n[e2e] browser: ${found.path} (${found.from})\n`);
  } else {
    // CI sets it: there the browser tests must run, so a missing browser fails the run instead.
    if (process.env.E2E_REQUIRE_BROWSER)
      throw new Error(`E2E_REQUIRE_BROWSER is set and there is no browser: ${found.missing}`);
    process.env[NO_BROWSER_ENV] = found.missing;
    delete process.env[BROWSER_ENV];
    console.log(`\n[e2e] skipped: no browser: ${found.missing}\n`);
  }
}
