import fs from 'node:fs';
import { aiSystems } from './commands/ai-systems';
import { catalog } from './commands/catalog';
import { docs } from './commands/docs';
import { evidence } from './commands/evidence';
import { login } from './commands/login';
import { metrics } from './commands/metrics';
import { readiness } from './commands/readiness';
import { soa } from './commands/soa';
import { CliError, EXIT } from './errors';
import { println, processIo, type Io } from './io';

export const HELP = `Usage: fortytwo <command> [options]

Command-line client of a Fortytwo server (ISO/IEC 42001 workbench), over its HTTP API.

Commands:
  login                  check an API token and save it with the server URL
  ai-systems list        list the AI system inventory (table, or --json)
  ai-systems import      add AI systems from a CSV file (the columns of the CSV export)
  ai-systems release add <id>  record a release with its V&V results (CI pipelines: a "releases" token)
  catalog show <ref>     a catalogue item (ISO/IEC 42001 clause or control, NIST, EU AI Act…)
  catalog search         search the catalogue
  catalog export         a framework as an OSCAL catalog (--format oscal)
  catalog import         add a framework or crosswalk file to the organization
  soa export             the Statement of Applicability as xlsx, docx, csv or pdf (--format)
  docs list              the controlled documents: code, title, version in force, state
  docs master-list       the master list of documented information, with its problems
  docs export            download the package of the documents in force (zip)
  docs verify <zip>      check a document package offline against its manifest (SHA-256)
  metrics push <m> <v>   record a measurement of a metric (monitoring pipelines: a "measurements" token)
  evidence add <file|url>  add a file or a link to the evidence library (--attach control:A.6.2.4)
  evidence list          the evidence register, with expiring and expired evidence flagged
  evidence export        download the evidence package (files, manifest.json, SHA256SUMS)
  evidence verify <zip>  check an evidence package offline against its manifest (SHA-256)
  readiness              the certification readiness check (--stage 1|2, --json); exits 3 while not ready

Options:
  -h, --help             show help (also after any command)
  -v, --version          show the version

Environment:
  FORTYTWO_CONFIG        the configuration file (default ~/.config/fortytwo/config.json)
  FORTYTWO_URL, FORTYTWO_TOKEN, FORTYTWO_ORG
                         override the saved server, token and default organization

Exit codes: 0 ok, 1 error from the server or the network, 2 usage or input error,
3 a check that failed (docs verify, evidence verify: the package does not match its manifest;
readiness: not ready for the stage).
`;

export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs one command line (without "node fortytwo") and returns the exit code; never calls process.exit. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'login':
        return await login(rest, io);
      case 'ai-systems':
      case 'ai-system':
        return await aiSystems(rest, io);
      case 'catalog':
      case 'catalogue':
        return await catalog(rest, io);
      case 'soa':
        return await soa(rest, io);
      case 'metrics':
      case 'metric':
        return await metrics(rest, io);
      case 'docs':
      case 'documents':
        return await docs(rest, io);
      case 'evidence':
        return await evidence(rest, io);
      case 'readiness':
        return await readiness(rest, io);
      case '--version':
      case '-v':
      case 'version':
        println(io.stdout, `fortytwo ${version()}`);
        return EXIT.ok;
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(HELP);
        return EXIT.ok;
      case undefined:
        io.stderr.write(HELP);
        return EXIT.usage;
      default:
        println(io.stderr, `fortytwo: unknown command "${command}". Run "fortytwo --help" for the commands.`);
        return EXIT.usage;
    }
  } catch (err) {
    if (err instanceof CliError) {
      println(io.stderr, `fortytwo: ${err.message}`);
      return err.exitCode;
    }
    println(
      io.stderr,
      `fortytwo: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    return EXIT.server;
  }
}

/** Entry point of bin/fortytwo.mjs. Sets the exit code instead of exiting, so piped output is flushed. */
export async function main(): Promise<void> {
  // `fortytwo ai-systems list | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = await run(process.argv.slice(2));
}
