import { UsageError } from '../errors';
import type { Io } from '../io';
import { importAiSystems } from './ai-systems-import';
import { listAiSystems } from './ai-systems-list';
import { release } from './ai-systems-release';

export const AI_SYSTEMS_HELP = `Usage: fortytwo ai-systems <command> [options]

The organization's AI system inventory.

Commands:
  list              list the AI systems (table, or --json)
  import <file>     add the AI systems of a CSV file, all or nothing
  release add <id>  record a release with its test results (CI pipelines: a "releases" token)

Run "fortytwo ai-systems <command> --help" for a command's options.
`;

export async function aiSystems(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list':
    case 'ls':
      return listAiSystems(rest, io);
    case 'import':
      return importAiSystems(rest, io);
    case 'release':
    case 'releases':
      return release(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(AI_SYSTEMS_HELP);
      return 0;
    case undefined:
      io.stderr.write(AI_SYSTEMS_HELP);
      return 2;
    default:
      throw new UsageError(`Unknown command "ai-systems ${sub}".\nRun "fortytwo ai-systems --help" for the commands.`);
  }
}
