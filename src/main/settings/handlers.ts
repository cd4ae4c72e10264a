import type { DeskSettingsView } from '../../shared/contract/settings-procedures';
import type { DeskLog } from '../diagnostics/desk-log';
import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { checkDeskSettings, readDeskSettings, writeDeskSettings, type DeskStart } from './desk-settings';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.save' | 'settings.restart'>;

export interface SettingsOptions {
  /** Where desk-settings.json lives (the desk's own folder, not a user's). */
  dir: string;
  /** What this run started with (deskStart), and the address it actually uses (the demo's port). */
  start: DeskStart;
  runningServiceUrl: string;
  allowInsecureServiceUrl: boolean;
  /** Restarts the desk (Electron: relaunch); null where the desk cannot restart itself. */
  restart: (() => void) | null;
  log: DeskLog;
}

/** 设置: the connection settings an admin changes for this desk; they apply at the next start. */
export function settingsHandlers(options: SettingsOptions): SettingsHandlers {
  const { start } = options;
  const view = (): DeskSettingsView => {
    const saved = readDeskSettings(options.dir);
    const next = {
      serviceUrl: start.lockedByEnvironment.serviceUrl ? start.serviceUrl : saved.serviceUrl,
      updateUrl: start.lockedByEnvironment.updateUrl ? start.updateUrl : saved.updateUrl,
    };
    return {
      saved,
      running: {
        serviceUrl: options.runningServiceUrl,
        serviceSource: start.serviceSource,
        updateUrl: start.updateUrl,
      },
      lockedByEnvironment: start.lockedByEnvironment,
      restartNeeded: next.serviceUrl !== start.serviceUrl || next.updateUrl !== start.updateUrl,
      canRestart: options.restart !== null,
    };
  };
  return {
    'settings.get': () => view(),
    'settings.save': (ctx, input) => {
      const settings = checkDeskSettings(input, { allowInsecure: options.allowInsecureServiceUrl });
      writeDeskSettings(options.dir, settings);
      const origin = (url: string | null) => (url === null ? 'none (demo)' : new URL(url).origin);
      options.log.info(
        `settings saved by ${ctx.session.username}: service ${origin(settings.serviceUrl)}, updates ${origin(settings.updateUrl)}`,
      );
      return view();
    },
    'settings.restart': (ctx) => {
      const restart = options.restart;
      if (!restart) throw new ApiFailure('NOT_SUPPORTED', 'This desk is restarted by whoever started it');
      options.log.info(`restart asked by ${ctx.session.username}`);
      // After the answer has gone back, so the screen hears that the restart was accepted.
      setTimeout(restart, 200).unref();
      return {};
    },
  };
}
