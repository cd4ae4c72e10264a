import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a command reads and writes besides its arguments, so tests can run it in process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  out(line: string): void;
  err(line: string): void;
}

/**
 * One subcommand of `npm run server -- <command> ...`. A command refuses a user's mistake by
 * throwing CliError (printed as one line with its usage, exit code 1); anything else is a bug.
 * `run` resolves when the command is done, except `serve`, which resolves once it listens.
 */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The whole usage text, printed with --help and after a mistake. */
  usage: string;
  run(args: string[], io: CliIo): Promise<void>;
}

export class CliError extends Error {
  override name = 'CliError';
}

/** parseArgs (strict) that turns an unknown or malformed option into a CliError. */
export function parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    // strict is parseArgs' default: an unknown option is refused, not ignored.
    return parseArgs(config);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
}

/** "A,B , C" → ["A","B","C"]; absent → undefined. */
export const listOption = (text: string | undefined): string[] | undefined =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');

export function integerOption(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new CliError(`--${name} must be a non-negative integer, got ${text}`);
  return value;
}
