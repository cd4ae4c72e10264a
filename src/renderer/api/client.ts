import {
  PROCEDURE_NAMES,
  type ApiClient,
  type Bridge,
  type EventName,
  type EventPayload,
  type ProcedureName,
} from '../../shared/contract/api';
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

/** One typed function per procedure of the contract; the types come from the contract alone. */
export const api = Object.fromEntries(
  PROCEDURE_NAMES.map((name) => [name, (input: unknown) => call(name, input)]),
) as ApiClient;

export function onEvent<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void {
  if (!bridge) return () => undefined;
  return bridge.subscribe(event, (payload) => listener(payload as EventPayload<K>));
}
