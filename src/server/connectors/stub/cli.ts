import { parseArgs } from 'node:util';
import { startStub } from './start';
import { STUB_CREDENTIALS } from './server';

const USAGE = `Usage: npm run platform-stub -- --platform taobao|pdd [--port P] [--orders N] [--seed S]
                                [--throttle-rate R] [--change-ms MS] [--arrive-ms MS]
                                [--app-key K] [--app-secret S] [--session T]

Plays a platform's open-platform gateway on 127.0.0.1 with a shop of N orders (default 300):
淘宝/天猫 TOP at /router/rest, 拼多多 at /api/router, every request's signature checked.
  --throttle-rate R  share of calls answered with the platform's rate-limit error (default 0.02)
  --change-ms MS     every MS ms a few orders change: paid, refund requested, address changed,
                     closed (default 20000; 0: never)
  --arrive-ms MS     every MS ms a new order is placed (default 0: never)
GET /__orders lists the shop's order numbers, GET /__calls every call received.`;

function number(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got ${text}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      platform: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      'throttle-rate': { type: 'string' },
      'change-ms': { type: 'string' },
      'arrive-ms': { type: 'string' },
      'app-key': { type: 'string' },
      'app-secret': { type: 'string' },
      session: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const platform = values.platform;
  if (platform !== 'taobao' && platform !== 'pdd') throw new Error('--platform must be taobao or pdd');
  const defaults = STUB_CREDENTIALS[platform];
  const stub = await startStub({
    platform,
    port: number(values.port, 'port', 0),
    host: values.host,
    orders: Math.floor(number(values.orders, 'orders', 300)),
    seed: Math.floor(number(values.seed, 'seed', 1)),
    throttleRate: number(values['throttle-rate'], 'throttle-rate', 0.02),
    changeMs: number(values['change-ms'], 'change-ms', 20_000),
    arriveMs: number(values['arrive-ms'], 'arrive-ms', 0),
    credentials: {
      appKey: values['app-key'] ?? defaults.appKey,
      appSecret: values['app-secret'] ?? defaults.appSecret,
      session: values.session ?? defaults.session,
    },
  });
  const { appKey, appSecret, session } = stub.credentials;
  console.log(`${platform} stub gateway at ${stub.url} with ${stub.world.orders().length} orders`);
  console.log(`credentials: --app-key ${appKey} --app-secret ${appSecret} --session ${session}`);
  console.log(
    `add it: npm run server -- shops add --platform ${platform} --gateway ${stub.url} ` +
      `--app-key ${appKey} --app-secret ${appSecret} --session ${session}`,
  );
  const stop = () => void stub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
