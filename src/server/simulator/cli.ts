import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../demo/company';
import { Buyers } from './buyers';
import { ServiceClient } from './client';

const USAGE = `Usage: npm run simulate -- --url <service> --rate <actions per second> [--duration <seconds>] [--password <p>]

Signs in as erp1 (the demo company's integration account) and plays the shoppers of the demo
company's shops against a service started with --demo, through the same doors a real ERP uses:
orders into POST /v1/intake/orders, then buyer events (payments: service purchases print their
redemption codes; after-sales requests; receipt confirmations and extensions). Runs until Ctrl-C
or the duration ends.`;

/** Actions in flight at most: a slow service is not buried under an ever-growing queue. */
const MAX_IN_FLIGHT = 64;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      rate: { type: 'string', default: '2' },
      duration: { type: 'string' },
      password: { type: 'string', default: DEMO_PASSWORD },
      help: { type: 'boolean', default: false },
    },
  });
  const rate = Number(values.rate);
  const duration = values.duration === undefined ? Infinity : Number(values.duration);
  if (values.help || !values.url || !(rate > 0) || !(duration > 0)) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const url = values.url.replace(/\/$/, '');
  const service = new ServiceClient(url);
  await service.login('erp1', values.password);
  const started = Date.now();
  const buyers = new Buyers(service, (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`));
  console.log(
    `Simulating ${rate} buyer actions/s against ${url}${Number.isFinite(duration) ? ` for ${duration} s` : ''}`,
  );

  let inFlight = 0;
  let failures = 0;
  const tick = setInterval(() => {
    if (inFlight >= MAX_IN_FLIGHT) return;
    inFlight++;
    buyers
      .act()
      .catch((error: unknown) => {
        failures++;
        console.error(`failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => inFlight--);
  }, 1000 / rate);

  const stop = () => {
    clearInterval(tick);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(
      `\nStopped after ${seconds} s: ${JSON.stringify(buyers.counts)}${failures ? `, ${failures} failed` : ''}`,
    );
    setTimeout(() => process.exit(0), 200);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (Number.isFinite(duration)) setTimeout(stop, duration * 1000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
