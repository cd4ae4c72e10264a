import type { EventName } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/result';
import type { LogName } from '../diagnostics/desk-log';
import type { WorkspaceRef } from '../workspace';

/** What main's thread sends a backend thread. */
export type ToWorker =
  /** A procedure call; a reader gets the workspace to read, the writer knows its own. */
  | { type: 'call'; id: number; procedure: unknown; input: unknown; workspace?: WorkspaceRef }
  /** The answer to one of the writer's calls to main (the token vault, the PDF printer). */
  | { type: 'host-answer'; id: number; ok: true; value: unknown }
  | { type: 'host-answer'; id: number; ok: false; message: string }
  /** Readers: the signed-in user changed; close the store you hold. */
  | { type: 'release' }
  | { type: 'close' };

/** What a backend thread sends main's thread. */
export type FromWorker =
  | { type: 'answer'; id: number; result: Result<unknown> }
  | { type: 'event'; name: EventName; payload: unknown }
  /** The writer: whose store is open now (after a sign-in), or none (after a sign-out). */
  | { type: 'workspace'; workspace: WorkspaceRef | null }
  /** The writer asks main for what only main's thread has. */
  | { type: 'host-call'; id: number; call: HostCall; args: unknown[] }
  /** A file the writer put on its export shelf (a diagnostics bundle), for main's to hand over. */
  | { type: 'export'; id: string; path: string }
  /** A line for one of the desk's logs, which main's thread writes (errors as text). */
  | { type: 'log'; name: LogName; level: 'info' | 'warn' | 'error'; message: string; error?: string }
  | { type: 'closed' };

export type HostCall =
  | 'vault.save'
  | 'vault.load'
  | 'vault.clear'
  | 'printer.toPdf'
  | 'labelPrinter.print'
  | 'keys.protect'
  | 'keys.unprotect'
  | 'app.restart';
