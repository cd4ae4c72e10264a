import type { Bridge } from '../../shared/contract/api';

const TOKEN_KEY = 'order-desk-token';

/**
 * Browser mode's stand-in for the preload bridge. The per-run token arrives once in the URL
 * fragment (never sent to the server in a request line), is kept for this tab only, and the
 * fragment is wiped from the address bar.
 */
export function readBrowserToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createHttpBridge(token: string): Bridge {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const ensureSource = (event: string) => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    if (!listeners.has(event)) {
      const set = new Set<(payload: unknown) => void>();
      listeners.set(event, set);
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of set) listener(payload);
      });
    }
    return listeners.get(event)!;
  };

  return {
    async invoke(procedure, input) {
      const response = await fetch(`/api/${encodeURIComponent(procedure)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as unknown;
    },
    subscribe(event, listener) {
      const set = ensureSource(event);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
