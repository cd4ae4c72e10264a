import { DEMO_PASSWORD } from '../demo/company';
import { DEFAULT_DEMO_ORDERS, DEFAULT_PORT, startOrderService } from '../index';
import { CliError, integerOption, listOption, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeLocation } from './data-options';
import { SECRET_KEY_ENV } from '../connectors/secrets';

const DEMO_PLATFORM_ORDERS = 40;

const USAGE = `Usage: npm run server -- [serve] [--demo] [--port <p>] [--host <h>] [--database <url> | --data <dir>]
                         [--pool-size <n>] [--demo-orders <n>] [--webhook-attempts <n>] [--log-level <level>]

  --demo            seed the demo company (once) and accept the demo users (password ${DEMO_PASSWORD})
  --port <p>        port to listen on (default ${DEFAULT_PORT}; 0 = any free port)      env PORT
  --host <h>        address to listen on (default 127.0.0.1)                           env HOST
  --allowed-hosts <names>
                    host names clients reach the service by, comma-separated        env ALLOWED_HOSTS
                    (orders.example.com); required when --host is not a loopback address: any
                    other Host header is refused (421 HOST_NOT_ALLOWED)
  --trust-proxy <addresses>
                    proxies (addresses or CIDRs, comma-separated) whose X-Forwarded-For    env TRUST_PROXY
                    names the client; without it the connecting address counts for sign-in limits
${DATA_USAGE}
  --backup-dir <dir>  online backups of the SQLite database into <dir> while serving   env BACKUP_DIR
  --backup-every <m>  minutes between backups (default 60)
  --backup-keep <n>   backups kept, newest first (default 24); PostgreSQL: the backup command
  --demo-orders <n> demo orders to generate on first seeding (default ${DEFAULT_DEMO_ORDERS})
  --demo-platform-orders <n>
                    with --demo: the demo 淘宝 and 拼多多 shops are fed by stub gateways on
                    loopback holding this many orders each, a new one every 20 s (default
                    ${DEMO_PLATFORM_ORDERS}; 0: no platform shops)
  --poll-ms <ms>    between polls of each shop connected to a platform (default 60000)   env POLL_MS
  --secret-key-file <f>
                    the key shops' platform secrets are sealed with     env ${SECRET_KEY_ENV}
                    (32 bytes, base64 or hex; default: <data>/secret.key, made once)
  --code-verifier-cost <N>
                    scrypt N of the verifiers desks get instead of codes (default 32768): what a
                    counter pays per typed code offline, and anyone holding a verifier per guess
  --webhook-attempts <n>
                    deliveries of a write-back event (5 s, 10 s, 20 s … apart) before it is    env WEBHOOK_ATTEMPTS
                    parked as a dead letter an admin replays in 管理 (default 8)
  --log-level <l>   JSON lines on stdout, one per request with its id: info (default), warn,   env LOG_LEVEL
                    error or silent. Never headers, bodies, passwords or tokens`;

/** At least a second: a platform counts every call against the app's quota. */
function pollMs(text: string | undefined): number {
  const ms = integerOption(text, 'poll-ms', 60_000);
  if (ms < 1000) throw new CliError(`--poll-ms must be at least 1000, got ${text}`);
  return ms;
}

/** scrypt's N: a power of two from 2^10 to 2^20. */
function powerOfTwo(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1024 || n > 2 ** 20 || (n & (n - 1)) !== 0) {
    throw new CliError(`--code-verifier-cost must be a power of two from 1024 to 1048576, got ${text}`);
  }
  return n;
}

/** At least one delivery; nothing when the option was not given (config.ts's default). */
function webhookAttempts(text: string | undefined): { outbound?: { maxAttempts: number } } {
  if (text === undefined) return {};
  const maxAttempts = integerOption(text, 'webhook-attempts', 0);
  if (maxAttempts < 1) throw new CliError(`--webhook-attempts must be at least 1, got ${text}`);
  return { outbound: { maxAttempts } };
}

const present = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** Scheduled online backups of the SQLite file: every 60 minutes, the newest 24 kept, unless told. */
function backupsOf(dir: string | undefined, every: string | undefined, keep: string | undefined) {
  if (dir === undefined) {
    if (every !== undefined || keep !== undefined)
      throw new CliError('--backup-every and --backup-keep need --backup-dir');
    return {};
  }
  const minutes = integerOption(every, 'backup-every', 60);
  const kept = integerOption(keep, 'backup-keep', 24);
  if (minutes < 1 || kept < 1) throw new CliError('--backup-every and --backup-keep must be at least 1');
  return { backups: { dir, everyMs: minutes * 60_000, keep: kept } };
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

function logOf(level: string | undefined): { level: string } | false {
  if (level === 'silent') return false;
  if (level !== undefined && !LEVELS.includes(level)) {
    throw new CliError(`--log-level must be one of ${[...LEVELS, 'silent'].join(', ')}, got ${level}`);
  }
  return { level: level ?? 'info' };
}

/** Serving is what the service does when no other command is named. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the order service (the default)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parse({
      args,
      options: {
        ...DATA_OPTIONS,
        demo: { type: 'boolean', default: false },
        port: { type: 'string' },
        host: { type: 'string' },
        'allowed-hosts': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'code-verifier-cost': { type: 'string' },
        'backup-dir': { type: 'string' },
        'backup-every': { type: 'string' },
        'backup-keep': { type: 'string' },
        'demo-orders': { type: 'string' },
        'webhook-attempts': { type: 'string' },
        'demo-platform-orders': { type: 'string' },
        'poll-ms': { type: 'string' },
        'secret-key-file': { type: 'string' },
        'log-level': { type: 'string' },
      },
    });
    const location = storeLocation(values);
    const platformOrders = integerOption(values['demo-platform-orders'], 'demo-platform-orders', DEMO_PLATFORM_ORDERS);
    const backups = backupsOf(
      values['backup-dir'] ?? process.env.BACKUP_DIR,
      values['backup-every'],
      values['backup-keep'],
    );
    if (location.database && backups.backups) {
      // Every node would dump the shared database on its own clock: one scheduler outside does it once.
      throw new CliError(
        '--backup-dir is for SQLite; on PostgreSQL schedule `npm run server -- backup --database <url> --to <dir>` on one machine (docs/deploy.md)',
      );
    }
    const service = await startOrderService({
      ...location,
      demo: values.demo,
      port: integerOption(values.port ?? process.env.PORT, 'port', DEFAULT_PORT),
      host: values.host ?? process.env.HOST ?? '127.0.0.1',
      ...present('allowedHosts', listOption(values['allowed-hosts'] ?? process.env.ALLOWED_HOSTS)),
      ...present('trustProxy', listOption(values['trust-proxy'] ?? process.env.TRUST_PROXY)),
      ...backups,
      demoOrders: integerOption(values['demo-orders'], 'demo-orders', DEFAULT_DEMO_ORDERS),
      pollMs: pollMs(values['poll-ms'] ?? process.env.POLL_MS),
      ...(values['secret-key-file'] === undefined ? {} : { secretKeyFile: values['secret-key-file'] }),
      demoPlatformShops: platformOrders > 0 ? { orders: platformOrders, arriveMs: 20_000 } : null,
      logger: logOf(values['log-level'] ?? process.env.LOG_LEVEL),
      ...webhookAttempts(values['webhook-attempts'] ?? process.env.WEBHOOK_ATTEMPTS),
      ...(values['code-verifier-cost'] === undefined
        ? {}
        : { codeVerifierCost: { N: powerOfTwo(values['code-verifier-cost']), r: 8, p: 1 } }),
    });
    io.out(`Order service listening on ${service.url}`);
    if (values.demo)
      io.out(
        `Demo mode: sign in as admin, warehouse1, clerk1, dealer1, service1 (or the ERP account erp1) with ${DEMO_PASSWORD}`,
      );
    else if (!(await service.hasAdmin()))
      io.out(
        `No admin account yet: create the first with  npm run server -- users add <username> --role admin ${location.database ? '--database <url>' : `--data ${location.dataDir}`}  (password on standard input)`,
      );
    const stop = () => {
      service.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
};
