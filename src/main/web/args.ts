import { parseArgs } from 'node:util';

export interface WebArgs {
  port: number;
  dataDir: string;
  /** A remote order service; null starts the embedded demo service. */
  serviceUrl: string | null;
  demoOrders: number;
  /** Orders each of the demo's 淘宝 and 拼多多 stub gateways holds (0: no platform shops). */
  platformOrders: number;
  build: boolean;
  /** The embedded demo takes the published password (demo1234) instead of one made for this run. */
  publicDemo: boolean;
  /** Plain http to a service on another machine (a lab network); refused otherwise. */
  allowHttp: boolean;
  /** The embedded demo's scrypt cost for code verifiers; null: the service's default (2^15). */
  codeVerifierCost: number | null;
}

/** `npm run web -- --port 5170 --data .data/web --service http://127.0.0.1:4610 --demo-orders 3000 --platform-orders 40 --no-build --public-demo --code-verifier-cost 1024` */
export function parseWebArgs(argv: string[]): WebArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5170' },
      data: { type: 'string', default: '.data/web' },
      service: { type: 'string' },
      'demo-orders': { type: 'string', default: '3000' },
      'platform-orders': { type: 'string', default: '40' },
      'no-build': { type: 'boolean', default: false },
      'public-demo': { type: 'boolean', default: false },
      'allow-http': { type: 'boolean', default: false },
      'code-verifier-cost': { type: 'string' },
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
  const cost = values['code-verifier-cost'] === undefined ? null : Number(values['code-verifier-cost']);
  if (cost !== null && (!Number.isInteger(cost) || cost < 1024 || cost > 2 ** 20 || (cost & (cost - 1)) !== 0)) {
    throw new Error(
      `--code-verifier-cost must be a power of two from 1024 to 1048576, got ${values['code-verifier-cost']}`,
    );
  }
  const platformOrders = Number(values['platform-orders']);
  if (!Number.isInteger(platformOrders) || platformOrders < 0 || platformOrders > 100_000) {
    throw new Error(`--platform-orders must be 0-100000, got ${values['platform-orders']}`);
  }
  if (values.service !== undefined && !/^https?:\/\/\S+$/.test(values.service)) {
    throw new Error(`--service must be an http(s) URL, got ${values.service}`);
  }
  return {
    port,
    dataDir: values.data,
    serviceUrl: values.service ?? null,
    demoOrders,
    platformOrders,
    build: !values['no-build'],
    publicDemo: values['public-demo'],
    allowHttp: values['allow-http'],
    codeVerifierCost: cost,
  };
}
