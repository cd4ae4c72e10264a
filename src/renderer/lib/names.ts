import type { Directory } from '../../shared/contract/directory';
import { ROLES } from '../../shared/domain/vocabulary';
import { fill } from '../i18n/fill';
import type { Messages } from '../i18n/zh-CN';

type Words = Pick<Messages, 'names' | 'platform'>;

/** A warehouse, store or dealer by its name; the code only when the company has not named it. */
export function placeName(id: string, directory: Directory): string {
  const all = [...directory.warehouses, ...directory.stores, ...directory.dealers];
  return all.find((place) => place.id === id)?.name ?? id;
}

/** A user by their display name. */
export const personName = (username: string, directory: Directory): string =>
  directory.users.find((u) => u.username === username)?.displayName ?? username;

/** Whom an order's timeline may name besides staff: its buyer and the shop it came in through. */
export interface OrderParties {
  buyer?: { id: string; name: string };
  shop?: { id: string; name: string };
  /** A carrier by its name in the reader's language ("carrier:ZTO" reported a parcel's progress). */
  carrierName?: (code: string) => string;
}

const ACCOUNT_ROLES: ReadonlySet<string> = new Set(ROLES);

/**
 * Who acted, as a timeline records it — "warehouse:warehouse1", "warehouse:WH-SH/zhang.wei",
 * "buyer:U10000887", "platform:TMALL", "shop:SHOP-TMALL", "dealer:DL-01", "system" — as people
 * read it: names, never role prefixes or ids.
 */
export function actorName(actor: string, directory: Directory, m: Words, parties: OrderParties = {}): string {
  if (actor === 'system') return m.names.system;
  const [role, who] = actor.includes(':') ? (actor.split(':', 2) as [string, string]) : ['', actor];
  const { buyer, shop } = parties;
  if (role === 'buyer') {
    return buyer && who === buyer.id && buyer.name ? fill(m.names.buyerNamed, { name: buyer.name }) : m.names.buyer;
  }
  if (role === 'platform') return (m.platform as Record<string, string | undefined>)[who] ?? m.names.platform;
  if (role === 'shop') return shop && who === shop.id && shop.name ? shop.name : m.names.shop;
  if (role === 'dealer') return placeName(who, directory);
  if (role === 'carrier') return parties.carrierName?.(who) ?? who;
  const slash = who.indexOf('/');
  if (slash < 0) return personName(who, directory);
  const place = who.slice(0, slash);
  return fill(m.names.atPlace, {
    name: personName(who.slice(slash + 1), directory),
    place: placeName(place, directory),
  });
}

/**
 * The device or door an action came through, in words: 设备 1011, 工作台 01（上海仓）, 订单服务,
 * ERP 接口（订单中台对接） for "integration:erp1", 淘宝/天猫开放平台 for "connector:taobao".
 */
export function deviceName(device: string, directory: Directory, m: Words): string {
  if (device === 'server') return m.names.server;
  // A buyer acts from a platform (小程序, App, 天猫): its name, never its code.
  const platforms = m.platform as Record<string, string | undefined>;
  if (platforms[device]) return platforms[device];
  if (device === 'API') return m.names.api;
  if (device === 'logistics') return m.names.logistics;
  const [door, who] = device.split(':', 2);
  if (who !== undefined) {
    if (door === 'connector')
      return (m.names.connector as Record<string, string | undefined>)[who] ?? m.names.connectorOther;
    // Everything a caller posts to the API is logged through its account ("integration:erp1").
    if (door === 'integration') return fill(m.names.integration, { name: personName(who, directory) });
    if (ACCOUNT_ROLES.has(door!)) return fill(m.names.apiBy, { name: personName(who, directory) });
  }
  const registered = /^DEV-(\d+)$/.exec(device);
  if (registered) return fill(m.names.device, { code: registered[1]! });
  const dealer = /^DEALER-(\d+)$/.exec(device);
  if (dealer) return fill(m.names.dealerDevice, { code: dealer[1]! });
  const till = /^POS-(.+)$/.exec(device);
  if (till) return fill(m.names.pos, { place: placeName(till[1]!, directory) });
  // DESK-<place>-<n> names its place when the company has named it; any other desk goes by its code.
  const desk = /^DESK-(.+?)(?:-(\d+))?$/.exec(device);
  if (!desk) return device;
  const [placeId, n] = [desk[1]!, desk[2]];
  const place = placeName(placeId, directory);
  return n !== undefined && place !== placeId
    ? fill(m.names.deskAt, { code: n, place })
    : fill(m.names.desk, { code: device.slice('DESK-'.length) });
}
