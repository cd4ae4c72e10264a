import { join } from 'node:path';
import { startOrderService, type OrderService } from '../../server/index';

/**
 * With no remote order service configured, the app starts the demo company's service in-process,
 * so a newcomer has a working system with one command. Its data sits beside the client's.
 */
export function startEmbeddedService(dataDir: string, demoOrders: number): Promise<OrderService> {
  return startOrderService({ dataDir: join(dataDir, 'service'), demo: true, demoOrders, port: 0 });
}
