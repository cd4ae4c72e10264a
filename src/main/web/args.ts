import { parseArgs } from 'node:util';

export interface WebArgs {
  port: number;
  dataDir: string;
  user: string;
  demoOrders: number;
  build: boolean;
}

/** `npm run web -- --port 5170 --data .data/web --user warehouse1 --demo-orders 5000 --no-build` */
export function parseWebArgs(argv: string[]): WebArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5170' },
      data: { type: 'string', default: '.data/web' },
      user: { type: 'string', default: 'admin' },
      'demo-orders': { type: 'string', default: '2000' },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  const demoOrders = Number(values['demo-orders']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  if (!Number.isInteger(demoOrders) || demoOrders < 0 || demoOrders > 1_000_000) {
    throw new Error(`--demo-orders must be 0-1000000, got ${values['demo-orders']}`);
  }
  return { port, dataDir: values.data, user: values.user, demoOrders, build: !values['no-build'] };
}
