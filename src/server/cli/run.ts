import { CliError, type CliIo, type Command } from './command';
import { COMMANDS } from './commands';

const overview = (commands: readonly Command[]): string =>
  [
    'Usage: npm run server -- [<command>] [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'With no command it serves (the options of serve). npm run server -- <command> --help for a command.',
  ].join('\n');

/**
 * Runs the command the arguments name (serve when the first argument is an option or absent);
 * answers the exit code. A CliError is printed as one line, with where to find the usage.
 */
export async function runCli(args: string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [first, ...rest] = args;
  if (first === 'help' || first === '--help' || first === '-h') {
    io.out(overview(commands));
    // Serving is the default, so its options are the ones a bare --help asks about.
    if (first !== 'help') io.out(`\n${commands.find((c) => c.name === 'serve')?.usage ?? ''}`);
    return 0;
  }
  const named = first === undefined ? undefined : commands.find((c) => c.name === first);
  if (first !== undefined && !first.startsWith('-') && !named) {
    io.err(`error: unknown command ${first}`);
    io.err(overview(commands));
    return 1;
  }
  const command = named ?? commands.find((c) => c.name === 'serve')!;
  const commandArgs = named ? rest : args;
  if (commandArgs.includes('--help') || commandArgs.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    await command.run(commandArgs, io);
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`error: ${error.message}`);
    io.err(`(npm run server -- ${command.name} --help for its usage)`);
    return 1;
  }
}
