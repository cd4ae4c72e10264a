import type { ApiClient, Bridge, EventName, EventPayload, ProcedureName } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/result';
import { createHttpBridge, readBrowserToken } from './http-bridge';

const browserToken = window.api ? null : readBrowserToken();

/** Electron's preload bridge when present; otherwise browser mode over HTTP. */
function pickBridge(): Bridge | null {
  if (window.api) return window.api;
  return browserToken ? createHttpBridge(browserToken) : null;
}

const bridge = pickBridge();

/**
 * Where a finished CSV export downloads from in browser mode; null in Electron, where main
 * wrote the file to disk and the path is what the user needs.
 */
export const exportDownloadUrl = (exportId: string): string | null =>
  browserToken ? `/api/exports/${encodeURIComponent(exportId)}?token=${encodeURIComponent(browserToken)}` : null;
export const hasBridge = bridge !== null;

async function call(procedure: ProcedureName, input: unknown): Promise<Result<unknown>> {
  if (!bridge) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'No connection to the app' } };
  try {
    return (await bridge.invoke(procedure, input)) as Result<unknown>;
  } catch (error) {
    return { ok: false, error: { code: 'TRANSPORT_FAILED', message: String(error) } };
  }
}

const callers = new Map<string, (input: unknown) => Promise<Result<unknown>>>();

/**
 * One typed function per procedure of the contract. Only the contract's types reach the renderer:
 * its zod schemas (the whole IPC contract) would run before the first list row could ask for its
 * page, and main validates every call anyway. A name outside the contract does not type-check, and
 * main refuses it.
 */
export const api = new Proxy({} as ApiClient, {
  get(_, name) {
    if (typeof name !== 'string') return undefined;
    let caller = callers.get(name);
    if (!caller) callers.set(name, (caller = (input: unknown) => call(name as ProcedureName, input)));
    return caller;
  },
});

export function onEvent<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void {
  if (!bridge) return () => undefined;
  return bridge.subscribe(event, (payload) => listener(payload as EventPayload<K>));
}
