// `npm start` and `npm run demo` run the server as plain JavaScript: it is compiled once with
// esbuild (already installed with tsx) into apps/server/dist/ (gitignored), and again only when a
// source is newer than the last build, the way build-web-if-stale.mjs builds the web app. Running
// through a TypeScript loader cost ~1 s of start-up and ~40 MiB of memory on every start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'apps/server/dist');
// Flat, one self-contained file per entry (no shared chunks): every bundle sits in outdir, which the
// import.meta.url rewrite below relies on.
const entries = { main: 'main', demo: 'demo', cli: 'admin/cli' };
const built = path.join(outdir, 'main.js');
const sources = [
  'apps/server/src',
  'apps/server/package.json',
  'packages/domain/src',
  'packages/domain/package.json',
  'packages/catalog/src',
  'packages/catalog/package.json',
  'package-lock.json',
  'scripts/build-server-if-stale.mjs',
].map((p) => path.join(root, p));

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((n) => newest(path.join(p, n))));
}

// Sources that find files next to themselves (the web build, the catalog data, package.json) keep
// doing so from the bundle: their import.meta.url becomes their own source address again, made
// relative to the bundle so the checkout can move.
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = path.relative(outdir, args.path).split(path.sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

// npm packages stay in node_modules (native modules, lazy imports); the workspace packages ship
// TypeScript sources, so they are bundled.
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@fortytwo/') ? undefined : { path: args.path, external: true },
    );
  },
};

// V8 holds a module's source as long as its functions live, one byte a character when every character
// fits in Latin-1 and two bytes otherwise: one "→" in a comment doubled the bundle's 1.5 MB source in
// memory (issue 19, bench/README.md "Idle memory"). esbuild already writes strings as ASCII escapes
// (its default charset is ASCII), so what is left sits in comments, where an escape changes nothing
// that runs.
function keepAscii(file) {
  const text = fs.readFileSync(file, 'utf8');
  const escape = (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  // one escape per UTF-16 unit: a character beyond the BMP becomes its surrogate pair
  const ascii = text.replace(/[^\p{ASCII}]/gu, (c) => c.split('').map(escape).join(''));
  if (ascii !== text) fs.writeFileSync(file, ascii);
}

export async function buildServerIfStale({ quiet = false } = {}) {
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (builtAt !== 0 && Math.max(...sources.map(newest)) <= builtAt) return false;
  if (!quiet) console.log('Compiling the server (once, or after its sources change)...');
  const esbuild = await import('esbuild');
  const tmp = `${outdir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, src]) => [name, path.join(root, `apps/server/src/${src}.ts`)]),
    ),
    outdir: tmp,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [ownUrl, externalPackages],
    logLevel: 'warning',
  });
  for (const name of Object.keys(entries)) keepAscii(path.join(tmp, `${name}.js`));
  // Swapped in whole: a start that reads the build never sees half of one.
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.renameSync(tmp, outdir);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServerIfStale();
