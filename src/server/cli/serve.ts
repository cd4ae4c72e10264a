import { DEMO_PASSWORD } from '../demo/company';
import { DEFAULT_DEMO_ORDERS, DEFAULT_PORT, startOrderService } from '../index';
import { integerOption, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeLocation } from './data-options';

const USAGE = `Usage: npm run server -- [serve] [--demo] [--port <p>] [--host <h>] [--database <url> | --data <dir>]
                         [--pool-size <n>] [--demo-orders <n>] [--log]

  --demo            seed the demo company (once) and accept the demo users (password ${DEMO_PASSWORD})
  --port <p>        port to listen on (default ${DEFAULT_PORT}; 0 = any free port)      env PORT
  --host <h>        address to listen on (default 127.0.0.1)                           env HOST
${DATA_USAGE}
  --demo-orders <n> demo orders to generate on first seeding (default ${DEFAULT_DEMO_ORDERS})
  --log             log every request`;

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
      demoOrders: integerOption(values['demo-orders'], 'demo-orders', DEFAULT_DEMO_ORDERS),
      logger: values.log,
    });
    io.out(`Order service listening on ${service.url}`);
    if (values.demo)
      io.out(`Demo mode: sign in as admin, warehouse1, clerk1, dealer1 or service1 with ${DEMO_PASSWORD}`);
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
