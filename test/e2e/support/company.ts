import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CompanyService {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const CLI = ['--import', 'tsx', 'src/server/cli.ts'];

/** One `npm run server -- …` command, the password (if any) on standard input; fails loudly. */
function server(args: string[], stdin = ''): string {
  const run = spawnSync(process.execPath, [...CLI, ...args], { input: stdin, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`server ${args.join(' ')}: ${run.status}\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/**
 * A company's own order service, started exactly as README's "How a company starts its own" says:
 * `setup --from docs/examples/company.json`, `users add` with the password on standard input, then
 * the service without --demo on a free port.
 */
export async function startCompanyService(
  users: Array<{ username: string; password: string; args: string[] }>,
  serveArgs: string[] = [],
): Promise<CompanyService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-company-e2e-'));
  server(['setup', '--from', 'docs/examples/company.json', '--data', dataDir]);
  for (const user of users) server(['users', 'add', user.username, ...user.args, '--data', dataDir], user.password);
  const child = spawn(process.execPath, [...CLI, '--port', '0', '--data', dataDir, ...serveArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Order service listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1]) resolve(listening[1]);
    });
    child.once('exit', (code) => reject(new Error(`the order service exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
