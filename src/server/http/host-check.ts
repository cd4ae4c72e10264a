/**
 * Which Host names the service answers. A page on another site can point its own name at
 * 127.0.0.1 (DNS rebinding) and then call a loopback service as if it were same-origin; the one
 * thing it cannot change is the Host header, which carries its own name. So a loopback service
 * answers only the names loopback goes by, and a deployed one only the names it is configured with.
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export const isLoopbackAddress = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The allow-list for a service listening on `listenHost`; throws when a deployed one has none. */
export function allowedHostNames(listenHost: string, configured: readonly string[] = []): Set<string> {
  const names = configured.map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (isLoopbackAddress(listenHost)) return new Set([...LOOPBACK_NAMES, ...names]);
  if (names.length === 0) {
    throw new Error(
      `A service listening on ${listenHost} needs its allowed host names (--allowed-hosts orders.example.com): ` +
        'without them any site could reach it through DNS rebinding',
    );
  }
  return new Set(names);
}

/** The name part of a Host header: `[::1]:4610` → `[::1]`, `Orders.Example.com:443` → `orders.example.com`. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const host = header.trim().toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name || null;
}
