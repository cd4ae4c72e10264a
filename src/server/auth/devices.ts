import { MAX_DEVICE_CODE } from '../../shared/domain/order-number';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import type { Tx } from '../storage/repositories';
import type { Caller } from './caller';

/**
 * A device's code goes into every order number it makes offline, so codes are handed out once and
 * never reused; registering the same device again answers its existing code.
 */
export async function registerDevice(deps: Deps, caller: Caller, deviceId: string): Promise<{ deviceCode: number }> {
  return deps.store.unit(async (tx) => {
    const known = await tx.devices.byId(deviceId);
    if (known) return { deviceCode: known.deviceCode };
    // Drawn from a counter, not the highest code plus one: two registrations at once, on one node
    // or two, never get the same code. A device registered twice at once keeps the first code.
    const deviceCode = await tx.counters.next('device_code', await tx.devices.maxCode());
    if (deviceCode > MAX_DEVICE_CODE) throw new ApiError('DEVICE_CODES_EXHAUSTED', 'Every device code is taken');
    if (await tx.devices.insert({ deviceId, deviceCode }, caller.userId, deps.clock.now())) return { deviceCode };
    const registered = await tx.devices.byId(deviceId);
    if (!registered) throw new Error(`device ${deviceId} was neither inserted nor found`);
    return { deviceCode: registered.deviceCode };
  });
}

/** How a registered device appears in timelines. */
export const deviceLabel = (deviceCode: number): string => `DEV-${String(deviceCode).padStart(4, '0')}`;

/**
 * The device behind an online call, when the client names it (X-Device-Id of a registered device),
 * so the timeline says which counter or desk it was; otherwise just "API".
 */
export async function onlineDevice(tx: Tx, header: string | string[] | undefined): Promise<string> {
  const deviceId = typeof header === 'string' ? header : undefined;
  const device = deviceId && deviceId.length <= 64 ? await tx.devices.byId(deviceId) : null;
  return device ? deviceLabel(device.deviceCode) : 'API';
}

/**
 * A pull that names its device (X-Device-Id, with X-Device-Time: the desk's clock) marks when the
 * service last heard from it: the earliest an offline redemption queued afterwards can claim.
 */
export async function noteDeviceSync(
  deps: Deps,
  headers: Record<string, string | string[] | undefined>,
): Promise<void> {
  const deviceId = headers['x-device-id'];
  if (typeof deviceId !== 'string' || deviceId.length === 0 || deviceId.length > 64) return;
  const now = deps.clock.now();
  const clock = Number(headers['x-device-time']);
  const clockOffset = Number.isSafeInteger(clock) && clock > 0 ? clock - now : 0;
  await deps.store.unit((tx) => tx.deviceSync.record(deviceId, now, clockOffset));
}
