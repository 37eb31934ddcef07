// `npm start` and `npm run demo`: build the web app and the server when their sources are newer than
// the last build, then run the compiled entry in this same process. One node process instead of a
// nested `npm run build` and two more node processes saves ~0.4 s of every start (bench/startup.ts).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServerIfStale } from './build-server-if-stale.mjs';
import { buildWebIfStale } from './build-web-if-stale.mjs';

const ENTRIES = ['main', 'demo'];
const entry = process.argv[2];
if (!ENTRIES.includes(entry)) {
  console.error(`Usage: node scripts/run-built.mjs <${ENTRIES.join('|')}>`);
  process.exit(2);
}
buildWebIfStale();
await buildServerIfStale();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await import(pathToFileURL(path.join(root, 'apps/server/dist', `${entry}.js`)).href);
