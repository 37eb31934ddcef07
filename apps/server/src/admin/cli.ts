import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config';
import { createBackup } from './backup';
import { restoreBackup, verifyBackup } from './restore';

// Operator commands, run on the server host with the server's own environment (DATA_DIR,
// DATABASE_URL): they read and write the database and the file store directly, which the
// `fortytwo` CLI (an HTTP client) never does. See docs/OPERATIONS.md.
//
//   npm run backup -- [--out <dir>]         a new directory <dir>/fortytwo-<UTC time>/ (default ./backups)
//   npm run backup:verify -- <backup-dir>   checks a backup, writes nothing
//   npm run restore -- <backup-dir> [--force]
//
// Exit codes: 0 done; 1 failed or refused (nothing written, unless the message says otherwise);
// 2 wrong usage; 3 done, with problems to look at (printed).

const USAGE = `usage:
  npm run backup -- [--out <dir>]
  npm run backup:verify -- <backup-dir>
  npm run restore -- <backup-dir> [--force]`;

const say = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    say(USAGE);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    say(USAGE);
    return 0;
  }
  const config = loadConfig();
  const where = config.databaseUrl
    ? `PostgreSQL (DATABASE_URL) and ${config.dataDir}/files`
    : `SQLite in ${config.dataDir}`;
  switch (command) {
    case 'backup': {
      if (positionals.length)
        return usage(`unexpected argument ${positionals[0]}: the backup directory is --out <dir>`);
      say(`Backing up ${where}…`);
      const { dir, manifest } = await createBackup({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        outDir: values.out ?? 'backups',
        log: say,
      });
      const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
      say(
        `Backup complete in ${(manifest.durationMs / 1000).toFixed(1)} s: ${rows} rows, ${manifest.entries.length - 1} evidence file(s), schema ${manifest.schema.latest ?? 'empty'}.`,
      );
      for (const p of manifest.problems) say(`PROBLEM: ${p}`);
      process.stdout.write(`${dir}\n`);
      return manifest.problems.length ? 3 : 0;
    }
    case 'verify': {
      if (positionals.length !== 1) return usage('verify takes one backup directory');
      const { manifest, warnings } = await verifyBackup(positionals[0]!, say);
      say(
        `The backup verifies: ${manifest.dialect}, made ${manifest.createdAt} on ${manifest.host}, schema ${manifest.schema.latest ?? 'empty'}, ${manifest.entries.length} file(s) checked.`,
      );
      for (const w of warnings) say(`WARNING: ${w}`);
      return warnings.length ? 3 : 0;
    }
    case 'restore': {
      if (positionals.length !== 1) return usage('restore takes one backup directory');
      say(`Restoring ${positionals[0]} into ${where}…`);
      const started = Date.now();
      const r = await restoreBackup({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        from: positionals[0]!,
        force: values.force,
        log: say,
      });
      say(
        `Restore complete in ${((Date.now() - started) / 1000).toFixed(1)} s. Audit chains: ${r.chains.count} checked, ${r.chains.events} events${r.chains.broken.length ? `, BROKEN: ${r.chains.broken.join(', ')}` : ', all verify'}.`,
      );
      for (const w of r.warnings) say(`WARNING: ${w}`);
      say('Start the server: it runs any migration newer than the backup at start.');
      return r.warnings.length || r.chains.broken.length ? 3 : 0;
    }
    case undefined:
      return usage('no command');
    default:
      return usage(`unknown command ${command}`);
  }
}

function usage(why: string): number {
  say(`${why}\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(err instanceof ConfigError ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.LOG_LEVEL === 'debug' && err instanceof Error && err.stack) say(err.stack);
    process.exit(
      err instanceof TypeError && (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1,
    );
  },
);
