import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from './demo/company';
import { DEFAULT_DATA_DIR, DEFAULT_DEMO_ORDERS, DEFAULT_PORT, startOrderService } from './index';
import { DEFAULT_POOL_SIZE } from './storage/open';

const USAGE = `Usage: npm run server -- [--demo] [--port <p>] [--host <h>] [--database <url> | --data <dir>]
                         [--pool-size <n>] [--demo-orders <n>] [--log]

  --demo            seed the demo company (once) and accept the demo users (password ${DEMO_PASSWORD})
  --port <p>        port to listen on (default ${DEFAULT_PORT}; 0 = any free port)        env PORT
  --host <h>        address to listen on (default 127.0.0.1)                             env HOST
  --database <url>  run on PostgreSQL, e.g. postgres://user:pass@host:5432/orders      env DATABASE_URL
                    (any number of nodes may share one database); SQLite otherwise
  --pool-size <n>   PostgreSQL connections per node (default ${DEFAULT_POOL_SIZE})                   env DATABASE_POOL_SIZE
  --data <dir>      SQLite data directory (default ${DEFAULT_DATA_DIR})                   env DATA_DIR
  --demo-orders <n> demo orders to generate on first seeding (default ${DEFAULT_DEMO_ORDERS})
  --log             log every request`;

function integer(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${text}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      'pool-size': { type: 'string' },
      data: { type: 'string' },
      'demo-orders': { type: 'string' },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // Configuration by environment (a container, a unit file); a flag given wins over its variable.
  const env = process.env;
  const database = values.database ?? (env.DATABASE_URL || undefined);
  const service = await startOrderService({
    demo: values.demo,
    port: integer(values.port ?? env.PORT, 'port', DEFAULT_PORT),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: values.data ?? env.DATA_DIR ?? DEFAULT_DATA_DIR,
    database,
    poolSize: integer(values['pool-size'] ?? env.DATABASE_POOL_SIZE, 'pool-size', DEFAULT_POOL_SIZE),
    demoOrders: integer(values['demo-orders'], 'demo-orders', DEFAULT_DEMO_ORDERS),
    logger: values.log,
  });
  console.log(`Order service listening on ${service.url} (${database ? 'PostgreSQL' : 'SQLite'})`);
  if (values.demo)
    console.log(`Demo mode: sign in as admin, warehouse1, clerk1, dealer1 or service1 with ${DEMO_PASSWORD}`);
  const stop = () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
