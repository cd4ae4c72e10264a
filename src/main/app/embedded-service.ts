import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../server/demo/company';
import { startOrderService, type OrderService } from '../../server/index';

export interface EmbeddedService {
  service: OrderService;
  /** What the demo users sign in with on this run. */
  password: string;
}

/** Orders each demo platform shop's stub gateway holds when the desk starts the demo itself. */
export const DEMO_PLATFORM_ORDERS = 40;

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 16 characters of a 31-letter alphabet (~79 bits), in groups of four so a person can type it. */
export function runPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * With no remote order service configured, the app starts the demo company's service in-process,
 * so a newcomer has a working system with one command. Its data sits beside the client's. The demo
 * users' password is random for each run (the desk shows it on its sign-in screen): any program or
 * user on the machine can reach a loopback port, and the published password would let them in.
 * Only the demo people try out on purpose (`publicDemo`) takes the published one.
 */
export async function startEmbeddedService(
  dataDir: string,
  demoOrders: number,
  { publicDemo, platformOrders = DEMO_PLATFORM_ORDERS }: { publicDemo: boolean; platformOrders?: number },
): Promise<EmbeddedService> {
  const password = publicDemo ? DEMO_PASSWORD : runPassword();
  const service = await startOrderService({
    dataDir: join(dataDir, 'service'),
    demo: true,
    demoOrders,
    port: 0,
    // The demo's 淘宝 and 拼多多 shops, fed by stub gateways: platform orders arrive as a demo runs.
    demoPlatformShops: platformOrders > 0 ? { orders: platformOrders, arriveMs: 20_000 } : null,
    ...(publicDemo ? {} : { demoPassword: password }),
  });
  return { service, password };
}
