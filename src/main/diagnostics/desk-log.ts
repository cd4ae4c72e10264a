import type { NodeLogger } from 'electron-log';
import { join } from 'node:path';
import { scrub } from './scrub';

/** One log of the desk: main (the shell), backend (dispatcher, sync) or renderer. */
export interface DeskLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const LOG_NAMES = ['main', 'backend', 'renderer'] as const;
export type LogName = (typeof LOG_NAMES)[number];
export type DeskLogs = Record<LogName, DeskLog> & { dir: string };

/** electron-log as both its entries give it: `electron-log/main` in Electron, `/node` in browser mode. */
type ElectronLog = NodeLogger;

/** 1 MiB a file; electron-log then moves it to <name>.old.log, so a log never passes 2 MiB. */
const MAX_BYTES = 1024 * 1024;

const textOf = (value: unknown): string =>
  value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : String(value);

/**
 * The desk's three logs in `dir`, rotated by size, every line scrubbed before it is written
 * (diagnostics/scrub.ts). Nothing is printed to a console: the files are what support reads.
 */
export function openDeskLogs(dir: string, electronLog: ElectronLog): DeskLogs {
  const open = (name: LogName): DeskLog => {
    const log = electronLog.create({ logId: `order-desk-${name}` });
    log.transports.file.resolvePathFn = () => join(dir, `${name}.log`);
    log.transports.file.maxSize = MAX_BYTES;
    log.transports.file.format = '{iso} [{level}] {text}';
    log.transports.file.level = 'info';
    log.transports.console.level = false;
    log.hooks.push((message) => ({ ...message, data: message.data.map((d: unknown) => scrub(textOf(d))) }));
    return {
      info: (text) => log.info(text),
      warn: (text) => log.warn(text),
      error: (text, error) => (error === undefined ? log.error(text) : log.error(text, error)),
    };
  };
  return { dir, main: open('main'), backend: open('backend'), renderer: open('renderer') };
}

/** For code that may run without logs (tests of other things): says nothing. */
export const SILENT: DeskLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
