// What a browser downloads before the first page shows: the entry script and every chunk index.html
// preloads, gzip-compressed (level 9, what a compressing proxy or the server would send), plus the CSS.
// Pages are loaded when opened (apps/web/src/ui/lazy-page.tsx), so each first page also counts: the
// preloaded chunks plus the page's chunks and what they import (from Vite's manifest), for the
// sign-in page (a signed-out visitor) and an organization's home (the signed-in frame and the home page).
// Builds the web app into a temporary directory so the figure is of the sources as they are now.
//   node bench/web-first-load.mjs            prints the figure and writes .bench/web-first-load.json
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-web-'));
execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'apps/web/vite.config.ts',
    '--outDir',
    out,
    '--logLevel',
    'warn',
    '--manifest',
  ],
  { cwd: root, stdio: 'inherit' },
);
const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
const initialJs = [...html.matchAll(/"\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const initialCss = [...html.matchAll(/"\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
const allJs = fs.readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.js'));
const sum = (files) => files.reduce((n, f) => n + gz(f), 0);
const manifest = JSON.parse(fs.readFileSync(path.join(out, '.vite/manifest.json'), 'utf8'));
/** The JS files a set of manifest entries loads: their own and every static import's, transitively. */
function closure(keys, files = new Set()) {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) continue;
    files.add(chunk.file);
    closure(chunk.imports ?? [], files);
  }
  return files;
}
const firstPage = (pages) => sum([...closure(['index.html', ...pages.map((p) => `src/${p}`)])]);
const result = {
  initialJsGzipBytes: sum(initialJs),
  initialJsFiles: initialJs.length,
  initialCssGzipBytes: sum(initialCss),
  allJsGzipBytes: sum(allJs.map((f) => `assets/${f}`)),
  chunks: allJs.length,
  firstPageJsGzipBytes: {
    signIn: firstPage(['features/auth/LoginPage.tsx']),
    orgHome: firstPage(['features/shell/AppFrame.tsx', 'features/home/HomePage.tsx']),
  },
};
fs.rmSync(out, { recursive: true, force: true });
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `first load: ${kb(result.initialJsGzipBytes)} JS in ${result.initialJsFiles} files + ${kb(result.initialCssGzipBytes)} CSS (gzip); ` +
    `the whole app ${kb(result.allJsGzipBytes)} JS in ${result.chunks} chunks; first page JS: ` +
    `sign-in ${kb(result.firstPageJsGzipBytes.signIn)}, an organization's home ${kb(result.firstPageJsGzipBytes.orgHome)}`,
);
fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
fs.writeFileSync(path.join(root, '.bench/web-first-load.json'), JSON.stringify(result, null, 2));
