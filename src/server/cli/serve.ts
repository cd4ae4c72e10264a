import { DEMO_PASSWORD } from '../demo/company';
import { DEFAULT_DEMO_ORDERS, DEFAULT_PORT, startOrderService } from '../index';
import { CliError, integerOption, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeLocation } from './data-options';

const USAGE = `Usage: npm run server -- [serve] [--demo] [--port <p>] [--host <h>] [--database <url> | --data <dir>]
                         [--pool-size <n>] [--demo-orders <n>] [--log]

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
  --demo-orders <n> demo orders to generate on first seeding (default ${DEFAULT_DEMO_ORDERS})
  --code-verifier-cost <N>
                    scrypt N of the verifiers desks get instead of codes (default 32768): what a
                    counter pays per typed code offline, and anyone holding a verifier per guess
  --log             log every request`;

/** scrypt's N: a power of two from 2^10 to 2^20. */
function powerOfTwo(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1024 || n > 2 ** 20 || (n & (n - 1)) !== 0) {
    throw new CliError(`--code-verifier-cost must be a power of two from 1024 to 1048576, got ${text}`);
  }
  return n;
}

/** `a, b` → `{ [key]: ['a', 'b'] }`; nothing when the option was not given. */
const listOption = <K extends string>(key: K, text: string | undefined): Partial<Record<K, string[]>> =>
  text === undefined
    ? {}
    : ({
        [key]: text
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      } as Record<K, string[]>);

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
        'demo-orders': { type: 'string' },
        log: { type: 'boolean', default: false },
      },
    });
    const location = storeLocation(values);
    const service = await startOrderService({
      ...location,
      demo: values.demo,
      port: integerOption(values.port ?? process.env.PORT, 'port', DEFAULT_PORT),
      host: values.host ?? process.env.HOST ?? '127.0.0.1',
      ...listOption('allowedHosts', values['allowed-hosts'] ?? process.env.ALLOWED_HOSTS),
      ...listOption('trustProxy', values['trust-proxy'] ?? process.env.TRUST_PROXY),
      demoOrders: integerOption(values['demo-orders'], 'demo-orders', DEFAULT_DEMO_ORDERS),
      logger: values.log,
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
