import { startTestService } from './test/support/service';
import { sku, SELF } from './test/server/helpers';
const s = await startTestService({ demoOrders: 50, logger: true });
const admin = await s.login('admin');
const r = await admin.post('/v1/demo/orders', { lines: [{ sku: sku('PHYSICAL', { merchantId: SELF }), quantity: 2 }] });
console.log(r.status, JSON.stringify(r.body).slice(0, 300));
await s.close();
