import { backupCommand, restoreCommand } from './backup';
import type { Command } from './command';
import { serveCommand } from './serve';
import { setupCommand } from './setup';
import { shopsCommand } from './shops';
import { usersCommand } from './users';

/**
 * Every subcommand of `npm run server -- <command>`. Add a command by appending it here; the
 * help, the dispatch and the default (serve) need nothing else.
 */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  setupCommand,
  usersCommand,
  shopsCommand,
  backupCommand,
  restoreCommand,
];
