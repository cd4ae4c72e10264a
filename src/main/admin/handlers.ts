import type { z } from 'zod';
import { adminProcedures } from '../../shared/contract/admin-procedures';
import type { OutputOf } from '../../shared/contract/api';
import type { CallContext, Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';

type AdminHandlers = Pick<Handlers, keyof typeof adminProcedures>;

const path = (text: string) => encodeURIComponent(text);

/**
 * One service call as the signed-in person, answered or refused as the service said. A company's
 * set-up has no offline copy on a desk: the service answers, or the screen says it cannot be
 * reached; the service's refusal comes back with its own code (USERNAME_TAKEN, LAST_ADMIN,
 * SKU_NOT_FOUND…) for the screen to translate. Connectors and order imports relay the same way.
 */
export async function relayCall<S extends z.ZodType>(
  ctx: CallContext,
  output: S,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<z.output<S>> {
  const answer = await ctx.service.call(method, url, output, body);
  if (answer.ok) return answer.value;
  const { failure } = answer;
  if (failure.kind === 'REJECTED')
    throw new ApiFailure(failure.status === 401 ? 'UNAUTHENTICATED' : 'ACTION_REFUSED', failure.message, failure.code);
  throw new ApiFailure('SERVICE_UNREACHABLE', failure.message);
}

const relay = <K extends keyof typeof adminProcedures>(
  ctx: CallContext,
  procedureName: K,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<OutputOf<K>> =>
  relayCall(ctx, adminProcedures[procedureName].output as z.ZodType, method, url, body) as Promise<OutputOf<K>>;

export const adminHandlers = (): AdminHandlers => ({
  'admin.users': (ctx) => relay(ctx, 'admin.users', 'GET', '/v1/admin/users'),
  'admin.users.add': (ctx, input) => relay(ctx, 'admin.users.add', 'POST', '/v1/admin/users', input),
  'admin.users.edit': (ctx, { username, edit }) =>
    relay(ctx, 'admin.users.edit', 'POST', `/v1/admin/users/${path(username)}`, edit),
  'admin.users.disable': (ctx, { username }) =>
    relay(ctx, 'admin.users.disable', 'POST', `/v1/admin/users/${path(username)}/disable`, {}),
  'admin.users.enable': (ctx, { username }) =>
    relay(ctx, 'admin.users.enable', 'POST', `/v1/admin/users/${path(username)}/enable`, {}),
  'admin.users.password': (ctx, { username, password }) =>
    relay(ctx, 'admin.users.password', 'POST', `/v1/admin/users/${path(username)}/password`, { password }),
  'admin.users.revoke': (ctx, { username }) =>
    relay(ctx, 'admin.users.revoke', 'POST', `/v1/admin/users/${path(username)}/revoke`, {}),
  'admin.places': (ctx) => relay(ctx, 'admin.places', 'GET', '/v1/admin/places'),
  'admin.places.warehouse': (ctx, input) =>
    relay(ctx, 'admin.places.warehouse', 'POST', '/v1/admin/places/warehouses', input),
  'admin.places.store': (ctx, input) => relay(ctx, 'admin.places.store', 'POST', '/v1/admin/places/stores', input),
  'admin.places.dealer': (ctx, input) => relay(ctx, 'admin.places.dealer', 'POST', '/v1/admin/places/dealers', input),
  'admin.shops': (ctx) => relay(ctx, 'admin.shops', 'GET', '/v1/admin/shops'),
  'admin.shops.put': (ctx, input) => relay(ctx, 'admin.shops.put', 'POST', '/v1/admin/shops', input),
  'admin.mappings': (ctx, { shopId }) =>
    relay(ctx, 'admin.mappings', 'GET', `/v1/admin/shops/${path(shopId)}/mappings`),
  'admin.mappings.put': (ctx, { shopId, mapping }) =>
    relay(ctx, 'admin.mappings.put', 'POST', `/v1/admin/shops/${path(shopId)}/mappings`, mapping),
  'admin.mappings.delete': (ctx, { shopId, ...mapping }) =>
    relay(ctx, 'admin.mappings.delete', 'POST', `/v1/admin/shops/${path(shopId)}/mappings/delete`, mapping),
  'admin.recheck': (ctx, input) => relay(ctx, 'admin.recheck', 'POST', '/v1/admin/intake/recheck', input),
  'admin.catalogue': (ctx, { after, limit }) =>
    relay(ctx, 'admin.catalogue', 'GET', `/v1/admin/catalogue?${new URLSearchParams({ after, limit: String(limit) })}`),
  'admin.catalogue.put': (ctx, input) => relay(ctx, 'admin.catalogue.put', 'POST', '/v1/admin/catalogue', input),
  'admin.catalogue.import': (ctx, input) =>
    relay(ctx, 'admin.catalogue.import', 'POST', '/v1/admin/catalogue/import', input),
  'admin.stock.count': (ctx, input) => relay(ctx, 'admin.stock.count', 'POST', '/v1/admin/stock', input),
  'admin.outbound': (ctx, { state }) =>
    relay(ctx, 'admin.outbound', 'GET', `/v1/admin/outbound${state ? `?state=${state}` : ''}`),
  'admin.outbound.replay': (ctx, { id }) =>
    relay(ctx, 'admin.outbound.replay', 'POST', `/v1/admin/outbound/${id}/replay`, {}),
  'admin.audit': (ctx) => relay(ctx, 'admin.audit', 'GET', '/v1/admin/audit'),
});
