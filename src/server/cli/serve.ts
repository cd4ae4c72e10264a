import { DEMO_PASSWORD } from '../demo/company';
import { DEFAULT_DEMO_ORDERS, DEFAULT_PORT, startOrderService } from '../index';
import { integerOption, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE } from './data-options';

const USAGE = `Usage: npm run server -- [serve] [--demo] [--port <p>] [--host <h>] [--data <dir>] [--demo-orders <n>] [--log]

  --demo            seed the demo company (once) and accept the demo users (password ${DEMO_PASSWORD})
  --port <p>        port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <h>        address to listen on (default 127.0.0.1)
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
        host: { type: 'string', default: '127.0.0.1' },
        'demo-orders': { type: 'string' },
        log: { type: 'boolean', default: false },
      },
    });
    const service = await startOrderService({
      demo: values.demo,
      port: integerOption(values.port, 'port', DEFAULT_PORT),
      host: values.host,
      dataDir: values.data,
      demoOrders: integerOption(values['demo-orders'], 'demo-orders', DEFAULT_DEMO_ORDERS),
      logger: values.log,
    });
    io.out(`Order service listening on ${service.url}`);
    if (values.demo)
      io.out(`Demo mode: sign in as admin, warehouse1, clerk1, dealer1 or service1 with ${DEMO_PASSWORD}`);
    else if (!(await service.hasAdmin()))
      io.out(
        `No admin account yet: create the first with  npm run server -- users add <username> --role admin --data ${values.data}  (password on standard input)`,
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
