// What a browser downloads before the first page shows: the entry script and every chunk index.html
// preloads, gzip-compressed (level 9, what a compressing proxy or the server would send), plus the CSS.
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
  ],
  { cwd: root, stdio: 'inherit' },
);
const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
const initialJs = [...html.matchAll(/"\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const initialCss = [...html.matchAll(/"\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
const allJs = fs.readdirSync(path.join(out, 'assets')).filter((f) => f.endsWith('.js'));
const sum = (files) => files.reduce((n, f) => n + gz(f), 0);
const result = {
  initialJsGzipBytes: sum(initialJs),
  initialJsFiles: initialJs.length,
  initialCssGzipBytes: sum(initialCss),
  allJsGzipBytes: sum(allJs.map((f) => `assets/${f}`)),
  chunks: allJs.length,
};
fs.rmSync(out, { recursive: true, force: true });
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(
  `first load: ${kb(result.initialJsGzipBytes)} JS in ${result.initialJsFiles} files + ${kb(result.initialCssGzipBytes)} CSS (gzip); ` +
    `the whole app ${kb(result.allJsGzipBytes)} JS in ${result.chunks} chunks`,
);
fs.mkdirSync(path.join(root, '.bench'), { recursive: true });
fs.writeFileSync(path.join(root, '.bench/web-first-load.json'), JSON.stringify(result, null, 2));
