import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from './demo/company';
import { DEFAULT_DATA_DIR, DEFAULT_DEMO_ORDERS, DEFAULT_PORT, startOrderService } from './index';

const USAGE = `Usage: npm run server -- [--demo] [--port <p>] [--host <h>] [--data <dir>] [--demo-orders <n>] [--log]

  --demo            seed the demo company (once) and accept the demo users (password ${DEMO_PASSWORD})
  --port <p>        port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <h>        address to listen on (default 127.0.0.1)
  --data <dir>      data directory (default ${DEFAULT_DATA_DIR})
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
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      'demo-orders': { type: 'string' },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const service = await startOrderService({
    demo: values.demo,
    port: integer(values.port, 'port', DEFAULT_PORT),
    host: values.host,
    dataDir: values.data,
    demoOrders: integer(values['demo-orders'], 'demo-orders', DEFAULT_DEMO_ORDERS),
    logger: values.log,
  });
  console.log(`Order service listening on ${service.url}`);
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
