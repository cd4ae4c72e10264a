import { CliError, type CliIo } from './command';

/** Reads everything piped in; a terminal is asked twice, without echo. */
async function readAll(stdin: CliIo['stdin']): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** One line typed at a terminal with echo off; Ctrl-C or Ctrl-D gives up. */
function readHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    stdin.setRawMode?.(true);
    let typed = '';
    const done = (error: Error | null) => {
      stdin.setRawMode?.(false);
      stdin.removeListener('data', onData);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003' || char === '\u0004') return done(new CliError('no password given'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/**
 * The password for `users add` / `users reset-password`: from standard input (`printf '%s' pw |`,
 * a file, a secret manager), never from the command line, where it would sit in the shell's
 * history and in every process listing. A single trailing newline is not part of it.
 */
export async function readPassword(io: CliIo): Promise<string> {
  if (io.stdin.isTTY) {
    const first = await readHidden(io, 'Password: ');
    const second = await readHidden(io, 'Again: ');
    if (first !== second) throw new CliError('the two passwords differ');
    return first;
  }
  const text = (await readAll(io.stdin)).replace(/\r?\n$/, '');
  if (text === '') throw new CliError('no password on standard input (pipe it in, e.g. from a file)');
  if (/[\r\n]/.test(text)) throw new CliError('the password on standard input must be one line');
  return text;
}
