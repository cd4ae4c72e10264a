import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/server/cli/run';
import { ManualClock, startOrderService, type OrderService } from '../../../src/server/index';
import { SESSION_RECHECK_MS } from '../../../src/server/auth/sessions';
import { call, TEST_START } from '../../support/service';

/** Runs `npm run server -- <args>` in this process, with `stdin` piped in; answers the exit code and output. */
async function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdin: Readable.from([Buffer.from(stdin)]),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a new company’s first accounts, from the command line', () => {
  let dataDir: string;
  let service: OrderService;
  const clock = new ManualClock(TEST_START);
  const login = (username: string, password: string) =>
    call(`${service.url}/v1/auth/login`, { body: { username, password } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'order-service-cli-'));
    service = await startOrderService({ dataDir, port: 0, clock, timerIntervalMs: 0, demo: false });
    expect((await cli(['setup', '--from', 'docs/examples/company.json', '--data', dataDir])).code).toBe(0);
  });
  afterAll(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has no admin until one is added, and then the admin signs in with the password piped in', async () => {
    expect(await service.hasAdmin()).toBe(false);
    const added = await cli(
      ['users', 'add', 'boss', '--role', 'admin', '--name', '王总', '--data', dataDir],
      'Str0ng pass\n',
    );
    expect(added).toMatchObject({ code: 0, out: 'Added admin boss (everything); it can sign in now.' });
    expect(await service.hasAdmin()).toBe(true);
    const signedIn = await login('boss', 'Str0ng pass');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({
      username: 'boss',
      displayName: '王总',
      role: 'admin',
      scope: { all: true },
    });
  });

  it('scopes an integration account by shops, or every shop when none is named', async () => {
    expect(
      (
        await cli(
          ['users', 'add', 'erp', '--role', 'integration', '--shops', 'TM-HEMU, JD-HEMU', '--data', dataDir],
          'erp-secret-1',
        )
      ).out,
    ).toBe('Added integration erp (shops TM-HEMU,JD-HEMU); it can sign in now.');
    expect(
      (await cli(['users', 'add', 'erp-all', '--role', 'integration', '--data', dataDir], 'erp-secret-2')).code,
    ).toBe(0);
    expect((await login('erp', 'erp-secret-1')).body.user.scope).toEqual({
      all: false,
      warehouseIds: [],
      storeIds: [],
      dealerIds: [],
      shopIds: ['TM-HEMU', 'JD-HEMU'],
    });
    expect((await login('erp-all', 'erp-secret-2')).body.user.scope).toMatchObject({ all: true, shopIds: [] });
    const listed = await cli(['users', 'list', '--json', '--data', dataDir]);
    expect(JSON.parse(listed.out).map((u: { username: string }) => u.username)).toEqual([
      'boss',
      'clerk-hz01',
      'cs-lead',
      'dealer-nj',
      'erp',
      'erp-all',
      'wh-gz',
      'wh-hz',
    ]);
    expect(listed.out).not.toMatch(/scrypt|passwordHash/);
  });

  it('refuses mistakes with one clear line and changes nothing', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['users', 'add', 'wh', '--role', 'warehouse'], 'long-enough', /needs warehouses \(SCOPE_REQUIRED\)/],
      [['users', 'add', 'wh', '--role', 'warehouse', '--warehouses', 'WH-XX'], 'long-enough', /No warehouse WH-XX/],
      [['users', 'add', 'erp2', '--role', 'integration', '--shops', 'PDD-X'], 'long-enough', /No shop PDD-X/],
      [['users', 'add', 'wh', '--role', 'admin', '--warehouses', 'WH-SH'], 'long-enough', /SCOPE_NOT_FOR_ROLE/],
      [['users', 'add', 'boss', '--role', 'admin'], 'long-enough', /taken \(USERNAME_TAKEN\)/],
      [['users', 'add', 'shorty', '--role', 'admin'], 'short', /at least 8 characters/],
      [['users', 'add', 'nopass', '--role', 'admin'], '', /no password on standard input/],
      [['users', 'add', 'two', '--role', 'admin'], 'line one\nline two', /must be one line/],
      [['users', 'add', 'x y', '--role', 'admin'], 'long-enough', /USERNAME_FORMAT/],
      [['users', 'add', 'boss2', '--role', 'owner'], 'long-enough', /--role must be one of/],
      [['users', 'add', 'boss2', '--role', 'admin', '--colour', 'red'], 'long-enough', /Unknown option '--colour'/],
      [['users', 'disable', 'ghost'], '', /No user ghost \(USER_NOT_FOUND\)/],
      [['users', 'fly'], '', /unknown action: users fly/],
    ];
    for (const [args, stdin, message] of cases) {
      const answer = await cli([...args, '--data', dataDir], stdin);
      expect(answer.code, args.join(' ')).toBe(1);
      expect(answer.err.split('\n')[0], args.join(' ')).toMatch(message);
    }
    const listed = JSON.parse((await cli(['users', 'list', '--json', '--data', dataDir])).out) as unknown[];
    expect(listed).toHaveLength(8);
  });

  it('ends sessions on revoke, refuses a disabled account and never disables the last admin', async () => {
    const { token } = (await login('erp', 'erp-secret-1')).body;
    const orders = () => call(`${service.url}/v1/orders?limit=1`, { token });
    expect((await orders()).status).toBe(200);

    // erp signed in twice by now (the scope check above, and here).
    expect((await cli(['users', 'revoke', 'erp', '--data', dataDir])).out).toBe('Ended 2 session(s) of erp.');
    // The command ran beside the service, which trusts a session it knows for a few seconds more.
    clock.advance(SESSION_RECHECK_MS);
    expect(await orders()).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });

    expect((await cli(['users', 'disable', 'erp', '--data', dataDir])).out).toBe('Disabled erp; 0 session(s) ended.');
    expect(await login('erp', 'erp-secret-1')).toMatchObject({
      status: 401,
      body: { error: { code: 'INVALID_CREDENTIALS' } },
    });
    expect((await cli(['users', 'enable', 'erp', '--data', dataDir])).code).toBe(0);
    expect((await login('erp', 'erp-secret-1')).status).toBe(200);

    expect((await cli(['users', 'disable', 'boss', '--data', dataDir])).err).toMatch(/last admin who can sign in/);
    expect((await login('boss', 'Str0ng pass')).status).toBe(200);
  });

  it('sets a new password from standard input and signs the user out everywhere', async () => {
    const { token } = (await login('erp-all', 'erp-secret-2')).body;
    expect((await cli(['users', 'reset-password', 'erp-all', '--data', dataDir], 'erp-secret-3\n')).out).toBe(
      'New password set for erp-all; 2 session(s) ended.',
    );
    clock.advance(SESSION_RECHECK_MS);
    expect((await call(`${service.url}/v1/orders?limit=1`, { token })).status).toBe(401);
    expect((await login('erp-all', 'erp-secret-2')).status).toBe(401);
    expect((await login('erp-all', 'erp-secret-3')).status).toBe(200);
  });
});

describe('the server command', () => {
  it('lists its commands, serves by default and says in one line how to create the first admin', async () => {
    const help = await cli(['help']);
    expect(help.out).toMatch(/serve .*\n.*setup .*\n.*users /);
    expect((await cli(['--help'])).out).toMatch(/--demo/);
    expect(await cli(['teleport'])).toMatchObject({ code: 1, err: expect.stringMatching(/unknown command teleport/) });
    expect(await cli(['--webhook-attempts', '0'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/--webhook-attempts must be at least 1, got 0/),
    });

    const dataDir = mkdtempSync(join(tmpdir(), 'order-service-cli-'));
    // The real command in its own process, exactly as a company would start it.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let printed = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          if (printed.includes('No admin account yet')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${printed}`)));
      });
      // What the command says to a person; the request log's JSON lines go to the same stdout.
      const lines = printed
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('{'));
      expect(lines[0]).toMatch(/^Order service listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toBe(
        `No admin account yet: create the first with  npm run server -- users add <username> --role admin --data ${dataDir}  (password on standard input)`,
      );
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
