import type { ShopHealth } from '../../shared/contract/connectors';
import { CHANNEL_PLATFORMS } from '../../shared/domain/shops';
import { chinaInstant } from '../../shared/domain/business-day';
import { shopInput } from '../../shared/contract/admin';
import { audit } from '../admin/audit';
import { shopHealth } from '../connectors/health';
import { connectorInput, putConnector, repullSince, setPaused } from '../connectors/manage';
import { CONNECTOR_PLATFORMS } from '../connectors/platform';
import { DEFAULT_CONNECTOR_CONFIG } from '../connectors/poller';
import { loadSecretKey, SECRET_KEY_ENV, SecretKeyError } from '../connectors/secrets';
import { ApiError } from '../http/errors';
import { drawSecret } from '../setup/load';
import { putShop } from '../shops/manage';
import { systemClock } from '../timers/clock';
import { CliError, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeFrom, storeLocation, type DataValues } from './data-options';

const USAGE = `Usage: npm run server -- shops <action> ... [--data <dir> | --database <url>]

  shops add --platform taobao|pdd --gateway <url> --app-key <k> --app-secret <s> --session <t>
            [--name <name>] [--id <shop id>] [--merchant <merchant id>] [--since <yyyy-mm-dd>]
                          connects a 淘宝/天猫 (TOP) or 拼多多 shop: an existing shop (--id) or a new one;
                          a running service polls it within seconds
  shops list [--json]     every connected shop with its health
  shops pause <shop id>   stops polling the shop (write-backs still go out)
  shops resume <shop id>  polls it again
  shops repull <shop id> --since <yyyy-mm-dd>
                          reads every order modified since that day (China time) again; nothing
                          already taken in is taken twice
${DATA_USAGE}
  --secret-key-file <f>   the key the app secret and session are sealed with       env ${SECRET_KEY_ENV}
                          (32 bytes, base64 or hex); without either, <data>/secret.key is made
                          once and used: the service must be started with the same key`;

const OPTIONS = {
  ...DATA_OPTIONS,
  platform: { type: 'string' },
  gateway: { type: 'string' },
  'app-key': { type: 'string' },
  'app-secret': { type: 'string' },
  session: { type: 'string' },
  name: { type: 'string' },
  id: { type: 'string' },
  merchant: { type: 'string' },
  since: { type: 'string' },
  json: { type: 'boolean', default: false },
  'secret-key-file': { type: 'string' },
} as const;

/** yyyy-mm-dd as the start of that business day (shared/domain/business-day.ts). */
function dayOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const at = m ? chinaInstant(Number(m[1]), Number(m[2]), Number(m[3])) : Number.NaN;
  if (!Number.isFinite(at) || at < 0) throw new CliError(`--since must be a date yyyy-mm-dd, got ${text}`);
  return at;
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new CliError(`--${name} is required`);
  return value;
}

function secretKey(keyFile: string | undefined, dataDir: string | undefined): Buffer {
  try {
    return loadSecretKey({ env: process.env[SECRET_KEY_ENV], keyFile, dataDir: dataDir ?? '.' }).key;
  } catch (error) {
    if (error instanceof SecretKeyError) throw new CliError(error.message);
    throw error;
  }
}

export const shopsCommand: Command = {
  name: 'shops',
  summary: 'connect 淘宝/天猫 and 拼多多 shops, see their health, pause, resume, re-pull',
  usage: USAGE,
  async run(args, io) {
    const [action, ...rest] = args;
    if (!['add', 'list', 'pause', 'resume', 'repull'].includes(action ?? ''))
      throw new CliError(action ? `unknown action: shops ${action}` : 'shops needs an action');
    const { values, positionals } = parse({ args: rest, options: OPTIONS, allowPositionals: true });
    const target = () => {
      if (positionals.length !== 1) throw new CliError(`shops ${action} takes one shop id`);
      return positionals[0]!;
    };
    const who = { actor: 'cli', now: systemClock.now() };
    const store = await storeFrom(values as DataValues);
    try {
      if (action === 'add') {
        // After the store: opening it makes the data folder the key file is made in.
        const key = secretKey(values['secret-key-file'], storeLocation(values as DataValues).dataDir);
        const platform = required(values.platform, 'platform');
        if (!(CONNECTOR_PLATFORMS as readonly string[]).includes(platform))
          throw new CliError(`--platform must be ${CONNECTOR_PLATFORMS.join(' or ')}, got ${platform}`);
        const connector = connectorInput.safeParse({
          platform,
          gateway: required(values.gateway, 'gateway'),
          appKey: required(values['app-key'], 'app-key'),
          appSecret: required(values['app-secret'], 'app-secret'),
          session: required(values.session, 'session'),
          since: dayOption(values.since),
        });
        if (!connector.success)
          throw new CliError(connector.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        const input = connector.data;
        const channel = input.platform === 'taobao' ? 'TAOBAO' : 'PDD';
        const shopId = values.id ?? `${channel}-${input.appKey}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64);
        const row = await store.unit(async (tx) => {
          const existing = await tx.shops.get(shopId);
          if (existing && existing.channel !== channel)
            throw new CliError(`shop ${shopId} sells on ${existing.channel}, not on ${channel}`);
          if (!existing) {
            const merchantId = values.merchant ?? (await tx.places.merchants())[0]?.id;
            if (!merchantId) throw new CliError('this company has no merchant yet: set it up first (setup --from …)');
            const shop = shopInput.safeParse({
              id: shopId,
              name: values.name ?? (input.platform === 'taobao' ? '淘宝店铺' : '拼多多店铺'),
              channel,
              platform: CHANNEL_PLATFORMS[channel],
              merchantId,
            });
            if (!shop.success)
              throw new CliError(shop.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
            await putShop(tx, shop.data, who.now, drawSecret);
            await audit(tx, who, 'shop.put', `shop:${shopId}`, { ...shop.data, secretSet: false });
          }
          const connected = await putConnector(tx, shopId, input, {
            key,
            now: who.now,
            initialLookbackMs: DEFAULT_CONNECTOR_CONFIG.initialLookbackMs,
          });
          await audit(tx, who, 'connector.put', `shop:${shopId}`, {
            platform: input.platform,
            gateway: input.gateway,
            appKey: input.appKey,
            since: input.since ?? null,
          });
          return connected;
        });
        io.out(
          `Shop ${shopId} connected to ${input.platform} at ${row.gateway}; a running service polls it within seconds.`,
        );
      } else if (action === 'list') {
        const now = systemClock.now();
        const health = await store.unit(async (tx) => {
          const shops: ShopHealth[] = [];
          for (const c of await tx.connectors.list()) {
            const name = (await tx.shops.get(c.shopId))?.name ?? c.shopId;
            shops.push(shopHealth(c, name, await tx.connectors.counts(c.shopId, now), now));
          }
          return shops;
        });
        if (values.json) io.out(JSON.stringify(health, null, 2));
        else if (health.length === 0) io.out('No shop is connected to a platform yet (shops add).');
        else
          for (const h of health)
            io.out(
              `${h.shopId}\t${h.platform}\t${h.state}\tlag ${Math.round(h.lagMs / 1000)} s\t${h.ordersLastHour} orders last hour\t` +
                `dead ${h.deadLetters}\tlast error ${h.lastError ? `${h.lastError.code} ${h.lastError.message}` : '-'}`,
            );
      } else if (action === 'pause' || action === 'resume') {
        const shopId = target();
        await store.unit(async (tx) => {
          await setPaused(tx, shopId, action === 'pause', who.now);
          await audit(tx, who, `connector.${action}`, `shop:${shopId}`);
        });
        io.out(`Shop ${shopId} ${action === 'pause' ? 'paused: no more polls until resumed' : 'resumed'}.`);
      } else {
        const shopId = target();
        const since = dayOption(required(values.since, 'since'))!;
        await store.unit(async (tx) => {
          await repullSince(tx, shopId, since, who.now);
          await audit(tx, who, 'connector.repull', `shop:${shopId}`, { since });
        });
        io.out(`Shop ${shopId} reads every order modified since ${values.since} again, at its next poll.`);
      }
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(`${error.message} (${error.code})`);
      throw error;
    } finally {
      await store.close();
    }
  },
};
